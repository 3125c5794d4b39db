/**
 * Reads of documents and their passages. Named queries, one object argument per function. Every read of a
 * document's text or passages is filtered by the store's viewer (store/access.ts); summaries by id
 * (withDocuments) are not, and are only asked for passages already read through that filter.
 */
import type { DocumentSummary, Passage, PassageWithDocument, StoredDocument } from '../../domain/types.js';
import type { Queryable } from '../driver.js';
import { accessParams, documentReadableSql, passageReadableSql, readsEverything } from '../access.js';
import { generationMemo, readThrough } from '../readCache.js';
import { documentVisible, passageVisible } from '../visibility.js';

const DOC_SUMMARY_COLUMNS = /* SQL */ `
  d.id, d.organisation, d.title, d.kind, d.date, d.language, d.source, d.format, d.content_hash, d.visibility,
  d.created_at::text AS created_at, d.updated_at::text AS updated_at,
  (SELECT count(*)::int FROM passages x WHERE x.document_id = d.id AND ${passageVisible('x')}) AS passage_count`;

const LIST_DOCUMENTS_SQL = /* SQL */ `
  SELECT ${DOC_SUMMARY_COLUMNS} FROM documents d
  WHERE ($1::text IS NULL OR lower(d.organisation) = lower($1)) AND ${documentVisible('d')} AND ${documentReadableSql('d', 2)}
  ORDER BY d.organisation, d.date DESC, d.id`;

const GET_DOCUMENT_SQL = /* SQL */ `
  SELECT ${DOC_SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = $1 AND ${documentVisible('d')} AND ${documentReadableSql('d', 2)}`;

