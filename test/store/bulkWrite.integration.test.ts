/**
 * The bulk write path (writeDocuments → binary COPY on PGlite and PostgreSQL, jsonb to PGlite over a socket) on every driver: every column arrives
 * as written, vectors as float4, a missing vector as NULL, replaced documents keep what an upsert keeps, and the
 * BM25 statistics (migrations 003, 007) stay exactly what the stored tsvectors say, however many statements the
 * passages were saved in and whatever was replaced, withdrawn or rolled back since.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentMeta, IngestedDocument, PassageDraft } from '../../src/domain/types.js';
import { LocalEmbedder } from '../../src/embed/local.js';
import type { Db } from '../../src/store/db.js';
import { getDocument, listPassagesOfDocument, withdrawDocument } from '../../src/store/documents.js';
import { embeddingInput, ensureEmbedder, type VectorEmbedder } from '../../src/store/embeddings.js';
import { migrate } from '../../src/store/migrate.js';
import { parseVectorLiteral } from '../../src/store/vectorCodec.js';
import { saveBatchEnds, STREAM_FROM, writeDocuments } from '../../src/store/writeDocuments.js';
import { storeDrivers } from '../helpers/drivers.js';

const embedder = new LocalEmbedder({ offThread: false });
/** The same vectors, but flagged as working off the main thread: writeDocuments streams its save. */
const streaming: VectorEmbedder & { embedsOffMainThread: boolean } = {
  model: embedder.model,
  dimension: embedder.dimension,
  embedsOffMainThread: true,
  embedDocuments: (texts) => embedder.embedDocuments(texts),
};

function doc(
  id: string,
  paragraphs: (Partial<PassageDraft> & { text: string })[],
  meta: Partial<DocumentMeta> = {},
): IngestedDocument {
  let at = 0;
  const passages: PassageDraft[] = paragraphs.map((p, ordinal) => {
    const start = at;
    at += p.text.length + 2;
    return { ordinal, start, end: start + p.text.length, headingPath: [], ...p };
  });
  const text = paragraphs.map((p) => p.text).join('\n\n');
  return {
    meta: {
      id,
      organisation: 'Testforbundet',
      title: `Dokument ${id}`,
      kind: 'statement',
      date: '2024',
      language: 'nb',
      ...meta,
    },
    text,
    contentHash: createHash('sha256').update(text).digest('hex'),
    format: 'text',
    passages,
  };
}

const SENTENCES = [
  'Kommunene trenger en felles skyløsning for å digitalisere tjenestene.',
  'Forbundet krever at de ansatte involveres tidlig i digitaliseringen.',
  'Staten bør eie den nasjonale infrastrukturen for kunstig intelligens.',
  'Opplæring i arbeidstiden er en forutsetning for omstilling.',
  'Personvernet må veie tyngre enn effektiviseringsgevinstene.',
  'Bredbånd i distriktene er et offentlig ansvar, mener vi.',
];
/** n documents of 1–4 passages each, drawn from SENTENCES with a numbered twist so lexemes differ. */
const corpus = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    doc(
      `${prefix}-${i}`,
      Array.from({ length: 1 + (i % 4) }, (_, j) => ({
        text: `${SENTENCES[(i + j) % SENTENCES.length]} Punkt ${prefix}${i}x${j}.`,
      })),
    ),
  );

/** lexeme_stats and corpus_stats against what passages.tsv says now. */
async function expectExactStats(db: Db) {
  const { rows: diff } = await db.query(`
    WITH truth AS (SELECT l AS lexeme, count(*)::int AS df FROM passages, unnest(tsvector_to_array(tsv)) AS l GROUP BY l)
    SELECT coalesce(t.lexeme, s.lexeme) AS lexeme, t.df AS truth, s.df AS stored
    FROM truth t FULL JOIN lexeme_stats s ON s.lexeme = t.lexeme WHERE t.df IS DISTINCT FROM s.df LIMIT 5`);
  expect(diff).toEqual([]);
  const { rows } = await db.query<{ ok: boolean }>(`
    SELECT (c.passages, c.total_length) = (SELECT count(*)::int, coalesce(sum(length(tsv)), 0)::bigint FROM passages) AS ok
    FROM corpus_stats c`);
  expect(rows[0].ok).toBe(true);
}

