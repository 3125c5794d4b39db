/**
 * The statements that write documents and their passages, shared by the bulk ingest (writeDocuments.ts) and single
 * uploads (changes.ts), so both store a document exactly alike. Each runs inside the caller's transaction.
 */
import { createHash } from 'node:crypto';
import type { IngestedDocument } from '../../domain/types.js';
import { passageId } from '../../domain/types.js';
import type { CopyColumn } from '../copyBinary.js';
import type { Tx } from '../driver.js';
import { GET_DOCUMENT_HASHES_SQL } from './read.js';

/** Insert or replace many documents from one jsonb array (one statement, whatever the count). */
const UPSERT_DOCUMENTS_SQL = /* SQL */ `
  INSERT INTO documents (id, organisation, title, kind, date, date_start, language, source, format, text, content_hash)
  SELECT x.id, x.organisation, x.title, x.kind, x.date, x.date_start::date, x.language, x.source, x.format, x.text, x.content_hash
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, organisation text, title text, kind text, date text, date_start text,
       language text, source text, format text, text text, content_hash text)
  ON CONFLICT (id) DO UPDATE SET organisation = EXCLUDED.organisation, title = EXCLUDED.title, kind = EXCLUDED.kind,
    date = EXCLUDED.date, date_start = EXCLUDED.date_start, language = EXCLUDED.language, source = EXCLUDED.source,
    format = EXCLUDED.format, text = EXCLUDED.text, content_hash = EXCLUDED.content_hash, updated_at = now(),
    state = 'ready', passages_version = 0, pending_version = NULL, pending_since = NULL`;

/** Metadata-only change of an unchanged text: passages and vectors stay. Returns the ids that changed. */
const UPDATE_DOCUMENTS_META_SQL = /* SQL */ `
  UPDATE documents d SET organisation = x.organisation, title = x.title, kind = x.kind, date = x.date,
    date_start = x.date_start::date, language = x.language, source = x.source, updated_at = now()
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, organisation text, title text, kind text, date text, date_start text,
       language text, source text)
  WHERE d.id = x.id AND (d.organisation, d.title, d.kind, d.date, d.language, coalesce(d.source, ''))
    IS DISTINCT FROM (x.organisation, x.title, x.kind, x.date, x.language, coalesce(x.source, ''))
  RETURNING d.id`;

const DELETE_PASSAGES_OF_DOCUMENTS_SQL = /* SQL */ `DELETE FROM passages WHERE document_id = ANY($1::text[])`;

/** First day of a YYYY, YYYY-MM or YYYY-MM-DD date. */
export function dateStart(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

export type SaveOutcome = 'created' | 'replaced' | 'unchanged' | 'metadata';

/** A document's metadata as the documents row holds it (the bulk write and the pending save's finish). */
export function metaRow(m: IngestedDocument['meta']) {
  return {
    id: m.id,
    organisation: m.organisation,
    title: m.title,
    kind: m.kind,
    date: m.date,
    date_start: dateStart(m.date),
    language: m.language,
    source: m.source ?? null,
  };
}

/** The passage rows of a document, as insertPassages writes them. */
export function passageRows(doc: IngestedDocument) {
  return doc.passages.map((p) => ({
    id: passageId(doc.meta.id, p.ordinal),
    document_id: doc.meta.id,
    ordinal: p.ordinal,
    text: p.text,
    start_offset: p.start,
    end_offset: p.end,
    heading_path: p.headingPath,
    heading_text: p.headingPath.join(' '),
    page: p.page ?? null,
    anchor: p.anchor ?? null,
    content_hash: passageHash(p.text),
  }));
}

// The write path (writeDocuments, and uploads through writeUpload): rows go to Tx.insertRows, which on PGlite is one binary COPY of whole rows,
// vectors included. Measured at 10k passages (CPU-s of the save, median of 3 fresh stores): 4.98 with the jsonb
// parameter (jsonb_to_recordset alone parses 10k rows in 0.3–0.45 s inside WASM) joined to COPYed vectors, 3.95
// with passages by binary COPY, 3.65 with documents by binary COPY too (the INSERT INTO documents of the
// documents' full text went from ~0.36 to ~0.2 s).

/** Column order of DOCUMENT_COPY_COLUMNS' rows. visibility, created_at and updated_at keep their defaults. */
const DOCUMENT_COPY_COLUMNS: readonly CopyColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'organisation', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'date', type: 'text' },
  { name: 'date_start', type: 'date' },
  { name: 'language', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'format', type: 'text' },
  { name: 'text', type: 'text' },
  { name: 'content_hash', type: 'text' },
];

