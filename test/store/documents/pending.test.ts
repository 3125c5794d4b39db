/**
 * Uploads saved in batches (src/store/documents/pending.ts): between batches other requests run, and none of them
 * sees any of the save until its last transaction — not a search, not a document read, not a count. A failed or
 * dead save leaves nothing visible and start-up cleans it away; a replace swaps whole; every acknowledged save is
 * there afterwards. Run on PGlite in-process and through `pg` (the PostgreSQL driver) over a socket.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passageId, type IngestedDocument } from '../../../src/domain/types.js';
import { LocalEmbedder } from '../../../src/embed/local.js';
import { search } from '../../../src/retrieve/search.js';
import type { Db } from '../../../src/store/db.js';
import {
  countAll,
  discardDeadSaves,
  findPassagesContaining,
  getDocument,
  getPassages,
  listDocuments,
  listPassagesOfDocument,
  passageRows,
  withdrawDocument,
  withdrawnSources,
  writeUpload,
} from '../../../src/store/documents.js';
import { beginPendingSave, lockSaveState, savePendingPassages } from '../../../src/store/documents/pending.js';
import { embeddingInput, ensureEmbedder } from '../../../src/store/embeddings.js';
import { migrate } from '../../../src/store/migrate.js';
import { listOrganisations } from '../../../src/store/organisations.js';
import { storeDrivers } from '../../helpers/drivers.js';

const embedder = new LocalEmbedder({ offThread: false });

/** A document of `n` passages, each naming `word` (so searches for it find every one). */
function doc(id: string, word: string, n: number, organisation = 'Testforbundet'): IngestedDocument {
  const texts = Array.from(
    { length: n },
    (_, i) => `Avsnitt ${i} om ${word}: kommunene må få ${word} før omstillingen, mener forbundet.`,
  );
  let at = 0;
  const passages = texts.map((text, ordinal) => {
    const start = at;
    at += text.length + 2;
    return { ordinal, start, end: start + text.length, text, headingPath: [] };
  });
  const text = texts.join('\n\n');
  return {
    meta: { id, organisation, title: `Dokument om ${word}`, kind: 'statement', date: '2024', language: 'nb' },
    text,
    contentHash: createHash('sha256').update(text).digest('hex'),
    format: 'text',
    passages,
  };
}

async function embeddings(d: IngestedDocument) {
  const vectors = await embedder.embedDocuments(d.passages.map((p) => embeddingInput(p)));
  return passageRows(d).map((r, i) => ({ id: r.id, embedding: vectors[i] }));
}

const upload = async (
  db: Db,
  d: IngestedDocument,
  mode: 'create' | 'replace',
  afterBatch?: (saved: number, total: number) => Promise<void> | void,
) => writeUpload(db, { doc: d, embeddings: await embeddings(d), visibility: 'public', mode, batchSize: 2, afterBatch });

/** Document ids of a search's hits, in every mode (only hits whose text has `containing`, when given). */
async function searched(db: Db, query: string, containing?: string): Promise<string[]> {
  const ids: string[] = [];
  for (const mode of ['hybrid', 'text', 'vector'] as const) {
    for (const organisations of [undefined, ['Kvanteforbundet', 'Testforbundet']]) {
      const hits = await search(db, embedder, { query, k: 20, mode, organisations });
      ids.push(
        ...hits.filter((h) => !containing || h.passage.text.includes(containing)).map((h) => h.passage.documentId),
      );
    }
  }
  return ids;
}

/** Everything a reader could see of document `id` (none of it while its first save runs). */
async function visibleOf(db: Db, id: string, word: string) {
  return {
    document: await getDocument(db, { id }),
    listed: (await listDocuments(db)).some((d) => d.id === id),
    passages: (await listPassagesOfDocument(db, { documentId: id })).length,
    byId: (await getPassages(db, { ids: [passageId(id, 0)] })).size,
    containing: (await findPassagesContaining(db, { text: word })).length,
    searched: (await searched(db, word)).filter((d) => d === id).length,
  };
}
const NOTHING = { document: null, listed: false, passages: 0, byId: 0, containing: 0, searched: 0 };

