/** Data access for documents and their passages. Named queries, one object argument per function. */
import { createHash } from 'node:crypto';
import type { DocumentSummary, IngestedDocument, Passage, PassageWithDocument, StoredDocument } from '../domain/types.js';
import { passageId } from '../domain/types.js';
import type { Db, Queryable, Tx } from './db.js';

const DOC_SUMMARY_COLUMNS = /* SQL */ `
  d.id, d.organisation, d.title, d.kind, d.date, d.language, d.source, d.format, d.content_hash,
  d.created_at::text AS created_at, d.updated_at::text AS updated_at,
  (SELECT count(*)::int FROM passages x WHERE x.document_id = d.id) AS passage_count`;

export const LIST_DOCUMENTS_SQL = /* SQL */ `
  SELECT ${DOC_SUMMARY_COLUMNS} FROM documents d
  WHERE ($1::text IS NULL OR lower(d.organisation) = lower($1))
  ORDER BY d.organisation, d.date DESC, d.id`;

export const GET_DOCUMENT_SQL = /* SQL */ `SELECT ${DOC_SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = $1`;

export const GET_DOCUMENT_HASH_SQL = /* SQL */ `SELECT content_hash FROM documents WHERE id = $1`;

export const UPSERT_DOCUMENT_SQL = /* SQL */ `
  INSERT INTO documents (id, organisation, title, kind, date, date_start, language, source, format, text, content_hash)
  VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9, $10, $11)
  ON CONFLICT (id) DO UPDATE SET organisation = EXCLUDED.organisation, title = EXCLUDED.title, kind = EXCLUDED.kind,
    date = EXCLUDED.date, date_start = EXCLUDED.date_start, language = EXCLUDED.language, source = EXCLUDED.source,
    format = EXCLUDED.format, text = EXCLUDED.text, content_hash = EXCLUDED.content_hash, updated_at = now()`;

export const UPDATE_DOCUMENT_META_SQL = /* SQL */ `
  UPDATE documents SET organisation = $2, title = $3, kind = $4, date = $5, date_start = $6::date, language = $7,
    source = $8, updated_at = now()
  WHERE id = $1 AND (organisation, title, kind, date, language, coalesce(source, '')) IS DISTINCT FROM ($2, $3, $4, $5, $7, coalesce($8, ''))`;

export const DELETE_PASSAGES_OF_DOCUMENT_SQL = /* SQL */ `DELETE FROM passages WHERE document_id = $1`;
export const DELETE_DOCUMENT_SQL = /* SQL */ `DELETE FROM documents WHERE id = $1 RETURNING id`;

export const INSERT_PASSAGES_SQL = /* SQL */ `
  INSERT INTO passages (id, document_id, ordinal, text, start_offset, end_offset, heading_path, heading_text, page, anchor, content_hash)
  SELECT p.id, $1, p.ordinal, p.text, p.start_offset, p.end_offset,
         ARRAY(SELECT jsonb_array_elements_text(p.heading_path)), p.heading_text, p.page, p.anchor, p.content_hash
  FROM jsonb_to_recordset($2::jsonb) AS p(id text, ordinal int, text text, start_offset int, end_offset int,
       heading_path jsonb, heading_text text, page int, anchor text, content_hash text)`;

const PASSAGE_COLUMNS = /* SQL */ `
  p.id, p.document_id, p.ordinal, p.text, p.start_offset, p.end_offset, p.heading_path, p.page, p.anchor, p.content_hash`;

export const GET_PASSAGES_SQL = /* SQL */ `
  SELECT ${PASSAGE_COLUMNS}, ${DOC_SUMMARY_COLUMNS}
  FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id = ANY($1::text[])`;

export const LIST_PASSAGES_OF_DOCUMENT_SQL = /* SQL */ `
  SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.document_id = $1 ORDER BY p.ordinal`;

export const COUNT_SQL = /* SQL */ `
  SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM passages) AS passages`;

/** Passages whose text contains a string (case-insensitive), for finding where a quote really comes from. */
export const FIND_PASSAGES_CONTAINING_SQL = /* SQL */ `
  SELECT ${PASSAGE_COLUMNS}, ${DOC_SUMMARY_COLUMNS}
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
    createdAt: r.created_at,
    updatedAt: r.updated_at,
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

/** Rows that join passages with documents carry the document columns under the same names; re-key them. */
function rowToPassageWithDocument(r: Row): PassageWithDocument {
  const passage = rowToPassage(r);
  return { ...passage, document: rowToSummary({ ...r, id: r.document_id }) };
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
  const { rows } = await db.query(GET_PASSAGES_SQL, [ids]);
  return new Map(rows.map((r) => {
    const p = rowToPassageWithDocument(r);
    return [p.id, p];
  }));
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

/**
 * Store an ingested document and its passages with their embeddings, in the caller's transaction.
 * Unchanged text (same content hash) leaves passages and vectors alone; changed text replaces them all.
 */
export async function saveDocument(
  tx: Tx,
  { doc, embeddings, dimension }: { doc: IngestedDocument; embeddings: number[][] | null; dimension: number },
): Promise<SaveOutcome> {
  const m = doc.meta;
  const existing = await tx.query<{ content_hash: string }>(GET_DOCUMENT_HASH_SQL, [m.id]);
  const metaParams = [m.id, m.organisation, m.title, m.kind, m.date, dateStart(m.date), m.language, m.source ?? null];
  if (existing.rows[0]?.content_hash === doc.contentHash) {
    const { rows } = await tx.query(UPDATE_DOCUMENT_META_SQL + ' RETURNING id', metaParams);
    return rows.length ? 'metadata' : 'unchanged';
  }
  await tx.query(UPSERT_DOCUMENT_SQL, [...metaParams, doc.format, doc.text, doc.contentHash]);
  await tx.query(DELETE_PASSAGES_OF_DOCUMENT_SQL, [m.id]);
  const rows = doc.passages.map((p) => ({
    id: passageId(m.id, p.ordinal),
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
  if (rows.length) await tx.query(INSERT_PASSAGES_SQL, [m.id, JSON.stringify(rows)]);
  if (embeddings) await tx.setEmbeddings(rows.map((r, i) => ({ id: r.id, embedding: embeddings[i] })), dimension);
  return existing.rows.length ? 'replaced' : 'created';
}

export async function deleteDocument(db: Db, { id }: { id: string }): Promise<boolean> {
  const { rows } = await db.query(DELETE_DOCUMENT_SQL, [id]);
  return rows.length > 0;
}

export function passageHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
