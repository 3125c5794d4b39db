/**
 * The same query layer on both drivers: PGlite in-process, and `pg` over the wire protocol against PGlite served
 * on 127.0.0.1 by @electric-sql/pglite-socket (any PostgreSQL with pgvector takes the same path).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { search, vectorLeg } from '../../src/retrieve/search.js';
import type { Db } from '../../src/store/db.js';
import { countAll, getDocument, getPassage, listPassagesOfDocument } from '../../src/store/documents.js';
import { ensureEmbedder } from '../../src/store/embeddings.js';
import { writeDocuments } from '../../src/store/writeDocuments.js';
import { localEmbedder, seededStore } from '../helpers/runtime.js';
import { storeDrivers } from '../helpers/drivers.js';

const META = {
  id: 'testorg-uttalelse-2025',
  organisation: 'Testforbundet',
  title: 'Uttalelse',
  kind: 'statement' as const,
  date: '2025-01-10',
  language: 'nb' as const,
};
const TEXT_V1 =
  'Testforbundet mener at kommunene trenger en felles skyløsning.\n\nVi krever mer opplæring av de ansatte.';
const TEXT_V2 =
  'Testforbundet mener at staten bør eie skyløsningen.\n\nVi krever mer opplæring.\n\nVi vil ha norske språkmodeller.';

describe.each(
  storeDrivers({
    pglite: 'PGlite in-process',
    worker: 'PGlite on its worker thread',
    socket: 'pg over the wire (pglite-socket on 127.0.0.1)',
    postgres: 'PostgreSQL (INNSPILL_TEST_DATABASE_URL)',
  }),
)('query layer on %s', (_name, open) => {
  let db: Db;
  let close: () => Promise<void>;
  let embedder: Awaited<ReturnType<typeof localEmbedder>>;

  beforeAll(async () => {
    ({ db, close } = await open());
    ({ embedder } = await seededStore(db));
  });
  afterAll(async () => close());

  it('seeds the corpus with every passage embedded and offsets that round-trip', async () => {
    // Tests in this file share one store and run shuffled, so check the seed documents by id, not by count.
    const { rows: seedDocs } = await db.query<{ id: string }>(
      `SELECT id FROM documents WHERE id IN ('ntl-prinsipprogram-2019', 'fagforbundet-uttalelse-2024',
        'fagforbundet-innspill-digitaliseringsstrategi-2023', 'oslo-ap-digitalisering-for-alle-2018',
        'ks-innspill-digitaliseringsstrategi-2023')`,
    );
    expect(seedDocs).toHaveLength(5);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM passages WHERE embedding IS NULL');
    expect(Number(rows[0].n)).toBe(0);
    const doc = await getDocument(db, {
      id: (await db.query<{ id: string }>('SELECT id FROM documents ORDER BY id LIMIT 1')).rows[0].id,
    });
    for (const p of await listPassagesOfDocument(db, { documentId: doc!.id }))
      expect(doc!.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('hybrid search returns scores from both legs', async () => {
    const hits = await search(db, embedder, { query: 'Hva mener Fagforbundet om en offentlig skyløsning?', k: 3 });
    expect(hits[0].passage.document.organisation).toBe('Fagforbundet');
    expect(hits.some((h) => h.scores.vectorRank !== null && h.scores.textRank !== null)).toBe(true);
  });

  it('vector-only search returns the passages of the leg, with their documents', async () => {
    const query = 'Hva mener KS om digital kompetanse i kommunene?';
    const leg = await vectorLeg(db, await embedder.embedQuery(query), 4);
    const hits = await search(db, embedder, { query, k: 4, mode: 'vector', understandQuery: false });
    expect(hits.map((h) => h.passage.id)).toEqual(leg.map((h) => h.id));
    for (const [i, h] of hits.entries()) {
      expect(h.scores.vectorRank).toBe(i + 1);
      expect(h.passage).toEqual(await getPassage(db, { id: h.passage.id }));
    }
  });

  it('re-ingesting an unchanged document changes nothing; a changed one replaces its passages', async () => {
    const v1 = ingestText(TEXT_V1, META);
    await writeDocuments(db, embedder, [v1]);
    const before = await countAll(db);
    const firstDoc = await getDocument(db, { id: META.id });
    const again = await writeDocuments(db, embedder, [ingestText(TEXT_V1, META)]);
    expect(again.documents[0].outcome).toBe('unchanged');
    expect(await countAll(db)).toEqual(before);
    expect((await getDocument(db, { id: META.id }))!.updatedAt).toBe(firstDoc!.updatedAt);

    const v2 = ingestText(TEXT_V2, META);
    const replaced = await writeDocuments(db, embedder, [v2]);
    expect(replaced.documents[0].outcome).toBe('replaced');
    const passages = await listPassagesOfDocument(db, { documentId: META.id });
    expect(passages.length).toBe(v2.passages.length);
    expect(passages.map((p) => p.text).join(' ')).toContain('språkmodeller');
    expect((await getPassage(db, { id: passages[0].id }))!.text).not.toContain('kommunene');
  });

  it('a failed ingest leaves the store as it was', async () => {
    const before = await countAll(db);
    const good = ingestText('En helt ny uttalelse om bredbånd i distriktene.', { ...META, id: 'ny-uttalelse-2025' });
    const bad = ingestText('Et dokument som ikke kan lagres.', { ...META, id: 'bad-doc-2025' });
    // A passage that violates the schema (start > end is stored fine, so break the NOT NULL instead).
    (bad.passages[0] as { text: unknown }).text = null;
    await expect(writeDocuments(db, embedder, [good, bad])).rejects.toThrow();
    expect(await countAll(db)).toEqual(before);
    expect(await getDocument(db, { id: 'ny-uttalelse-2025' })).toBeNull();
  });

  it('switching embedder re-embeds every passage at the new dimension', async () => {
    const other = {
      model: 'test-other-embedder-16',
      dimension: 16,
      embedDocuments: async (texts: string[]) =>
        texts.map((t) => Array.from({ length: 16 }, (_, i) => (i === t.length % 16 ? 1 : 0))),
      embedQuery: async (t: string) => Array.from({ length: 16 }, (_, i) => (i === t.length % 16 ? 1 : 0)),
    };
    const progress: number[] = [];
    const n = await ensureEmbedder(db, other, (done) => progress.push(done));
    expect(n).toBe((await countAll(db)).passages);
    expect(progress.at(-1)).toBe(n);
    const { rows } = await db.query<{ d: number }>('SELECT DISTINCT vector_dims(embedding) AS d FROM passages');
    expect(rows.map((r) => Number(r.d))).toEqual([16]);
    // And back again: nothing mixed.
    await ensureEmbedder(db, embedder);
    const back = await db.query<{ d: number }>('SELECT DISTINCT vector_dims(embedding) AS d FROM passages');
    expect(back.rows.map((r) => Number(r.d))).toEqual([embedder.dimension]);
  });
  it('reads follow writes: a new organisation is understood in questions, a changed title is returned', async () => {
    const meta = { ...META, id: 'nyforbundet-uttalelse-2025', organisation: 'Nyforbundet', title: 'Første tittel' };
    const text = 'Nyforbundet mener at arkivene skal ligge i en offentlig skyløsning.\n\nVi krever åpne standarder.';
    const question = { query: 'Hva mener Nyforbundet om skyløsning?', k: 5 };
    // Read everything a search reads before the write, so a memo of it would be warm.
    const before = await search(db, embedder, question);
    expect(before.some((h) => h.passage.document.organisation !== 'Nyforbundet')).toBe(true);
    await writeDocuments(db, embedder, [ingestText(text, meta)]);
    const after = await search(db, embedder, question);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((h) => h.passage.document.organisation === 'Nyforbundet')).toBe(true);
    expect(after[0].passage.document.title).toBe('Første tittel');
    // The same text under a new title: a metadata-only change.
    await writeDocuments(db, embedder, [ingestText(text, { ...meta, title: 'Andre tittel' })]);
    expect((await getPassage(db, { id: after[0].passage.id }))!.document.title).toBe('Andre tittel');
    expect((await search(db, embedder, question))[0].passage.document.title).toBe('Andre tittel');
  });
});