describe.each(
  storeDrivers({
    pglite: 'PGlite in-process',
    worker: 'PGlite on its worker thread',
    socket: 'pg over the wire to PGlite',
    postgres: 'PostgreSQL',
  }),
)('batched upload saves on %s', (_name, open) => {
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await open());
    await migrate(db);
    await ensureEmbedder(db, embedder);
    expect(await upload(db, doc('grunnlag', 'bredbånd', 3), 'create')).toMatchObject({ ok: true });
  });
  afterAll(async () => close());

  it('shows no read any part of a new document until its last batch is in', async () => {
    const before = await countAll(db);
    const seen: unknown[] = [];
    const orgs: string[][] = [];
    const written = await upload(db, doc('kvante', 'kvantesnøscooter', 7, 'Kvanteforbundet'), 'create', async () => {
      seen.push(await visibleOf(db, 'kvante', 'kvantesnøscooter'));
      orgs.push((await listOrganisations(db)).map((o) => o.name));
      expect(await countAll(db)).toEqual(before);
    });
    expect(written).toMatchObject({ ok: true, outcome: 'created', document: { id: 'kvante', passageCount: 7 } });
    expect(seen).toHaveLength(4); // 7 passages, 2 a batch
    for (const s of seen) expect(s).toEqual(NOTHING);
    for (const o of orgs) expect(o).not.toContain('Kvanteforbundet');
    expect(await visibleOf(db, 'kvante', 'kvantesnøscooter')).toMatchObject({
      listed: true,
      passages: 7,
      byId: 1,
      containing: 5, // findPassagesContaining's default limit
    });
    expect((await searched(db, 'kvantesnøscooter')).length).toBeGreaterThan(0);
    expect(await countAll(db)).toEqual({ documents: before.documents + 1, passages: before.passages + 7 });
  });

  it('replaces atomically: readers see the old version whole until the new one is whole', async () => {
    await upload(db, doc('bytte', 'fiberkabel', 3), 'create');
    const seen: { text?: string; passages: string[]; newHits: number; oldHits: number }[] = [];
    const written = await upload(db, doc('bytte', 'satellittradio', 5), 'replace', async () => {
      seen.push({
        text: (await getDocument(db, { id: 'bytte' }))?.text,
        passages: (await listPassagesOfDocument(db, { documentId: 'bytte' })).map((p) => p.text),
        newHits: (await searched(db, 'satellittradio', 'satellittradio')).length,
        oldHits: (await searched(db, 'fiberkabel')).filter((id) => id === 'bytte').length,
      });
    });
    expect(written).toMatchObject({ ok: true, outcome: 'replaced', document: { passageCount: 5 } });
    expect(seen).toHaveLength(3);
    for (const s of seen) {
      expect(s.text).toBe(doc('bytte', 'fiberkabel', 3).text);
      expect(s.passages).toEqual(doc('bytte', 'fiberkabel', 3).passages.map((p) => p.text));
      expect(s.newHits).toBe(0);
      expect(s.oldHits).toBeGreaterThan(0);
    }
    const after = await listPassagesOfDocument(db, { documentId: 'bytte' });
    expect(after.map((p) => p.text)).toEqual(doc('bytte', 'satellittradio', 5).passages.map((p) => p.text));
    expect(await searched(db, 'fiberkabel', 'fiberkabel')).toEqual([]);
    expect(await searched(db, 'satellittradio', 'satellittradio')).toContain('bytte');
  });

  it('a save that fails half-way leaves nothing visible, and a replace that fails leaves the old version', async () => {
    const before = await countAll(db);
    const failing = () => {
      throw new Error('disken ble full midt i lagringen');
    };
    await expect(upload(db, doc('halv', 'hurtigruteskip', 6), 'create', failing)).rejects.toThrow(/disken/);
    expect(await visibleOf(db, 'halv', 'hurtigruteskip')).toEqual(NOTHING);
    expect(await countAll(db)).toEqual(before);

    await expect(upload(db, doc('grunnlag', 'hurtigruteskip', 6), 'replace', failing)).rejects.toThrow(/disken/);
    expect((await listPassagesOfDocument(db, { documentId: 'grunnlag' })).map((p) => p.text)).toEqual(
      doc('grunnlag', 'bredbånd', 3).passages.map((p) => p.text),
    );
    // Nothing left pending: the same uploads go through now.
    expect(await upload(db, doc('halv', 'hurtigruteskip', 6), 'create')).toMatchObject({ ok: true });
    expect(await countAll(db)).toEqual({ documents: before.documents + 1, passages: before.passages + 6 });
  });

  it('a save cut off mid-way (the process died) stays invisible, blocks its id, and start-up discards it', async () => {
    const before = await countAll(db);
    // What a killed process leaves on disk: a begun save and some of its batches, never finished or discarded.
    const dead = doc('avbrutt', 'nordlysmåler', 6);
    const version = await db.transaction(async (tx) =>
      beginPendingSave(tx, { doc: dead, state: await lockSaveState(tx, { id: 'avbrutt' }) }),
    );
    const vectors = new Map((await embeddings(dead)).map((e) => [e.id, e.embedding]));
    const partial = { ...dead, passages: dead.passages.slice(0, 4) };
    await savePendingPassages(db, { doc: partial, version, vectors, batchSize: 2 });
    expect(await visibleOf(db, 'avbrutt', 'nordlysmåler')).toEqual(NOTHING);
    expect(await countAll(db)).toEqual(before);
    expect(await upload(db, dead, 'create')).toEqual({ ok: false, reason: 'busy' });

    if (db.driver === 'pg') {
      // Another process may be saving on PostgreSQL: only a save that has not moved for a while is dead.
      expect(await discardDeadSaves(db)).toEqual([]);
      await db.query(`UPDATE documents SET pending_since = now() - interval '1 hour' WHERE id = 'avbrutt'`);
    }
    expect(await discardDeadSaves(db)).toEqual(['avbrutt']);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM passages WHERE document_id = 'avbrutt'`,
    );
    expect(rows[0].n).toBe(0);
    expect(await upload(db, dead, 'create')).toMatchObject({ ok: true, document: { passageCount: 6 } });
  });

  it('a replace whose document is withdrawn mid-save is refused as withdrawn, leaving no row, passage or pending save', async () => {
    await upload(db, doc('trekkes', 'tindesti', 3), 'create');
    const before = await countAll(db);
    let withdrawn: unknown;
    const written = await upload(db, doc('trekkes', 'havørnreir', 7), 'replace', async (saved) => {
      if (saved === 2) withdrawn = await withdrawDocument(db, { id: 'trekkes' });
    });
    expect(withdrawn).toMatchObject({ documentId: 'trekkes', passagesRemoved: 3 });
    expect(written).toEqual({ ok: false, reason: 'withdrawn' });
    expect(await visibleOf(db, 'trekkes', 'havørnreir')).toEqual(NOTHING);
    expect(await visibleOf(db, 'trekkes', 'tindesti')).toEqual(NOTHING);
    const { rows } = await db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM passages WHERE document_id = 'trekkes')::int
            + (SELECT count(*) FROM documents WHERE id = 'trekkes')::int AS n`,
    );
    expect(rows[0].n).toBe(0);
    expect(await countAll(db)).toEqual({ documents: before.documents - 1, passages: before.passages - 3 });
    expect((await withdrawnSources(db, { passageIds: ['trekkes-p000'] })).size).toBe(1);
    // A replace after the withdrawal is refused the same way; a new upload of the id goes through.
    expect(await upload(db, doc('trekkes', 'havørnreir', 7), 'replace')).toEqual({ ok: false, reason: 'withdrawn' });
    expect(await upload(db, doc('trekkes', 'havørnreir', 7), 'create')).toMatchObject({ ok: true, outcome: 'created' });
  });

  it('acknowledges every one of several uploads saved at once, each whole, searches answering meanwhile', async () => {
    const words = ['lyngheisti', 'torvmyrvei', 'sjøsprøyt', 'fjellbjørk'];
    const docs = words.map((w, i) => doc(`samtidig-${i}`, w, 5));
    const results = await Promise.all([
      ...docs.map((d) => upload(db, d, 'create')),
      ...words.map((w) => searched(db, w)),
    ]);
    expect(results.slice(0, 4)).toEqual(docs.map(() => expect.objectContaining({ ok: true, outcome: 'created' })));
    for (const [i, d] of docs.entries()) {
      expect((await listPassagesOfDocument(db, { documentId: d.meta.id })).map((p) => p.text)).toEqual(
        d.passages.map((p) => p.text),
      );
      expect(await searched(db, words[i])).toContain(d.meta.id);
    }
    // BM25 statistics match the stored passages after all of it (saves, failures, discards).
    const { rows } = await db.query<{ ok: boolean }>(`
      SELECT (c.passages, c.total_length) = (SELECT count(*)::int, coalesce(sum(length(tsv)), 0)::bigint FROM passages) AS ok
      FROM corpus_stats c`);
    expect(rows[0].ok).toBe(true);
  });
});