describe('saveBatchEnds', () => {
  it('starts with one embedding batch, grows threefold up to a cap and ends at the total', () => {
    expect(saveBatchEnds(10_000, 512)).toEqual([512, 2048, 6656, 10_000]);
    expect(saveBatchEnds(STREAM_FROM - 1, 512)).toEqual([STREAM_FROM - 1]);
    expect(saveBatchEnds(0, 512)).toEqual([]);
    expect(saveBatchEnds(100_000, 512).slice(-4)).toEqual([40_480, 60_480, 80_480, 100_000]);
    expect(saveBatchEnds(20, 3, { streamFrom: 0 })).toEqual([3, 12, 20]);
  });
});

describe.each(
  storeDrivers({
    pglite: 'PGlite in-process (binary COPY)',
    worker: 'PGlite on its worker thread (binary COPY)',
    socket: 'pg over the wire to PGlite (jsonb)',
    postgres: 'PostgreSQL (binary COPY FROM STDIN)',
  }),
)('bulk write on %s', (_name, open) => {
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await open());
    await migrate(db);
    await ensureEmbedder(db, embedder);
  });
  afterAll(async () => close());

  it('stores every column as written and every vector as float4', async () => {
    const written = doc(
      'kolonner',
      [
        {
          text: 'Første avsnitt om «skyløsninger» – med æøå, emoji 🇳🇴 og \\ skråstrek.',
          headingPath: ['Innledning', 'Bakgrunn'],
          page: 3,
          anchor: 'kap-1',
        },
        { text: 'Andre avsnitt uten overskrift.', page: null, anchor: null },
      ],
      { date: '2024-03', source: 'https://example.org/a' },
    );
    await writeDocuments(db, streaming, [written]);
    const stored = await getDocument(db, { id: 'kolonner' });
    expect(stored).toMatchObject({
      text: written.text,
      contentHash: written.contentHash,
      date: '2024-03',
      source: 'https://example.org/a',
      visibility: 'public',
    });
    const {
      rows: [d],
    } = await db.query<{ date_start: string }>(`SELECT date_start::text FROM documents WHERE id = 'kolonner'`);
    expect(d.date_start).toBe('2024-03-01');

    const passages = await listPassagesOfDocument(db, { documentId: 'kolonner' });
    expect(passages.map((p) => [p.text, p.start, p.end, p.headingPath, p.page, p.anchor])).toEqual(
      written.passages.map((p) => [p.text, p.start, p.end, p.headingPath, p.page ?? null, p.anchor ?? null]),
    );
    const { rows } = await db.query<{ heading_text: string; embedding: string | number[] }>(
      `SELECT heading_text, embedding FROM passages WHERE document_id = 'kolonner' ORDER BY ordinal`,
    );
    expect(rows.map((r) => r.heading_text)).toEqual(['Innledning Bakgrunn', '']);
    rows.forEach((r, i) => {
      // pgvector prints a float4 in its shortest decimal form: back through Math.fround it is that float4 exactly.
      const got = typeof r.embedding === 'string' ? parseVectorLiteral(r.embedding) : r.embedding;
      expect(got.map(Math.fround)).toEqual(embedder.embed(embeddingInput(written.passages[i])).map(Math.fround));
    });
  });

  it('stores a passage the embedder gave no vector as NULL', async () => {
    const short: VectorEmbedder = {
      ...streaming,
      embedDocuments: async (texts) => (await embedder.embedDocuments(texts)).slice(1),
    };
    await writeDocuments(db, short, [
      doc('uten-vektor', [{ text: 'Ingen vektor her.' }, { text: 'Heller ikke her.' }]),
    ]);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM passages WHERE document_id = 'uten-vektor' AND embedding IS NULL`,
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('keeps the BM25 statistics exact through streamed saves, replacements, withdrawals and rollbacks', async () => {
    // Statements of 3, 9, 27, … passages: lexemes inserted by one statement are updated by the next.
    const first = corpus('a', 30);
    const r1 = await writeDocuments(db, streaming, first, { embedBatch: 3, streamFrom: 0 });
    expect(r1.passagesWritten).toBe(first.reduce((n, d) => n + d.passages.length, 0));
    await expectExactStats(db);

    // Replace some (changed text), keep some (unchanged), add new ones, without streaming this time.
    const second = [
      ...corpus('a', 10).map((d, i) =>
        i % 2 ? d : doc(d.meta.id, [{ text: `Helt ny tekst om jernbane og sykehus ${i}.` }]),
      ),
      ...corpus('b', 5),
    ];
    const r2 = await writeDocuments(db, embedder, second);
    expect(r2.documents.filter((d) => d.outcome === 'replaced')).toHaveLength(5);
    expect(r2.documents.filter((d) => d.outcome === 'unchanged')).toHaveLength(5);
    await expectExactStats(db);
    const { rows: gone } = await db.query(`SELECT 1 FROM lexeme_stats WHERE df <= 0`);
    expect(gone).toEqual([]);

    // A withdrawal deletes the only passages that had some lexemes: they leave lexeme_stats.
    await writeDocuments(db, streaming, [doc('sjelden', [{ text: 'Xylofonundervisning og zeppelinerfart.' }])]);
    await withdrawDocument(db, { id: 'sjelden' });
    await expectExactStats(db);
    const { rows: rare } = await db.query(
      `SELECT lexeme FROM lexeme_stats WHERE lexeme LIKE 'xylofon%' OR lexeme LIKE 'zeppelin%'`,
    );
    expect(rare).toEqual([]);

    // A failed ingest (NOT NULL violated in the last statement) leaves statistics and rows as they were.
    const before = await db.query(
      `SELECT (SELECT count(*) FROM passages)::int AS p, (SELECT sum(df) FROM lexeme_stats)::int AS s`,
    );
    const bad = corpus('c', 12);
    (bad[11].passages[0] as { text: unknown }).text = null;
    await expect(writeDocuments(db, streaming, bad, { embedBatch: 3, streamFrom: 0 })).rejects.toThrow();
    expect(
      (await db.query(`SELECT (SELECT count(*) FROM passages)::int AS p, (SELECT sum(df) FROM lexeme_stats)::int AS s`))
        .rows,
    ).toEqual(before.rows);
    expect(await getDocument(db, { id: 'c-0' })).toBeNull();
    await expectExactStats(db);
  });

  it('replacing a document keeps its created_at and visibility, like the upsert it is', async () => {
    await writeDocuments(db, streaming, [doc('synlig', [{ text: 'Første versjon.' }])]);
    await db.query(
      `UPDATE documents SET visibility = 'internal', created_at = '2020-01-01T00:00:00Z' WHERE id = 'synlig'`,
    );
    const r = await writeDocuments(db, streaming, [
      doc('synlig', [{ text: 'Andre versjon.' }, { text: 'Med to avsnitt.' }]),
    ]);
    expect(r.documents[0].outcome).toBe('replaced');
    const stored = await getDocument(db, { id: 'synlig' });
    expect(stored).toMatchObject({ visibility: 'internal', createdAt: '2020-01-01T00:00:00.000Z', passageCount: 2 });
  });

  it('an embedder failing in the middle of a streamed save writes nothing', async () => {
    let calls = 0;
    const flaky: VectorEmbedder & { embedsOffMainThread: boolean } = {
      ...streaming,
      embedDocuments: async (texts) => {
        if (++calls === 3) throw new Error('embedder down');
        return embedder.embedDocuments(texts);
      },
    };
    await expect(writeDocuments(db, flaky, corpus('d', 10), { embedBatch: 2, streamFrom: 0 })).rejects.toThrow(
      'embedder down',
    );
    expect(await getDocument(db, { id: 'd-0' })).toBeNull();
    await expectExactStats(db);
  });
});