// NOTE: the write path's own read (which rows exist, whatever their state), so not filtered by visibility.ts.
export const GET_DOCUMENT_HASHES_SQL = /* SQL */ `SELECT id, content_hash FROM documents WHERE id = ANY($1::text[])`;

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
    'passage_count', coalesce((SELECT max(x.ordinal) + 1 FROM passages x WHERE x.document_id = d.id AND ${passageVisible('x')}), 0)) AS doc`;

const GET_PASSAGES_SQL = /* SQL */ `
  SELECT ${PASSAGE_COLUMNS}, ${DOC_AS_JSON}
  FROM passages p JOIN documents d ON d.id = p.document_id
  WHERE p.id = ANY($1::text[]) AND ${passageVisible('p')} AND ${documentVisible('d')} AND ${documentReadableSql('d', 2)}`;

/** The passages alone, for stores whose document summaries are in memory (readCache.ts). */
export const GET_PASSAGES_ONLY_SQL = /* SQL */ `
  SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.id = ANY($1::text[]) AND ${passageVisible('p')} AND ${passageReadableSql('p', 2)}`;

/** Document summaries by id, in the shape DOC_AS_JSON gives them. */
const GET_DOCUMENT_SUMMARIES_SQL = /* SQL */ `
  SELECT ${DOC_AS_JSON} FROM documents d WHERE d.id = ANY($1::text[]) AND ${documentVisible('d')}`;

const LIST_PASSAGES_OF_DOCUMENT_SQL = /* SQL */ `
  SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.document_id = $1 AND ${passageVisible('p')} AND ${passageReadableSql('p', 2)}
  ORDER BY p.ordinal`;

const COUNT_SQL = /* SQL */ `
  SELECT (SELECT count(*)::int FROM documents d WHERE ${documentVisible('d')}) AS documents,
         (SELECT count(*)::int FROM passages p WHERE ${passageVisible('p')}) AS passages`;

/** The same counts of what a viewer may read: $1, $2 the viewer (store/access.ts). */
const COUNT_READABLE_SQL = /* SQL */ `
  SELECT (SELECT count(*)::int FROM documents d WHERE ${documentVisible('d')} AND ${documentReadableSql('d', 1)}) AS documents,
         (SELECT count(*)::int FROM passages p JOIN documents d ON d.id = p.document_id
          WHERE ${passageVisible('p')} AND ${documentVisible('d')} AND ${documentReadableSql('d', 1)}) AS passages`;

/** Passages whose text contains a string (case-insensitive), for finding where a quote really comes from. */
const FIND_PASSAGES_CONTAINING_SQL = /* SQL */ `
  SELECT ${PASSAGE_COLUMNS}, ${DOC_AS_JSON}
  FROM passages p JOIN documents d ON d.id = p.document_id
  WHERE strpos(lower(p.text), lower($1)) > 0 AND ${passageVisible('p')} AND ${documentVisible('d')}
    AND ${documentReadableSql('d', 3)}
  ORDER BY p.id LIMIT $2`;

type Row = Record<string, any>;

function rowToSummary(r: Row): DocumentSummary {
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

export async function listDocuments(
  db: Queryable,
  { organisation }: { organisation?: string } = {},
): Promise<DocumentSummary[]> {
  const { rows } = await db.query(LIST_DOCUMENTS_SQL, [organisation ?? null, ...accessParams(db)]);
  return rows.map(rowToSummary);
}

export async function getDocument(db: Queryable, { id }: { id: string }): Promise<StoredDocument | null> {
  const { rows } = await db.query(GET_DOCUMENT_SQL, [id, ...accessParams(db)]);
  return rows[0] ? { ...rowToSummary(rows[0]), text: (rows[0] as Row).text } : null;
}

export async function listPassagesOfDocument(
  db: Queryable,
  { documentId }: { documentId: string },
): Promise<Passage[]> {
  const { rows } = await db.query(LIST_PASSAGES_OF_DOCUMENT_SQL, [documentId, ...accessParams(db)]);
  return rows.map(rowToPassage);
}

export async function getPassages(
  db: Queryable,
  { ids }: { ids: string[] },
): Promise<Map<string, PassageWithDocument>> {
  if (ids.length === 0) return new Map();
  const memo = generationMemo(db);
  if (!memo) {
    const { rows } = await db.query(GET_PASSAGES_SQL, [ids, ...accessParams(db)]);
    return new Map(
      rows.map((r) => {
        const p = rowToPassageWithDocument(r);
        return [p.id, p];
      }),
    );
  }
  // Summaries kept until the next write: only the passages are read, and the documents not seen since.
  const { rows } = await db.query(GET_PASSAGES_ONLY_SQL, [ids, ...accessParams(db)]);
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

export async function findPassagesContaining(
  db: Queryable,
  { text, limit = 5 }: { text: string; limit?: number },
): Promise<PassageWithDocument[]> {
  const { rows } = await db.query(FIND_PASSAGES_CONTAINING_SQL, [text, limit, ...accessParams(db)]);
  return rows.map(rowToPassageWithDocument);
}

/**
 * The documents and passages the store's viewer may read: every one for a viewer that reads everything (the
 * operator, a site administrator, open mode), else only those (another organisation's internal documents are not
 * counted: their number would tell its activity).
 */
export async function countAll(db: Queryable): Promise<{ documents: number; passages: number }> {
  if (!readsEverything(db)) {
    const { rows } = await db.query<{ documents: number; passages: number }>(COUNT_READABLE_SQL, accessParams(db));
    return { documents: Number(rows[0].documents), passages: Number(rows[0].passages) };
  }
  // NOTE (issue 14): /health asks on every probe; from the memo on PGlite (readCache.ts), which a pending save's
  // batches leave valid, so /health does not wait for a save batch to count.
  return readThrough(db, 'count-all', async () => {
    const { rows } = await db.query<{ documents: number; passages: number }>(COUNT_SQL);
    return Object.freeze({ documents: Number(rows[0].documents), passages: Number(rows[0].passages) });
  });
}

/** The stored content hash of each given document id that exists. */
export async function getContentHashes(db: Queryable, { ids }: { ids: string[] }): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; content_hash: string }>(GET_DOCUMENT_HASHES_SQL, [ids]);
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}
