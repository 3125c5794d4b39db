/**
 * Uploading, replacing and withdrawing single documents (the HTTP document routes). The checks (does the id
 * exist, is the same content stored under another id) run again in the transaction that makes a change visible,
 * under a lock on the id, so two requests for one id cannot both win, and a refused change leaves nothing visible.
 * A changed text is saved in batches under a pending version first (pending.ts).
 */
import type { DocumentSummary, IngestedDocument } from '../../domain/types.js';
import type { Db, Queryable, Tx } from '../driver.js';
import { documentVisible, passageVisible } from '../visibility.js';
import { getDocument } from './read.js';
import {
  beginPendingSave,
  discardPendingSave,
  finishPendingSave,
  lockSaveState,
  SaveDiscardedError,
  savePendingPassages,
} from './pending.js';
import { updateDocumentsMeta, type SaveOutcome } from './write.js';
import { accessParams, documentReadableSql, rawStore } from '../access.js';

export type Visibility = 'public' | 'internal';

const LOCK_DOCUMENT_ID_SQL = /* SQL */ `SELECT pg_advisory_xact_lock(hashtext('document:' || $1))`;

const DOCUMENT_HEAD_SQL = /* SQL */ `
  SELECT id, organisation, title, kind, date, language, source, content_hash, visibility,
         (SELECT count(*)::int FROM passages p WHERE p.document_id = d.id AND ${passageVisible('p')}) AS passage_count
  FROM documents d WHERE id = $1 AND ${documentVisible('d')}`;

/** Another document with exactly this stored text (sha256 of the cleaned text, so a PDF and its DOCX match too). */
/** The duplicate check again under the save's lock, for the same viewer as storedTexts.ts's ($3, $4). */
const FIND_DUPLICATE_SQL = /* SQL */ `
  SELECT d.id, d.title FROM documents d
  WHERE d.content_hash = $1 AND d.id <> $2 AND ${documentVisible('d')} AND ${documentReadableSql('d', 3)}
  ORDER BY d.id LIMIT 1`;

const SET_VISIBILITY_SQL = /* SQL */ `UPDATE documents SET visibility = $2 WHERE id = $1`;

const RECORD_WITHDRAWAL_SQL = /* SQL */ `
  INSERT INTO withdrawn_documents (document_id, title, organisation) VALUES ($1, $2, $3)
  ON CONFLICT (document_id) DO UPDATE SET title = EXCLUDED.title, organisation = EXCLUDED.organisation, withdrawn_at = now()
  RETURNING withdrawn_at::text AS withdrawn_at`;

const FORGET_WITHDRAWAL_SQL = /* SQL */ `DELETE FROM withdrawn_documents WHERE document_id = $1`;

const IS_WITHDRAWN_SQL = /* SQL */ `SELECT 1 FROM withdrawn_documents WHERE document_id = $1`;

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

/** Whether a visible document holds the id, and whether the store's viewer may read it (access.ts's one rule). */
const ID_HOLDER_SQL = /* SQL */ `
  SELECT ${documentReadableSql('d', 2)} AS readable FROM documents d WHERE d.id = $1 AND ${documentVisible('d')}`;

/**
 * Who holds an id an upload wants: null when it is free, else whether the uploader may read that document (an upload
 * answers a 409 naming it only then; storeUpload.ts).
 */
export async function idHolder(db: Queryable, { id }: { id: string }): Promise<{ readable: boolean } | null> {
  const r = (await db.query<{ readable: boolean }>(ID_HOLDER_SQL, [id, ...accessParams(db)])).rows[0];
  return r ? { readable: r.readable } : null;
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
  return (
    (await db.query<{ id: string; title: string }>(FIND_DUPLICATE_SQL, [contentHash, exceptId, ...accessParams(db)]))
      .rows[0] ?? null
  );
}

export type UploadWrite =
  | { ok: true; outcome: SaveOutcome; document: DocumentSummary }
  | { ok: false; reason: 'exists' | 'missing' | 'busy' | 'withdrawn' }
  | { ok: false; reason: 'duplicate'; duplicate: { id: string; title: string } };

/**
 * Passages a batched save writes per transaction (pending.ts). A passage costs PGlite ~0.4 ms to save (vector and
 * full-text indexes, statistics trigger), so a batch holds the store ~20 ms on a quiet machine.
 * NOTE (issue 14): 100 before. A search now waits for at most one batch (pglite/sectionGate.ts), so the batch is
 * that one wait: under load the COPY of 100 took 78–480 ms (bench:uploads, PGlite worker trace, load 5–14). Batches
 * of 25 bought nothing while a search could meet one per statement; 50 halves the wait for a few ms per batch.
 */
export const UPLOAD_SAVE_BATCH = 50;

/**
 * Store an uploaded document: `mode` "create" refuses an id that exists, "replace" one that does not. A changed
 * text replaces the document, its passages and their vectors together; `embeddings` (by passage id, see
 * passageRows) are needed only then, and an unchanged text keeps its passages and only updates the metadata.
 *
 * The passages are saved `batchSize` a transaction under a pending version no reader sees (pending.ts), and the
 * last transaction makes the document, or its new version, visible at once; a failure on the way discards the
 * save. The checks run first and again in that last transaction, under a lock on the id. A second save of an id
 * whose save is still running is refused ('busy'). A replace whose document is withdrawn while its passages are
 * being saved is refused ('withdrawn'): the withdrawal wins, and nothing of the replacement is left behind.
 */
