/**
 * The door to the store: one small adapter over the two drivers, PGlite in-process (default, pglite/) and `pg` for
 * any PostgreSQL with pgvector (pg/). The SQL is identical on both; only connection handling, transactions and the
 * bulk row path differ, each inside its driver's folder. Everything else imports the store's types and openers
 * from here.
 */
import type { Db } from './driver.js';
import { openPg } from './pg/open.js';
import { openPglite, type OpenPgliteOptions } from './pglite/open.js';

export { MAY_WRITE, SESSION_SETTINGS, type Db, type Queryable, type Tx } from './driver.js';
export { openPg } from './pg/open.js';
export { type PgPoolHooks } from './pg/pool.js';
export { openPglite, wrapPglite, type OpenPgliteOptions } from './pglite/open.js';
export {
  acquireDataDirLock,
  DataDirLockedError,
  readLockHolder,
  recordServerUrl,
  type LockHolder,
} from './pglite/lock.js';

export interface OpenDbOptions extends OpenPgliteOptions {
  databaseUrl?: string;
  dataDir: string;
  /** PGLITE_THREAD: where PGlite runs for a data directory (memory:// always runs in-process). */
  pgliteThread?: 'worker' | 'main';
}

/** DATABASE_URL wins; otherwise PGlite at dataDir. */
export async function openDb(opts: OpenDbOptions): Promise<Db> {
  const memory = opts.dataDir.startsWith('memory://');
  return opts.databaseUrl
    ? openPg(opts.databaseUrl)
    : openPglite(opts.dataDir, {
        sharedBuffersMb: opts.sharedBuffersMb,
        loadDataDir: opts.loadDataDir,
        thread: opts.thread ?? (memory ? undefined : opts.pgliteThread),
      });
}
