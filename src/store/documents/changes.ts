/**
 * Uploading, replacing and withdrawing single documents (the HTTP document routes). Each change is one
 * transaction: the checks (does the id exist, is the same content stored under another id) run again inside it
 * under a lock on the id, so two requests for one id cannot both win, and a refused change writes nothing.
 */
import type { DocumentSummary, IngestedDocument } from '../../domain/types.js';
import type { Db, Queryable } from '../driver.js';
import { getDocument } from './read.js';
import { insertPassages, passageRows, saveDocumentRows, updateDocumentsMeta, type SaveOutcome } from './write.js';
import { rawStore } from '../access.js';

export type Visibility = 'public' | 'internal';

const LOCK_DOCUMENT_ID_SQL = /* SQL */ `SELECT pg_advisory_xact_lock(hashtext('document:' || $1))`;

const DOCUMENT_HEAD_SQL = /* SQL */ `
  SELECT id, organisation, title, kind, date, language, source, content_hash, visibility,
         (SELECT count(*)::int FROM passages p WHERE p.document_id = d.id) AS passage_count
  FROM documents d WHERE id = $1`;

/** Another document with exactly this stored text (sha256 of the cleaned text, so a PDF and its DOCX match too). */
const FIND_DUPLICATE_SQL = /* SQL */ `
  SELECT id, title FROM documents WHERE content_hash = $1 AND id <> $2 ORDER BY id LIMIT 1`;

const SET_VISIBILITY_SQL = /* SQL */ `UPDATE documents SET visibility = $2 WHERE id = $1`;

const RECORD_WITHDRAWAL_SQL = /* SQL */ `
  INSERT INTO withdrawn_documents (document_id, title, organisation) VALUES ($1, $2, $3)
  ON CONFLICT (document_id) DO UPDATE SET title = EXCLUDED.title, organisation = EXCLUDED.organisation, withdrawn_at = now()
  RETURNING withdrawn_at::text AS withdrawn_at`;

const FORGET_WITHDRAWAL_SQL = /* SQL */ `DELETE FROM withdrawn_documents WHERE document_id = $1`;

// Passages, their vectors and full-text rows go with the document (ON DELETE CASCADE).
const DELETE_WITHDRAWN_DOCUMENT_SQL = /* SQL */ `DELETE FROM documents WHERE id = $1`;

const LIST_WITHDRAWN_SQL = /* SQL */ `
  SELECT document_id, title, organisation, withdrawn_at::text AS withdrawn_at
  FROM withdrawn_documents WHERE document_id = ANY($1::text[])`;

export interface DocumentHead {
  id: string;
  organisation: string;
  title: string;
  kind: string;
  date: string;
  language: string;
  source?: string;
  contentHash: string;
  visibility: Visibility;
  passageCount: number;
}

export interface Withdrawal {
  documentId: string;
  title: string;
  organisation: string;
  withdrawnAt: string;
}

export async function getDocumentHead(db: Queryable, { id }: { id: string }): Promise<DocumentHead | null> {
  const r = (await db.query<Record<string, any>>(DOCUMENT_HEAD_SQL, [id])).rows[0];
  if (!r) return null;
  return {
    id: r.id,
    organisation: r.organisation,
    title: r.title,
    kind: r.kind,
    date: r.date,
    language: r.language,
    source: r.source ?? undefined,
    contentHash: r.content_hash,
    visibility: r.visibility,
    passageCount: Number(r.passage_count),
  };
}

async function findDuplicate(
  db: Queryable,
  { contentHash, exceptId }: { contentHash: string; exceptId: string },
): Promise<{ id: string; title: string } | null> {
  return (await db.query<{ id: string; title: string }>(FIND_DUPLICATE_SQL, [contentHash, exceptId])).rows[0] ?? null;
}

export type UploadWrite =
  | { ok: true; outcome: SaveOutcome; document: DocumentSummary }
  | { ok: false; reason: 'exists' | 'missing' }
  | { ok: false; reason: 'duplicate'; duplicate: { id: string; title: string } };

/**
 * Store an uploaded document: `mode` "create" refuses an id that exists, "replace" one that does not. A changed
 * text replaces the document, its passages and their vectors together; `embeddings` (by passage id, see
 * passageRows) are needed only then, and an unchanged text keeps its passages and only updates the metadata.
 */
