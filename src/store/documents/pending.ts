/**
 * A changed document's passages saved in batches, each batch its own short transaction, so that reads run between
 * them: on PGlite's one connection a single transaction for the whole save kept /search waiting for seconds while a
 * large upload was stored. Until the last transaction nothing of the save is visible (../visibility.ts):
 *   begin   the document row of a new document is written with state 'pending'; the document gets a
 *           pending_version, and the save's passages carry it;
 *   batch   passages with their vectors, and pending_since bumped (the save is alive);
 *   finish  the document's row takes the new text and metadata, passages_version becomes the pending version and
 *           the old version's passages are deleted, in one transaction: a replace is atomic for readers;
 *   discard a failed save's passages go, and a new document's row with them.
 * A process that dies mid-save leaves a pending version; start-up discards it (discardDeadSaves).
 */
import type { IngestedDocument } from '../../domain/types.js';
import type { Db, Queryable, Tx } from '../driver.js';
import { insertPassages, metaRow, passageRows, saveDocumentRows } from './write.js';

/** The write path's view of a document row, whatever its state. Locks the row. */
const SAVE_STATE_SQL = /* SQL */ `
  SELECT state, passages_version, pending_version,
         coalesce(pending_since < now() - make_interval(secs => $2), false) AS stale
  FROM documents WHERE id = $1 FOR UPDATE`;

const MARK_PENDING_SQL = /* SQL */ `
  UPDATE documents SET pending_version = $2, pending_since = now(),
    state = CASE WHEN $3::boolean THEN 'pending' ELSE state END
  WHERE id = $1`;

const TOUCH_PENDING_SQL = /* SQL */ `
  UPDATE documents SET pending_since = now() WHERE id = $1 AND pending_version = $2 RETURNING id`;

/** The replacement's text and metadata, and its passages made the visible ones. */
const FINISH_SQL = /* SQL */ `
  UPDATE documents d SET organisation = x.organisation, title = x.title, kind = x.kind, date = x.date,
    date_start = x.date_start::date, language = x.language, source = x.source, format = x.format, text = x.text,
    content_hash = x.content_hash, state = 'ready', passages_version = d.pending_version, pending_version = NULL,
    pending_since = NULL, updated_at = now()
  FROM jsonb_to_record($2::jsonb) AS x(organisation text, title text, kind text, date text, date_start text,
       language text, source text, format text, text text, content_hash text)
  WHERE d.id = $1 AND d.pending_version = $3`;

/**
 * A new document made visible: its row already holds this save's text and metadata (beginPendingSave wrote it), so
 * only its state and version change. NOTE (issue 14): FINISH_SQL sent and rewrote the whole text a second time,
 * inside the transaction readers wait for (the finish of the bench's 20 MB PDF held the store 57 ms under load).
 */
const FINISH_CREATED_SQL = /* SQL */ `
  UPDATE documents SET state = 'ready', passages_version = pending_version, pending_version = NULL,
    pending_since = NULL, updated_at = now()
  WHERE id = $1 AND state = 'pending' AND pending_version = $2`;

const DELETE_OTHER_VERSIONS_SQL = /* SQL */ `DELETE FROM passages WHERE document_id = $1 AND version <> $2`;

const DELETE_VERSION_SQL = /* SQL */ `DELETE FROM passages WHERE document_id = $1 AND version = $2`;

/** A new document whose first save failed: the row goes (its passages with it, ON DELETE CASCADE). */
const DELETE_PENDING_DOCUMENT_SQL = /* SQL */ `DELETE FROM documents WHERE id = $1 AND state = 'pending'`;

const CLEAR_PENDING_SQL = /* SQL */ `
  UPDATE documents SET pending_version = NULL, pending_since = NULL WHERE id = $1 AND pending_version = $2`;

/** Saves whose last batch is older than $1 seconds (0: every save; a process that owns the store alone). */
const DEAD_SAVES_SQL = /* SQL */ `
  SELECT id, pending_version FROM documents
  WHERE pending_version IS NOT NULL AND pending_since <= now() - make_interval(secs => $1)`;

/**
 * Thrown when a save's pending version is gone before it finished: the document was withdrawn meanwhile (its row and
 * pending passages deleted), or the save was taken for dead. writeUpload tells the two apart.
 */
export class SaveDiscardedError extends Error {
  constructor(readonly documentId: string) {
    super(`the save of document ${documentId} was discarded while it ran`);
    this.name = 'SaveDiscardedError';
  }
}

/** A save not moved for this long is dead (each batch takes well under a second; PostgreSQL only). */
export const DEAD_SAVE_AFTER_S = 600;

export interface SaveState {
  state: 'ready' | 'pending';
  passagesVersion: number;
  pendingVersion: number | null;
  stale: boolean;
}

