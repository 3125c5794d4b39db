/**
 * One small adapter over the two drivers: PGlite in-process (default) and `pg` for any PostgreSQL with pgvector.
 * The SQL is identical on both; only connection handling, transactions and the bulk vector path differ here.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EF_SEARCH_PARAMS, EF_SEARCH_SQL } from './ann.js';
import { createPglite } from './pgliteInitCache.js';
import { MIN_SHARED_BUFFERS_MB, relationBytes, sharedBuffersMb } from './pgliteBuffers.js';
import { encodeCopyBinary, type CopyColumn, type CopyRow } from './copyBinary.js';
import { toVectorLiteral } from './vectorCodec.js';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /**
   * Only on a store no other process writes to (PGlite: one process holds its data directory): a number that
   * changes whenever a statement may have changed data, so what every search reads (organisation names, document
   * summaries) can be kept in memory until the next write (readCache.ts). Absent on pg and inside a transaction.
   */
  readonly generation?: () => number;
}

export interface Db extends Queryable {
  readonly driver: 'pglite' | 'pg';
  /** Run several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Run fn in one transaction; it rolls back when fn throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Tx extends Queryable {
  /** Run several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Load vectors into the transaction's temporary table `embedding_stage (passage_id text, embedding vector(D))`,
   * dropped at commit, for one set-based INSERT or UPDATE to join. Binary COPY on both drivers.
   */
  stageEmbeddings(rows: { id: string; embedding: number[] }[], dimension: number): Promise<void>;
  /**
   * Insert many rows into `table` (names are ours, never user input): binary COPY (nothing for the backend to parse:
   * from a blob on PGlite, streamed `FROM STDIN` on pg; jsonb to PGlite served over a socket). Constraints,
   * defaults, generated columns and triggers (statement-level ones with their transition tables too) apply
   * exactly as for an INSERT.
   */
  insertRows(table: string, columns: readonly CopyColumn[], rows: readonly CopyRow[]): Promise<void>;
}

/**
 * Session settings for vector search, applied to every connection.
 * NOTE: hnsw.ef_search 200 is the safe default (recall@10 ≥ 0.95 up to 100k passages); once the store's size is
 * known, ann.ts lowers it for small stores (EF_SEARCH_SQL: on PGlite after migrating and after each write, on pg
 * when a connection opens and after each write; see openPg). relaxed_order iterative scans keep filtered searches
 * (by organisation, kind, date) from returning fewer than k rows when the filter removes many neighbours
 * (pgvector >= 0.8; older versions ignore it).
 */
export const SESSION_SETTINGS: Record<string, string> = {
  'hnsw.ef_search': '200',
  'hnsw.iterative_scan': 'relaxed_order',
};

// NOTE: the dimension is a type modifier and cannot be a bind parameter; callers pass an integer we own.
const createStageSql = (dimension: number) => /* SQL */ `
  CREATE TEMP TABLE IF NOT EXISTS embedding_stage (passage_id text PRIMARY KEY, embedding vector(${Math.trunc(dimension)}))
  ON COMMIT DROP`;

const STAGE_COLUMNS: readonly CopyColumn[] = [{ name: 'passage_id', type: 'text' }, { name: 'embedding', type: 'vector' }];

/** Tx.stageEmbeddings on either driver: the stage table, then its rows through the driver's insertRows. */
function stageEmbeddingsWith(tx: Pick<Tx, 'query' | 'insertRows'>): Tx['stageEmbeddings'] {
  return async (rows, dimension) => {
    await tx.query(createStageSql(dimension));
    await tx.insertRows('embedding_stage', STAGE_COLUMNS, rows.map((r) => [r.id, r.embedding]));
  };
}

/** A binary COPY of `columns` into `table` (names are ours) from `source`: '/dev/blob' on PGlite, STDIN on pg. */
const copySql = (table: string, columns: readonly CopyColumn[], source: string) =>
  `COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM ${source} WITH (FORMAT binary)`;

export interface OpenPgliteOptions {
  /** PostgreSQL's buffer pool in MB; by default sized to the store on disk (pgliteBuffers.ts). */
  sharedBuffersMb?: number;
}