const PASSAGE_COPY_COLUMNS: readonly CopyColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'document_id', type: 'text' },
  { name: 'ordinal', type: 'int4' },
  { name: 'text', type: 'text' },
  { name: 'start_offset', type: 'int4' },
  { name: 'end_offset', type: 'int4' },
  { name: 'heading_path', type: 'text[]' },
  { name: 'heading_text', type: 'text' },
  { name: 'page', type: 'int4' },
  { name: 'anchor', type: 'text' },
  { name: 'content_hash', type: 'text' },
  { name: 'embedding', type: 'vector' },
  { name: 'version', type: 'int4' },
];

/**
 * Insert or replace the rows of documents whose text changed, and delete the passages of those replaced. Which
 * ones exist is read inside the transaction: new ones are inserted in bulk, existing ones upserted as before
 * (keeping created_at and visibility). @returns how many existed.
 */
export async function saveDocumentRows(tx: Tx, { docs }: { docs: IngestedDocument[] }): Promise<number> {
  if (docs.length === 0) return 0;
  const { rows } = await tx.query<{ id: string }>(GET_DOCUMENT_HASHES_SQL, [docs.map((d) => d.meta.id)]);
  const existing = new Set(rows.map((r) => r.id));
  const fresh = docs.filter((d) => !existing.has(d.meta.id));
  await tx.insertRows(
    'documents',
    DOCUMENT_COPY_COLUMNS,
    fresh.map((d) => {
      const m = d.meta;
      return [
        m.id,
        m.organisation,
        m.title,
        m.kind,
        m.date,
        dateStart(m.date),
        m.language,
        m.source ?? null,
        d.format,
        d.text,
        d.contentHash,
      ];
    }),
  );
  const replaced = docs.filter((d) => existing.has(d.meta.id));
  if (replaced.length > 0) {
    const upsert = replaced.map((d) => ({
      ...metaRow(d.meta),
      format: d.format,
      text: d.text,
      content_hash: d.contentHash,
    }));
    await tx.query(UPSERT_DOCUMENTS_SQL, [JSON.stringify(upsert)]);
    // NOTE: only when something is replaced: even a DELETE of no rows fires the statistics trigger.
    await tx.query(DELETE_PASSAGES_OF_DOCUMENTS_SQL, [replaced.map((d) => d.meta.id)]);
  }
  return replaced.length;
}

/**
 * Insert passages (as passageRows makes them) with their vectors, one statement. A missing vector (undefined)
 * is stored as NULL and embedded later (embedMissing). `version`: the document's passages_version (0 for a save
 * in one transaction, which saveDocumentRows resets it to), or a batched save's pending version (pending.ts).
 */
export async function insertPassages(
  tx: Tx,
  {
    rows,
    vectors,
    version = 0,
  }: {
    rows: ReturnType<typeof passageRows>;
    vectors: readonly (ArrayLike<number> | undefined)[];
    version?: number;
  },
): Promise<void> {
  await tx.insertRows(
    'passages',
    PASSAGE_COPY_COLUMNS,
    rows.map((r, i) => [
      r.id,
      r.document_id,
      r.ordinal,
      r.text,
      r.start_offset,
      r.end_offset,
      r.heading_path,
      r.heading_text,
      r.page,
      r.anchor,
      r.content_hash,
      vectors[i],
      version,
    ]),
  );
}

/** Update metadata of documents whose text is unchanged. @returns the ids whose metadata changed. */
export async function updateDocumentsMeta(tx: Tx, { docs }: { docs: IngestedDocument[] }): Promise<Set<string>> {
  if (docs.length === 0) return new Set();
  const { rows } = await tx.query<{ id: string }>(UPDATE_DOCUMENTS_META_SQL, [
    JSON.stringify(docs.map((d) => metaRow(d.meta))),
  ]);
  return new Set(rows.map((r) => r.id));
}

function passageHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
