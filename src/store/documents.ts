/** Data access for documents and their passages. Named queries, one object argument per function. */
import { createHash } from 'node:crypto';
import type { DocumentSummary, IngestedDocument, Passage, PassageWithDocument, StoredDocument } from '../domain/types.js';
import { passageId } from '../domain/types.js';
import type { CopyColumn } from './copyBinary.js';
import type { Db, Queryable, Tx } from './db.js';
import { generationMemo } from './readCache.js';

const DOC_SUMMARY_COLUMNS = /* SQL */ `
  d.id, d.organisation, d.title, d.kind, d.date, d.language, d.source, d.format, d.content_hash, d.visibility,
  d.created_at::text AS created_at, d.updated_at::text AS updated_at,
  (SELECT count(*)::int FROM passages x WHERE x.document_id = d.id) AS passage_count`;

export const LIST_DOCUMENTS_SQL = /* SQL */ `
  SELECT ${DOC_SUMMARY_COLUMNS} FROM documents d
  WHERE ($1::text IS NULL OR lower(d.organisation) = lower($1))
  ORDER BY d.organisation, d.date DESC, d.id`;

export const GET_DOCUMENT_SQL = /* SQL */ `SELECT ${DOC_SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = $1`;

export const GET_DOCUMENT_HASHES_SQL = /* SQL */ `SELECT id, content_hash FROM documents WHERE id = ANY($1::text[])`;

/** Insert or replace many documents from one jsonb array (one statement, whatever the count). */
export const UPSERT_DOCUMENTS_SQL = /* SQL */ `
  INSERT INTO documents (id, organisation, title, kind, date, date_start, language, source, format, text, content_hash)
  SELECT x.id, x.organisation, x.title, x.kind, x.date, x.date_start::date, x.language, x.source, x.format, x.text, x.content_hash
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, organisation text, title text, kind text, date text, date_start text,
       language text, source text, format text, text text, content_hash text)
  ON CONFLICT (id) DO UPDATE SET organisation = EXCLUDED.organisation, title = EXCLUDED.title, kind = EXCLUDED.kind,
    date = EXCLUDED.date, date_start = EXCLUDED.date_start, language = EXCLUDED.language, source = EXCLUDED.source,
    format = EXCLUDED.format, text = EXCLUDED.text, content_hash = EXCLUDED.content_hash, updated_at = now()`;

/** Metadata-only change of an unchanged text: passages and vectors stay. Returns the ids that changed. */
export const UPDATE_DOCUMENTS_META_SQL = /* SQL */ `
  UPDATE documents d SET organisation = x.organisation, title = x.title, kind = x.kind, date = x.date,
    date_start = x.date_start::date, language = x.language, source = x.source, updated_at = now()
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, organisation text, title text, kind text, date text, date_start text,
       language text, source text)
  WHERE d.id = x.id AND (d.organisation, d.title, d.kind, d.date, d.language, coalesce(d.source, ''))
    IS DISTINCT FROM (x.organisation, x.title, x.kind, x.date, x.language, coalesce(x.source, ''))
  RETURNING d.id`;

export const DELETE_PASSAGES_OF_DOCUMENTS_SQL = /* SQL */ `DELETE FROM passages WHERE document_id = ANY($1::text[])`;
export const DELETE_DOCUMENT_SQL = /* SQL */ `DELETE FROM documents WHERE id = $1 RETURNING id`;

export const PASSAGE_COLUMNS = /* SQL */ `
  p.id, p.document_id, p.ordinal, p.text, p.start_offset, p.end_offset, p.heading_path, p.page, p.anchor, p.content_hash`;

// NOTE: joined rows carry the document as one jsonb object, so its columns can't shadow the passage's (both have id).
// Named columns, not to_jsonb(d): that would read (and decompress) each document's whole text only to drop it.
// Ordinals run 0..n-1 in every document, so the passage count is one probe of the (document_id, ordinal) index;
// count(*) read every index entry of the document and made a search's passage fetch take 20 ms now and then.
const DOC_AS_JSON = /* SQL */ `
  jsonb_build_object('id', d.id, 'organisation', d.organisation, 'title', d.title, 'kind', d.kind, 'date', d.date,
    'language', d.language, 'source', d.source, 'format', d.format, 'content_hash', d.content_hash,
    'visibility', d.visibility, 'created_at', d.created_at, 'updated_at', d.updated_at,
    'passage_count', coalesce((SELECT max(x.ordinal) + 1 FROM passages x WHERE x.document_id = d.id), 0)) AS doc`;

export const GET_PASSAGES_SQL = /* SQL */ `
  SELECT ${PASSAGE_COLUMNS}, ${DOC_AS_JSON}
  FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id = ANY($1::text[])`;

