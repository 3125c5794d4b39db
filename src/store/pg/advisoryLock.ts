/**
 * Db.withAdvisoryLock on PostgreSQL: a session-level pg_advisory_lock on a connection of its own (not one of the
 * pool's, which fn needs for its own statements: with a pool of one a pooled lock would wait on itself), held
 * while fn runs and released after, also when fn throws. If the connection drops, the server releases the lock.
 */
import pg from 'pg';
import { ADVISORY_LOCK_NAMESPACE } from '../advisoryLocks.js';

const LOCK_SQL = /* SQL */ `SELECT pg_advisory_lock($1, $2)`;
const UNLOCK_SQL = /* SQL */ `SELECT pg_advisory_unlock($1, $2)`;

export function advisoryLockOn(connectionString: string) {
  return async <T>(key: number, fn: () => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    // An error on the idle lock connection (the server restarting) must not crash the process; fn's own
    // statements report it.
    client.on('error', () => undefined);
    try {
      await client.query(LOCK_SQL, [ADVISORY_LOCK_NAMESPACE, key]);
      try {
        return await fn();
      } finally {
        await client.query(UNLOCK_SQL, [ADVISORY_LOCK_NAMESPACE, key]).catch(() => undefined);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  };
}