export async function writeUpload(
  db: Db,
  {
    doc,
    embeddings,
    visibility,
    mode,
  }: {
    doc: IngestedDocument;
    embeddings: { id: string; embedding: number[] }[];
    visibility: Visibility;
    mode: 'create' | 'replace';
  },
): Promise<UploadWrite> {
  const id = doc.meta.id;
  return db.transaction(async (tx): Promise<UploadWrite> => {
    await tx.query(LOCK_DOCUMENT_ID_SQL, [id]);
    const head = await getDocumentHead(tx, { id });
    if (mode === 'create' && head) return { ok: false, reason: 'exists' };
    if (mode === 'replace' && !head) return { ok: false, reason: 'missing' };
    const duplicate = await findDuplicate(tx, { contentHash: doc.contentHash, exceptId: id });
    if (duplicate) return { ok: false, reason: 'duplicate', duplicate };
    let outcome: SaveOutcome;
    if (head?.contentHash === doc.contentHash) {
      const changed = (await updateDocumentsMeta(tx, { docs: [doc] })).has(id) || head.visibility !== visibility;
      outcome = changed ? 'metadata' : 'unchanged';
    } else {
      // The same statements as a bulk ingest (writeDocuments): the document row, then its passages with vectors.
      await saveDocumentRows(tx, { docs: [doc] });
      const vectors = new Map(embeddings.map((e) => [e.id, e.embedding]));
      const rows = passageRows(doc);
      await insertPassages(tx, { rows, vectors: rows.map((r) => vectors.get(r.id)) });
      outcome = head ? 'replaced' : 'created';
    }
    await tx.query(SET_VISIBILITY_SQL, [id, visibility]);
    await tx.query(FORGET_WITHDRAWAL_SQL, [id]);
    // Read back as the store itself: the writer may act for a viewer who could not read it (store/access.ts).
    const stored = await getDocument(rawStore(tx), { id });
    if (!stored) throw new Error(`document ${id} vanished inside its own transaction`);
    const { text: _text, ...summary } = stored;
    return { ok: true, outcome, document: summary };
  });
}

/**
 * Delete a document with its passages and embeddings, and record the withdrawal so drafts that quoted it can say
 * so. @returns null when there is no such document.
 */
export async function withdrawDocument(
  db: Db,
  { id }: { id: string },
): Promise<(Withdrawal & { passagesRemoved: number }) | null> {
  return db.transaction(async (tx) => {
    await tx.query(LOCK_DOCUMENT_ID_SQL, [id]);
    const head = await getDocumentHead(tx, { id });
    if (!head) return null;
    const { rows } = await tx.query<{ withdrawn_at: string }>(RECORD_WITHDRAWAL_SQL, [
      id,
      head.title,
      head.organisation,
    ]);
    await tx.query(DELETE_WITHDRAWN_DOCUMENT_SQL, [id]);
    return {
      documentId: id,
      title: head.title,
      organisation: head.organisation,
      withdrawnAt: new Date(rows[0].withdrawn_at).toISOString(),
      passagesRemoved: head.passageCount,
    };
  });
}

/** The document a passage id belongs to: passage ids are "<document id>-p<ordinal>". */
const documentIdOfPassage = (passageId: string) => passageId.replace(/-p\d+$/, '');

/**
 * Withdrawn documents among those the given passages came from, keyed by passage id: what a stored draft needs
 * to mark a citation "kilden er trukket tilbake".
 * @example const gone = await withdrawnSources(db, { passageIds: ['ks-nyhet-2023-p002'] });
 */
export async function withdrawnSources(
  db: Queryable,
  { passageIds }: { passageIds: string[] },
): Promise<Map<string, Withdrawal>> {
  const docIds = [...new Set(passageIds.map(documentIdOfPassage))];
  if (docIds.length === 0) return new Map();
  const { rows } = await db.query<Record<string, string>>(LIST_WITHDRAWN_SQL, [docIds]);
  const byDoc = new Map(
    rows.map((r) => [
      r.document_id,
      {
        documentId: r.document_id,
        title: r.title,
        organisation: r.organisation,
        withdrawnAt: new Date(r.withdrawn_at).toISOString(),
      },
    ]),
  );
  const out = new Map<string, Withdrawal>();
  for (const pid of passageIds) {
    const w = byDoc.get(documentIdOfPassage(pid));
    if (w) out.set(pid, w);
  }
  return out;
}