/** The passages alone, for stores whose document summaries are in memory (readCache.ts). */
export const GET_PASSAGES_ONLY_SQL = /* SQL */ `SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.id = ANY($1::text[])`;

/** Document summaries by id, in the shape DOC_AS_JSON gives them. */
export const GET_DOCUMENT_SUMMARIES_SQL = /* SQL */ `SELECT ${DOC_AS_JSON} FROM documents d WHERE d.id = ANY($1::text[])`;

export const LIST_PASSAGES_OF_DOCUMENT_SQL = /* SQL */ `
  SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.document_id = $1 ORDER BY p.ordinal`;

export const COUNT_SQL = /* SQL */ `
  SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM passages) AS passages`;

/** Passages whose text contains a string (case-insensitive), for finding where a quote really comes from. */
export const FIND_PASSAGES_CONTAINING_SQL = /* SQL */ `
  SELECT ${PASSAGE_COLUMNS}, ${DOC_AS_JSON}
  FROM passages p JOIN documents d ON d.id = p.document_id
  WHERE strpos(lower(p.text), lower($1)) > 0 ORDER BY p.id LIMIT $2`;

type Row = Record<string, any>;

export function rowToSummary(r: Row): DocumentSummary {
  return {
    id: r.id,
    organisation: r.organisation,
    title: r.title,
    kind: r.kind,
    date: r.date,
    language: r.language,
    source: r.source ?? undefined,
    format: r.format,
    contentHash: r.content_hash,
    passageCount: Number(r.passage_count ?? 0),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    visibility: r.visibility ?? 'public',
  };
}

export function rowToPassage(r: Row): Passage {
  return {
    id: r.id,
    documentId: r.document_id,
    ordinal: r.ordinal,
    text: r.text,
    start: r.start_offset,
    end: r.end_offset,
    headingPath: r.heading_path ?? [],
    page: r.page ?? null,
    anchor: r.anchor ?? null,
    contentHash: r.content_hash,
  };
}

function rowToPassageWithDocument(r: Row): PassageWithDocument {
  const doc = typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc;
  return { ...rowToPassage(r), document: rowToSummary(doc) };
}

export async function listDocuments(db: Queryable, { organisation }: { organisation?: string } = {}): Promise<DocumentSummary[]> {
  const { rows } = await db.query(LIST_DOCUMENTS_SQL, [organisation ?? null]);
  return rows.map(rowToSummary);
}

export async function getDocument(db: Queryable, { id }: { id: string }): Promise<StoredDocument | null> {
  const { rows } = await db.query(GET_DOCUMENT_SQL, [id]);
  return rows[0] ? { ...rowToSummary(rows[0]), text: (rows[0] as Row).text } : null;
}

export async function listPassagesOfDocument(db: Queryable, { documentId }: { documentId: string }): Promise<Passage[]> {
  const { rows } = await db.query(LIST_PASSAGES_OF_DOCUMENT_SQL, [documentId]);
  return rows.map(rowToPassage);
}

export async function getPassages(db: Queryable, { ids }: { ids: string[] }): Promise<Map<string, PassageWithDocument>> {
  if (ids.length === 0) return new Map();
  const memo = generationMemo(db);
  if (!memo) {
    const { rows } = await db.query(GET_PASSAGES_SQL, [ids]);
    return new Map(rows.map((r) => {
      const p = rowToPassageWithDocument(r);
      return [p.id, p];
    }));
  }
  // Summaries kept until the next write: only the passages are read, and the documents not seen since.
  const { rows } = await db.query(GET_PASSAGES_ONLY_SQL, [ids]);
  return withDocuments(db, rows.map(rowToPassage));
}

/**
 * Passages with their documents' summaries, from the memo on stores that keep one (read only for documents not
 * seen since the last write), else in one statement. A passage whose document is gone is left out.
 */
export async function withDocuments(db: Queryable, passages: Passage[]): Promise<Map<string, PassageWithDocument>> {
  const memo = generationMemo(db) ?? new Map<string, unknown>();
  const key = (id: string) => `document-summary:${id}`;
  const missing = [...new Set(passages.map((p) => p.documentId))].filter((id) => !memo.has(key(id)));
  if (missing.length) {
    const { rows: docs } = await db.query(GET_DOCUMENT_SUMMARIES_SQL, [missing]);
    for (const r of docs) {
      // Frozen: one object is shared by every hit from the document until the next write.
      const summary = Object.freeze(rowToSummary(typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc));
      memo.set(key(summary.id), summary);
    }
  }
  const found = new Map<string, PassageWithDocument>();
  for (const p of passages) {
    const document = memo.get(key(p.documentId)) as DocumentSummary | undefined;
    if (document) found.set(p.id, { ...p, document });
  }
  return found;
}

export async function getPassage(db: Queryable, { id }: { id: string }): Promise<PassageWithDocument | null> {
  return (await getPassages(db, { ids: [id] })).get(id) ?? null;
}