export async function writeUpload(
  db: Db,
  {
    doc,
    embeddings,
    visibility,
    mode,
    batchSize = UPLOAD_SAVE_BATCH,
    afterBatch,
  }: {
    doc: IngestedDocument;
    embeddings: { id: string; embedding: number[] }[];
    visibility: Visibility;
    mode: 'create' | 'replace';
    batchSize?: number;
    /** Called after each committed batch of a batched save (tests look at the store there). */
    afterBatch?: (saved: number, total: number) => Promise<void> | void;
  },
): Promise<UploadWrite> {
  const id = doc.meta.id;
  const begun = await db.transaction(
    async (tx): Promise<UploadWrite | { version: number }> => {
      await tx.query(LOCK_DOCUMENT_ID_SQL, [id]);
      let state = await lockSaveState(tx, { id });
      if (state?.pendingVersion != null) {
        if (!state.stale) return { ok: false, reason: 'busy' };
        await discardPendingSave(tx, { id, version: state.pendingVersion });
        state = await lockSaveState(tx, { id });
      }
      const refused = await refusal(tx, { doc, mode });
      if (refused) return refused;
      const head = await getDocumentHead(tx, { id });
      if (head?.contentHash === doc.contentHash) {
        const changed = (await updateDocumentsMeta(tx, { docs: [doc] })).has(id) || head.visibility !== visibility;
        return finish(tx, { id, visibility, outcome: changed ? 'metadata' : 'unchanged' });
      }
      return { version: await beginPendingSave(tx, { doc, state }) };
    },
    // A begun save wrote only what no reader sees (a pending row or version), so the searches' memo stays valid; a
    // save ended here (metadata, visibility) did not. NOTE (issue 14): otherwise the first search after every
    // upload's begin read the organisation names again, outside its section, behind a save batch.
    { unseen: (r) => 'version' in r },
  );
  if (!('version' in begun)) return begun;

  const { version } = begun;
  try {
    const vectors = new Map(embeddings.map((e) => [e.id, e.embedding]));
    await savePendingPassages(db, { doc, version, vectors, batchSize, afterBatch });
    const done = await db.transaction(async (tx): Promise<UploadWrite> => {
      await tx.query(LOCK_DOCUMENT_ID_SQL, [id]);
      const state = await lockSaveState(tx, { id });
      if (state?.pendingVersion !== version) throw new SaveDiscardedError(id);
      const replaced = state.state === 'ready';
      // Checked again: another upload may have stored the same text, or (a pending create) taken nothing.
      const refused = await refusal(tx, { doc, mode: replaced ? 'replace' : 'create' });
      if (refused) {
        await discardPendingSave(tx, { id, version });
        return refused;
      }
      if (!(await finishPendingSave(tx, { doc, version, created: !replaced }))) throw new SaveDiscardedError(id);
      return finish(tx, { id, visibility, outcome: replaced ? 'replaced' : 'created' });
    });
    return done;
  } catch (err) {
    // Best effort: what is left pending is discarded at the next start-up anyway.
    await db.transaction((tx) => discardPendingSave(tx, { id, version })).catch(() => undefined);
    // A replace whose document was withdrawn meanwhile: the row (and the save's passages with it) went with the
    // withdrawal, which is recorded; the uploader hears that, not an internal error.
    if (err instanceof SaveDiscardedError && mode === 'replace' && (await withdrawnSince(db, { id })))
      return { ok: false, reason: 'withdrawn' };
    throw err;
  }
}

/** Whether `id` has no document row and its withdrawal is recorded (a replace raced a withdrawal and lost). */
async function withdrawnSince(db: Db, { id }: { id: string }): Promise<boolean> {
  const stillThere = await db.transaction((tx) => lockSaveState(tx, { id }));
  if (stillThere) return false;
  return (await db.query(IS_WITHDRAWN_SQL, [id])).rows.length > 0;
}

/** Why this upload may not be stored now (inside the transaction holding the id's lock), or null. */
async function refusal(
  tx: Tx,
  { doc, mode }: { doc: IngestedDocument; mode: 'create' | 'replace' },
): Promise<UploadWrite | null> {
  const id = doc.meta.id;
  const head = await getDocumentHead(tx, { id });
  if (mode === 'create' && head) return { ok: false, reason: 'exists' };
  if (mode === 'replace' && !head)
    return { ok: false, reason: (await tx.query(IS_WITHDRAWN_SQL, [id])).rows.length > 0 ? 'withdrawn' : 'missing' };
  const duplicate = await findDuplicate(tx, { contentHash: doc.contentHash, exceptId: id });
  return duplicate ? { ok: false, reason: 'duplicate', duplicate } : null;
}

/** The last statements of every stored upload: visibility, no longer withdrawn, and the summary to answer with. */
async function finish(
  tx: Tx,
  { id, visibility, outcome }: { id: string; visibility: Visibility; outcome: SaveOutcome },
): Promise<UploadWrite> {
  await tx.query(SET_VISIBILITY_SQL, [id, visibility]);
  await tx.query(FORGET_WITHDRAWAL_SQL, [id]);
  // Read back as the store itself: the writer may act for a viewer who could not read it (store/access.ts).
  const stored = await getDocument(rawStore(tx), { id });
  if (!stored) throw new Error(`document ${id} vanished inside its own transaction`);
  const { text: _text, ...summary } = stored;
  return { ok: true, outcome, document: summary };
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
