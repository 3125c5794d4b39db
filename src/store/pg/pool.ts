/**
 * A `pg` pool as a Db: every statement on a pooled connection (withClient), a transaction on one connection from
 * BEGIN to COMMIT, bulk rows through bulkRows.ts. Other processes may write to PostgreSQL, so this store keeps no
 * generation (nothing read is cached in memory; readCache.ts).
 */
import pg from 'pg';
import type { CopyColumn, CopyRow } from '../copyBinary.js';
import { countingWrites, stageEmbeddingsWith, type Db } from '../driver.js';
import { bulkRowsOf } from './bulkRows.js';

export interface PgPoolHooks {
  /** Called after any statement that may have written (see MAY_WRITE) and after every transaction. */
  onWrite?: () => void;
  /** Awaited on a pooled connection before each statement or transaction runs on it. */
  prepare?: (client: pg.PoolClient) => Promise<void>;
}

export function wrapPgPool(
  pool: pg.Pool,
  { onWrite = () => undefined, prepare = async () => undefined }: PgPoolHooks = {},
): Db {
  const bulkRows = bulkRowsOf();
  /**
   * A pooled connection for fn. After an error the connection is closed rather than reused when `broken` says so:
   * by default when the error came from below SQL (a dropped socket), not from the server.
   */
  const withClient = async <T>(
    fn: (client: pg.PoolClient) => Promise<T>,
    broken = (err: unknown) => !(err instanceof pg.DatabaseError),
  ): Promise<T> => {
    const client = await pool.connect();
    let failed: Error | undefined;
    try {
      await prepare(client);
      return await fn(client);
    } catch (err) {
      if (broken(err)) failed = err as Error;
      throw err;
    } finally {
      client.release(failed);
    }
  };
  return {
    driver: 'pg',
    query: <T>(sql: string, params: unknown[] = []) =>
      countingWrites(sql, async () => ({ rows: (await withClient((c) => c.query(sql, params))).rows as T[] }), onWrite),
    async exec(sql) {
      await countingWrites(null, () => withClient((c) => c.query(sql)), onWrite);
    },
    transaction: (fn) => {
      // Whatever fn threw, the connection is fine to reuse once ROLLBACK went through.
      let rolledBack = false;
      return withClient(
        async (client) => {
          try {
            await client.query('BEGIN');
            const base = {
              async query<T>(sql: string, params: unknown[] = []) {
                const r = await client.query(sql, params);
                return { rows: r.rows as T[] };
              },
              async exec(sql: string) {
                await client.query(sql);
              },
              insertRows: (table: string, columns: readonly CopyColumn[], rows: readonly CopyRow[]) =>
                bulkRows(client, table, columns, rows),
            };
            const result = await fn({ ...base, stageEmbeddings: stageEmbeddingsWith(base) });
            await client.query('COMMIT');
            onWrite();
            return result;
          } catch (err) {
            rolledBack = await client.query('ROLLBACK').then(
              () => true,
              () => false,
            );
            throw err;
          }
        },
        () => !rolledBack,
      );
    },
    async close() {
      await pool.end();
    },
  };
}