/** The row's save state under a row lock, or null when there is no row. Inside the caller's transaction. */
export async function lockSaveState(tx: Tx, { id }: { id: string }): Promise<SaveState | null> {
  const r = (await tx.query<Record<string, any>>(SAVE_STATE_SQL, [id, DEAD_SAVE_AFTER_S])).rows[0];
  if (!r) return null;
  return {
    state: r.state,
    passagesVersion: Number(r.passages_version),
    pendingVersion: r.pending_version === null ? null : Number(r.pending_version),
    stale: r.stale === true,
  };
}

/**
 * Start a save of `doc`'s passages (inside the caller's transaction, which holds the id's lock): a new document's
 * row is written pending; an existing one keeps what readers see. @returns the version the passages carry.
 */
export async function beginPendingSave(
  tx: Tx,
  { doc, state }: { doc: IngestedDocument; state: SaveState | null },
): Promise<number> {
  const version = state ? state.passagesVersion + 1 : 1;
  if (!state) await saveDocumentRows(tx, { docs: [doc] });
  await tx.query(MARK_PENDING_SQL, [doc.meta.id, version, state === null]);
  return version;
}

/**
 * Save the passages of a begun save, `batchSize` a transaction, letting other work run between batches.
 * Throws when the save was discarded meanwhile (the document withdrawn, or taken for dead).
 */
export async function savePendingPassages(
  db: Db,
  {
    doc,
    version,
    vectors,
    batchSize,
    afterBatch,
  }: {
    doc: IngestedDocument;
    version: number;
    vectors: Map<string, number[]>;
    batchSize: number;
    /** Called after each batch is committed (tests look at the store there). */
    afterBatch?: (saved: number, total: number) => Promise<void> | void;
  },
): Promise<void> {
  const rows = passageRows(doc);
  const id = doc.meta.id;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    // Unseen: a pending version's passages and pending_since are nothing a reader sees (../visibility.ts), so the
    // searches' cached organisation names and document summaries outlive the batches (issue 14).
    await db.transaction(
      async (tx) => {
        const alive = await tx.query(TOUCH_PENDING_SQL, [id, version]);
        if (alive.rows.length === 0) throw new SaveDiscardedError(id);
        await insertPassages(tx, { rows: batch, vectors: batch.map((r) => vectors.get(r.id)), version });
      },
      { unseen: true },
    );
    await afterBatch?.(start + batch.length, rows.length);
    // NOTE: queries that arrived meanwhile get the connection before the next batch (PGlite serves in order).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Make a save visible (inside the caller's transaction, holding the id's lock): the document's new text and
 * metadata, its new passages, the old ones deleted. `created`: the row is a new document's, written pending by this
 * save's begin with the same text and metadata. @returns false when the save is no longer pending.
 */
export async function finishPendingSave(
  tx: Tx,
  { doc, version, created = false }: { doc: IngestedDocument; version: number; created?: boolean },
): Promise<boolean> {
  const m = doc.meta;
  // metaRow's id is ignored: jsonb_to_record reads only the columns FINISH_SQL names.
  const { rows } = created
    ? await tx.query(`${FINISH_CREATED_SQL} RETURNING id`, [m.id, version])
    : await tx.query(`${FINISH_SQL} RETURNING d.id`, [
        m.id,
        JSON.stringify({ ...metaRow(m), format: doc.format, text: doc.text, content_hash: doc.contentHash }),
        version,
      ]);
  if (rows.length === 0) return false;
  await tx.query(DELETE_OTHER_VERSIONS_SQL, [m.id, version]);
  return true;
}

/** Throw away a save's passages (and a new document's pending row). Inside the caller's transaction. */
export async function discardPendingSave(tx: Queryable, { id, version }: { id: string; version: number }) {
  await tx.query(DELETE_VERSION_SQL, [id, version]);
  await tx.query(DELETE_PENDING_DOCUMENT_SQL, [id]);
  await tx.query(CLEAR_PENDING_SQL, [id, version]);
}

/**
 * Discard saves that died half-way (a crash, a kill): every pending one on a store this process owns alone
 * (PGlite), those not moved for DEAD_SAVE_AFTER_S on PostgreSQL, where another process may be saving right now.
 * Run at start-up. @returns the ids of the documents whose saves were discarded.
 */
export async function discardDeadSaves(db: Db): Promise<string[]> {
  const age = db.driver === 'pglite' ? 0 : DEAD_SAVE_AFTER_S;
  const { rows } = await db.query<{ id: string; pending_version: number }>(DEAD_SAVES_SQL, [age]);
  const discarded: string[] = [];
  for (const r of rows) {
    const version = Number(r.pending_version);
    const gone = await db.transaction(async (tx) => {
      // Looked at again under the row lock: on PostgreSQL the save may have moved since.
      const now = await lockSaveState(tx, { id: r.id });
      if (now?.pendingVersion !== version || (age > 0 && !now.stale)) return false;
      await discardPendingSave(tx, { id: r.id, version });
      return true;
    });
    if (gone) discarded.push(r.id);
  }
  return discarded;
}
