/**
 * What both drivers (pglite/, pg/) implement, and the little they share. The query modules see only these
 * interfaces, so the SQL is identical on both; db.ts opens one and re-exports all of this.
 *
 * NOTE: kept apart from db.ts so that the drivers and the query modules they need (ann.ts) import their types
 * without importing the door that imports them.
 */
import type { CopyColumn, CopyRow } from './copyBinary.js';

/**
 * What in-memory caches of a store key on (readCache.ts): the same object for the store and for its readTogether
 * sections, so a section reads and fills the store's own memo.
 */
export const CACHE_KEY = Symbol('cacheKey');

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /**
   * Only on a store no other process writes to (PGlite: one process holds its data directory): a number that
   * changes whenever a statement may have changed data, so what every search reads (organisation names, document
   * summaries) can be kept in memory until the next write (readCache.ts). Absent on pg and inside a transaction.
   */
  readonly generation?: () => number;
  /**
   * PGlite only: run fn's statements (on the Queryable it is given) as one section on the store's one connection:
   * no transaction begins while a section runs, and a section waits for the transaction running or waiting before
   * it (pglite/sectionGate.ts), so a search waits for a save at most once however many statements it runs. Single
   * statements of others still run between a section's. Absent on pg, whose pool runs a search's statements side by
   * side on several connections, and on a section or a transaction. fn must only read and must not use the outer
   * store's transaction (it would wait for the section itself).
   * @example await (db.readTogether ? db.readTogether((q) => searchWith(q)) : searchWith(db))
   */
  readonly readTogether?: <T>(fn: (q: Queryable) => Promise<T>) => Promise<T>;
  /** See CACHE_KEY; absent: caches key on the store object itself. */
  readonly [CACHE_KEY]?: object;
}

/** Options of Db.transaction. */
export interface TransactionOptions<T = unknown> {
  /**
   * Nothing the transaction writes is visible to readers (a batch of a pending save, documents/pending.ts), so what
   * readers cache (readCache.ts) stays valid: PGlite does not move its generation for it. A function decides from
   * the transaction's result (a save's begin is unseen unless it ended the save at once); a failed transaction
   * counts as seen.
   */
  unseen?: boolean | ((result: T) => boolean);
}

export interface Db extends Queryable {
  readonly driver: 'pglite' | 'pg';
  /** Run several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Run fn in one transaction; it rolls back when fn throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * pg only: run fn while holding PostgreSQL advisory lock `key` (advisoryLocks.ts), taken on a connection of its
   * own and released after, so that one instance among several on the same database does a once-only step
   * (migrations, seeding, the ANN index build) while the others wait for it. Absent on PGlite, whose data-directory
   * lock (pglite/lock.ts) already keeps every other process out.
   */
  withAdvisoryLock?<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** PGlite only: the data directory as a gzipped tarball, consistent (taken between statements). */
  dumpDataDir?(): Promise<Blob>;
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
 * when a connection opens and after each write; see pg/open.ts). relaxed_order iterative scans keep filtered
 * searches (by organisation, kind, date) from returning fewer than k rows when the filter removes many neighbours
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

const STAGE_COLUMNS: readonly CopyColumn[] = [
  { name: 'passage_id', type: 'text' },
  { name: 'embedding', type: 'vector' },
];

/** Tx.stageEmbeddings on either driver: the stage table, then its rows through the driver's insertRows. */
export function stageEmbeddingsWith(tx: Pick<Tx, 'query' | 'insertRows'>): Tx['stageEmbeddings'] {
  return async (rows, dimension) => {
    await tx.query(createStageSql(dimension));
    await tx.insertRows(
      'embedding_stage',
      STAGE_COLUMNS,
      rows.map((r) => [r.id, r.embedding]),
    );
  };
}

/** A binary COPY of `columns` into `table` (names are ours) from `source`: '/dev/blob' on PGlite, STDIN on pg. */
export const copySql = (table: string, columns: readonly CopyColumn[], source: string) =>
  `COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM ${source} WITH (FORMAT binary)`;

/**
 * Whether a statement outside a transaction may change data. Errs towards yes (a false yes only costs a cache
 * miss): any write keyword anywhere in our own SQL text, where user input never appears (it travels as parameters).
 */
export const MAY_WRITE =
  /\b(insert|update|delete|merge|truncate|copy|create|alter|drop|vacuum|analyze|reindex|cluster|refresh|call|do|import|lock|grant|revoke|comment|security)\b/i;

/** Run a statement and then count it as a write when it may be one (sql null: always), whether it succeeded or not. */
export async function countingWrites<T>(sql: string | null, run: () => Promise<T>, onWrite: () => void): Promise<T> {
  try {
    return await run();
  } finally {
    if (sql === null || MAY_WRITE.test(sql)) onWrite();
  }
}
