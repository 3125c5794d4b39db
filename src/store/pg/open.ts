/**
 * Opens the pg driver: any PostgreSQL with pgvector installed or installable, through a `pg` pool, with the
 * session settings and hnsw.ef_search for the store's size on every pooled connection.
 */
import pg from 'pg';
import { EF_SEARCH_PARAMS, EF_SEARCH_SQL } from '../ann.js';
import { SESSION_SETTINGS, type Db } from '../driver.js';
import { wrapPgPool } from './pool.js';

/** Connect to PostgreSQL (with pgvector installed or installable) through `pg`. */
export function openPg(connectionString: string, poolSize = 10): Db {
  const options = Object.entries(SESSION_SETTINGS)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  const pool = new pg.Pool({ connectionString, max: poolSize, options });
  // ef_search follows the store's size on every pooled connection: set on its first use, and again on its first use
  // after this process wrote (writes by other processes reach it when the pool opens a new one). Awaited before the
  // statement it precedes, on the same connection (pg 9 will refuse a second query sent while one runs). It fails
  // only before the first migration (no corpus_stats yet), and then the default above stands.
  let writes = 0;
  const tunedAt = new WeakMap<pg.PoolClient, number>();
  const prepare = async (client: pg.PoolClient) => {
    if (tunedAt.get(client) === writes) return;
    tunedAt.set(client, writes);
    await client.query(EF_SEARCH_SQL, EF_SEARCH_PARAMS).catch(() => undefined);
  };
  return wrapPgPool(pool, { onWrite: () => void writes++, prepare });
}