/** Open PGlite at a directory, or in memory for "memory://". */
export async function openPglite(dataDir: string, { sharedBuffersMb: given }: OpenPgliteOptions = {}): Promise<Db> {
  const memory = dataDir.startsWith('memory://');
  if (!memory) mkdirSync(dirname(dataDir), { recursive: true });
  const buffers = given ?? (memory ? MIN_SHARED_BUFFERS_MB : sharedBuffersMb(relationBytes(dataDir)));
  // PostgreSQL's own default is left alone (no start parameters), so a new store keeps the kept dump's key.
  const startParams = buffers === MIN_SHARED_BUFFERS_MB ? {} : { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${buffers}MB`] };
  // NOTE: a new store (empty dir or memory://) starts from a kept dump of an empty cluster when there is one,
  // ~1 s instead of ~3 s of initdb; see pgliteInitCache.ts for why that is the same cluster.
  const { db } = await createPglite(memory ? undefined : dataDir, { extensions: { vector }, ...startParams });
  // PGlite is one session, so settings made once hold for every query.
  for (const [k, v] of Object.entries(SESSION_SETTINGS)) await db.query(`SELECT set_config($1, $2, false)`, [k, v]);
  return wrapPglite(db);
}

/**
 * Whether a statement outside a transaction may change data. Errs towards yes (a false yes only costs a cache
 * miss): any write keyword anywhere in our own SQL text, where user input never appears (it travels as parameters).
 */
export const MAY_WRITE = /\b(insert|update|delete|merge|truncate|copy|create|alter|drop|vacuum|analyze|reindex|cluster|refresh|call|do|import|lock|grant|revoke|comment|security)\b/i;

/** Run a statement and then count it as a write when it may be one (sql null: always), whether it succeeded or not. */
async function countingWrites<T>(sql: string | null, run: () => Promise<T>, onWrite: () => void): Promise<T> {
  try {
    return await run();
  } finally {
    if (sql === null || MAY_WRITE.test(sql)) onWrite();
  }
}

export function wrapPglite(db: PGlite): Db {
  const q = (runner: Pick<PGlite, 'query'>) => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await runner.query<T>(sql, params);
      return { rows: r.rows };
    },
  });
  const direct = q(db);
  let generation = 0;
  const wrote = () => void generation++;
  return {
    driver: 'pglite',
    generation: () => generation,
    query: <T>(sql: string, params: unknown[] = []) => countingWrites(sql, () => direct.query<T>(sql, params), wrote),
    async exec(sql) {
      await countingWrites(null, () => db.exec(sql), wrote);
    },
    async transaction(fn) {
      // Counted before and after: a read that overlaps the transaction must not outlive it in a cache.
      wrote();
      return db.transaction(async (tx) => {
        const base = {
          ...q(tx),
          async exec(sql: string) {
            await tx.exec(sql);
          },
          // NOTE: text-form vectors parse at ~1.4k rows/s inside WASM; binary COPY reaches ~40k rows/s.
          async insertRows(table: string, columns: readonly CopyColumn[], rows: readonly CopyRow[]) {
            if (rows.length === 0) return;
            const blob = new Blob([encodeCopyBinary(columns, rows)]);
            await tx.query(copySql(table, columns, `'/dev/blob'`), [], { blob });
          },
        };
        return fn({ ...base, stageEmbeddings: stageEmbeddingsWith(base) });
      }).finally(wrote);
    },
    async close() {
      await db.close();
    },
  };
}

/** Connect to PostgreSQL (with pgvector installed or installable) through `pg`. */
export function openPg(connectionString: string, poolSize = 10): Db {
  const options = Object.entries(SESSION_SETTINGS).map(([k, v]) => `-c ${k}=${v}`).join(' ');
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

export interface PgPoolHooks {
  /** Called after any statement that may have written (see MAY_WRITE) and after every transaction. */
  onWrite?: () => void;
  /** Awaited on a pooled connection before each statement or transaction runs on it. */
  prepare?: (client: pg.PoolClient) => Promise<void>;
}

export function wrapPgPool(pool: pg.Pool, { onWrite = () => undefined, prepare = async () => undefined }: PgPoolHooks = {}): Db {
  // PGlite served over a socket (@electric-sql/pglite-socket) speaks the wire protocol but not COPY FROM STDIN;
  // bulk rows go to it as one jsonb parameter instead. Asked once per pool.
  let copyIn: Promise<boolean> | undefined;
  const canCopyIn = (client: pg.PoolClient) =>
    (copyIn ??= client.query<{ pglite: boolean }>(`SELECT version() LIKE '%(PGlite %' AS pglite`).then(
      (r) => !r.rows[0].pglite,
      (err) => {
        copyIn = undefined;
        throw err;
      },
    ));
  const bulkRows = async (client: pg.PoolClient, table: string, columns: readonly CopyColumn[], rows: readonly CopyRow[]) =>
    (await canCopyIn(client)) ? copyRows(client, table, columns, rows) : insertAsJson(client, table, columns, rows);
  /**
   * A pooled connection for fn. After an error the connection is closed rather than reused when `broken` says so:
   * by default when the error came from below SQL (a dropped socket), not from the server.
   */
  const withClient = async <T>(fn: (client: pg.PoolClient) => Promise<T>, broken = (err: unknown) => !(err instanceof pg.DatabaseError)): Promise<T> => {
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
      return withClient(async (client) => {
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
            insertRows: (table: string, columns: readonly CopyColumn[], rows: readonly CopyRow[]) => bulkRows(client, table, columns, rows),
          };
          const result = await fn({ ...base, stageEmbeddings: stageEmbeddingsWith(base) });
          await client.query('COMMIT');
          onWrite();
          return result;
        } catch (err) {
          rolledBack = await client.query('ROLLBACK').then(() => true, () => false);
          throw err;
        }
      }, () => !rolledBack);
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * pg path of Tx.insertRows and stageEmbeddings: the same binary COPY as on PGlite, streamed over the connection
 * (`COPY … FROM STDIN`), in chunks so no single buffer grows past ~75 MB. Measured against the INSERT … SELECT FROM
 * jsonb_to_recordset it replaced (vectors as text), PostgreSQL 15 + pgvector 0.8.0 on the bench machine: see
 * BENCHMARKS.md, "PostgreSQL through DATABASE_URL".
 */
async function copyRows(client: pg.PoolClient, table: string, columns: readonly CopyColumn[], rows: readonly CopyRow[]): Promise<void> {
  const sql = copySql(table, columns, 'STDIN');
  for (let i = 0; i < rows.length; i += PG_COPY_CHUNK) {
    const bytes = encodeCopyBinary(columns, rows.slice(i, i + PG_COPY_CHUNK));
    await pipeline(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), client.query(copyFrom(sql)));
  }
}

const PG_COPY_CHUNK = 20_000;

/**
 * The same rows as INSERT … SELECT FROM jsonb_to_recordset, vectors as pgvector text literals, for servers without
 * COPY FROM STDIN. In chunks: a vector as text makes ~4 KB of JSON a row, and one string must stay well under V8's
 * limit.
 */
async function insertAsJson(client: pg.PoolClient, table: string, columns: readonly CopyColumn[], rows: readonly CopyRow[]): Promise<void> {
  const names = columns.map((c) => c.name);
  const select = columns.map((c) => (c.type === 'vector' ? `x.${c.name}::vector` : `x.${c.name}`));
  const record = columns.map((c) => `${c.name} ${JSON_TYPES[c.type]}`);
  const sql = `INSERT INTO ${table} (${names.join(', ')}) SELECT ${select.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${record.join(', ')})`;
  const asJson = (row: CopyRow) =>
    Object.fromEntries(columns.map((c, i) => [c.name, c.type === 'vector' && row[i] != null ? toVectorLiteral(row[i] as ArrayLike<number>) : row[i] ?? null]));
  for (let i = 0; i < rows.length; i += JSON_CHUNK) await client.query(sql, [JSON.stringify(rows.slice(i, i + JSON_CHUNK).map(asJson))]);
}

const JSON_CHUNK = 2000;
const JSON_TYPES: Record<CopyColumn['type'], string> = { text: 'text', int4: 'int', date: 'date', 'text[]': 'text[]', vector: 'text' };

export interface OpenDbOptions extends OpenPgliteOptions {
  databaseUrl?: string;
  dataDir: string;
}

/** DATABASE_URL wins; otherwise PGlite at dataDir. */
export async function openDb(opts: OpenDbOptions): Promise<Db> {
  return opts.databaseUrl ? openPg(opts.databaseUrl) : openPglite(opts.dataDir, { sharedBuffersMb: opts.sharedBuffersMb });
}