export async function findPassagesContaining(db: Queryable, { text, limit = 5 }: { text: string; limit?: number }): Promise<PassageWithDocument[]> {
  const { rows } = await db.query(FIND_PASSAGES_CONTAINING_SQL, [text, limit]);
  return rows.map(rowToPassageWithDocument);
}

export async function countAll(db: Queryable): Promise<{ documents: number; passages: number }> {
  const { rows } = await db.query<{ documents: number; passages: number }>(COUNT_SQL);
  return { documents: Number(rows[0].documents), passages: Number(rows[0].passages) };
}

/** First day of a YYYY, YYYY-MM or YYYY-MM-DD date. */
export function dateStart(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

export type SaveOutcome = 'created' | 'replaced' | 'unchanged' | 'metadata';

/** The stored content hash of each given document id that exists. */
export async function getContentHashes(db: Queryable, { ids }: { ids: string[] }): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; content_hash: string }>(GET_DOCUMENT_HASHES_SQL, [ids]);
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}

function metaRow(m: IngestedDocument['meta']) {
  return {
    id: m.id, organisation: m.organisation, title: m.title, kind: m.kind, date: m.date, date_start: dateStart(m.date),
    language: m.language, source: m.source ?? null,
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
export const DOCUMENT_COPY_COLUMNS: readonly CopyColumn[] = [
  { name: 'id', type: 'text' }, { name: 'organisation', type: 'text' }, { name: 'title', type: 'text' },
  { name: 'kind', type: 'text' }, { name: 'date', type: 'text' }, { name: 'date_start', type: 'date' },
  { name: 'language', type: 'text' }, { name: 'source', type: 'text' }, { name: 'format', type: 'text' },
  { name: 'text', type: 'text' }, { name: 'content_hash', type: 'text' },
];

export const PASSAGE_COPY_COLUMNS: readonly CopyColumn[] = [
  { name: 'id', type: 'text' }, { name: 'document_id', type: 'text' }, { name: 'ordinal', type: 'int4' },
  { name: 'text', type: 'text' }, { name: 'start_offset', type: 'int4' }, { name: 'end_offset', type: 'int4' },
  { name: 'heading_path', type: 'text[]' }, { name: 'heading_text', type: 'text' }, { name: 'page', type: 'int4' },
  { name: 'anchor', type: 'text' }, { name: 'content_hash', type: 'text' }, { name: 'embedding', type: 'vector' },
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
  await tx.insertRows('documents', DOCUMENT_COPY_COLUMNS, fresh.map((d) => {
    const m = d.meta;
    return [m.id, m.organisation, m.title, m.kind, m.date, dateStart(m.date), m.language, m.source ?? null, d.format, d.text, d.contentHash];
  }));
  const replaced = docs.filter((d) => existing.has(d.meta.id));
  if (replaced.length > 0) {
    const upsert = replaced.map((d) => ({ ...metaRow(d.meta), format: d.format, text: d.text, content_hash: d.contentHash }));
    await tx.query(UPSERT_DOCUMENTS_SQL, [JSON.stringify(upsert)]);
    // NOTE: only when something is replaced: even a DELETE of no rows fires the statistics trigger.
    await tx.query(DELETE_PASSAGES_OF_DOCUMENTS_SQL, [replaced.map((d) => d.meta.id)]);
  }
  return replaced.length;
}

/**
 * Insert passages (as passageRows makes them) with their vectors, one statement. A missing vector (undefined)
 * is stored as NULL and embedded later (embedMissing).
 */
export async function insertPassages(
  tx: Tx,
  { rows, vectors }: { rows: ReturnType<typeof passageRows>; vectors: readonly (ArrayLike<number> | undefined)[] },
): Promise<void> {
  await tx.insertRows('passages', PASSAGE_COPY_COLUMNS, rows.map((r, i) => [
    r.id, r.document_id, r.ordinal, r.text, r.start_offset, r.end_offset, r.heading_path, r.heading_text, r.page,
    r.anchor, r.content_hash, vectors[i],
  ]));
}

/** Update metadata of documents whose text is unchanged. @returns the ids whose metadata changed. */
export async function updateDocumentsMeta(tx: Tx, { docs }: { docs: IngestedDocument[] }): Promise<Set<string>> {
  if (docs.length === 0) return new Set();
  const { rows } = await tx.query<{ id: string }>(UPDATE_DOCUMENTS_META_SQL, [JSON.stringify(docs.map((d) => metaRow(d.meta)))]);
  return new Set(rows.map((r) => r.id));
}

export async function deleteDocument(db: Db, { id }: { id: string }): Promise<boolean> {
  const { rows } = await db.query(DELETE_DOCUMENT_SQL, [id]);
  return rows.length > 0;
}

export function passageHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
