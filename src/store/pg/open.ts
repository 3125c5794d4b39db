/**
 * Opens the pg driver: any PostgreSQL with pgvector installed or installable, through a `pg` pool, with the
 * session settings and hnsw.ef_search for the store's size on every pooled connection.
 */
import pg from 'pg';
import { EF_SEARCH_PARAMS, EF_SEARCH_SQL } from '../ann.js';
import { SESSION_SETTINGS, type Db } from '../driver.js';
import { advisoryLockOn } from './advisoryLock.js';
import { wrapPgPool } from './pool.js';

/** Connect to PostgreSQL (with pgvector installed or installable) through `pg`. */
export function openPg(connectionString: string, poolSize = 10): Db {
  const options = Object.entries(SESSION_SETTINGS)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  const pool = new pg.Pool({ connectionString, max: poolSize, options });
  // ef_search follows the store's size on every pooled connection: set on its first use, again on its first use
  // after this process wrote, and at least every EF_SEARCH_RETUNE_MS, since other instances on the same database
  // write too (it only moves recall a little, so a minute late is fine). Awaited before the statement it precedes,
  // on the same connection (pg 9 will refuse a second query sent while one runs). It fails only before the first
  // migration (no corpus_stats yet), and then the default above stands.
  let writes = 0;
  const tunedAt = new WeakMap<pg.PoolClient, { writes: number; at: number }>();
  const prepare = async (client: pg.PoolClient) => {
    const last = tunedAt.get(client);
    const now = Date.now();
    if (last && last.writes === writes && now - last.at < EF_SEARCH_RETUNE_MS) return;
    tunedAt.set(client, { writes, at: now });
    await client.query(EF_SEARCH_SQL, EF_SEARCH_PARAMS).catch(() => undefined);
  };
  return {
    ...wrapPgPool(pool, { onWrite: () => void writes++, prepare }),
    withAdvisoryLock: advisoryLockOn(connectionString),
  };
}

/** How long a pooled connection keeps its ef_search before it is read again from corpus_stats. */
const EF_SEARCH_RETUNE_MS = 60_000;
