/**
 * The once-only steps several instances on one PostgreSQL must not run side by side, each under an advisory lock
 * of its own (Db.withAdvisoryLock; pg/advisoryLock.ts). Three servers started at the same moment against one
 * DATABASE_URL would otherwise each find an empty store and seed it (15 documents, not 5), race on
 * `CREATE TABLE IF NOT EXISTS` in the first migration, or build the HNSW index twice at once.
 *
 * NOTE: PGlite has no lock here: one process holds its data directory (pglite/lock.ts), so nothing runs beside it.
 */
import type { Db } from './driver.js';

/**
 * The first key of pg_advisory_lock(int, int): ours, so the second key never meets another application's locks
 * on a shared server. 0x696e7370 is "insp" in ASCII.
 */
export const ADVISORY_LOCK_NAMESPACE = 0x696e7370;

export const ADVISORY_LOCKS = {
  /** Migrations, re-embedding for a new embedder, seeding an empty store (bootstrap/). */
  startup: 1,
  /** Building the HNSW index (ann.ts). Its own key: it runs inside the startup step and after writes. */
  annIndex: 2,
} as const;

/**
 * fn under advisory lock `key` when the store has such locks (pg), else fn as it is (PGlite).
 * @example await onceAcrossInstances(db, ADVISORY_LOCKS.startup, () => migrate(db));
 */
export function onceAcrossInstances<T>(
  db: Pick<Db, 'withAdvisoryLock'>,
  key: number,
  fn: () => Promise<T>,
): Promise<T> {
  return db.withAdvisoryLock ? db.withAdvisoryLock(key, fn) : fn();
}
