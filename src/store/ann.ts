/**
 * The approximate-nearest-neighbour (HNSW) index on passages.embedding.
 *
 * NOTE: built in code, not in a migration, because the column's dimension is set by the embedder at runtime
 * (an index needs a fixed dimension). Vectors are L2-normalised, so inner product ranks exactly like cosine and
 * is the cheaper operator: vector_ip_ops with `<#>`.
 * Below ANN_MIN_PASSAGES an exact scan is both exact and fast enough (see BENCHMARKS.md), so no index is built;
 * bulk loads drop the index first and rebuild it once, because inserting into HNSW row by row is far slower.
 */
import { ADVISORY_LOCKS, onceAcrossInstances } from './advisoryLocks.js';
import type { Db, Queryable } from './driver.js';

export const ANN_INDEX_NAME = 'passages_embedding_hnsw';
// NOTE: measured on a quiet 2-core machine (BENCHMARKS.md): the exact scan's p95 is 12 ms at 2,000 passages and
// 19 ms at 5,000, against 10 and 12.5 ms through HNSW (recall@10 1.0 and 0.99); building the index at 2,000 takes
// a few seconds. Below 2,000 fixed costs (parsing, fetching passages) dominate and the exact scan stays exact.
export const ANN_MIN_PASSAGES = 2000;

const ANN_INDEX_EXISTS_SQL = /* SQL */ `SELECT 1 FROM pg_indexes WHERE indexname = '${ANN_INDEX_NAME}'`;
// NOTE: m 24 / ef_construction 100, not pgvector's 16 / 64: the local embedder's vectors have flat similarity
// profiles (the median bench question's 1st and 10th neighbours: 0.40 and 0.33), which need a denser graph.
// At 100k passages (bench/hnsw-sweep.ts, BENCHMARKS.md) recall@10 against the exact scan at ef_search 200 is
// 0.917 with 16/64 and 0.967 with 24/100, a lower query cost than 16/64 needs for that recall (ef_search 400);
// the price is the build, 106 s → 276 s at 100k with 1 GB maintenance_work_mem.
const CREATE_ANN_INDEX_SQL = /* SQL */ `
  CREATE INDEX IF NOT EXISTS ${ANN_INDEX_NAME} ON passages USING hnsw (embedding vector_ip_ops) WITH (m = 24, ef_construction = 100)`;
export const DROP_ANN_INDEX_SQL = /* SQL */ `DROP INDEX IF EXISTS ${ANN_INDEX_NAME}`;

/**
 * hnsw.ef_search for the store's size, set for this session: 100 below EF_SEARCH_LARGE_FROM passages, 200 from
 * there.
 * NOTE: measured on the bench corpora (real-text embeddings, BENCHMARKS.md), recall@10 against the exact scan at
 * 10k / 100k passages: 0.964 / 0.898 at pgvector's default 40, 0.975 / 0.913 at 100, 0.996 / 0.969 at 200; the
 * vector leg at 10k takes 6.7 ms p50 at 100 and 9.4 ms at 200. Recall falls about linearly in log(passages), so
 * 100 holds 0.95 to ~20k passages.
 *   $1 passages from which the larger value applies  $2 smaller value  $3 larger value
 */
export const EF_SEARCH_SQL = /* SQL */ `
  SELECT set_config('hnsw.ef_search', CASE WHEN passages < $1 THEN $2 ELSE $3 END, false) AS ef_search FROM corpus_stats`;
export const EF_SEARCH_LARGE_FROM = 20_000;
export const EF_SEARCH_PARAMS = [EF_SEARCH_LARGE_FROM, '100', '200'];

/** Set hnsw.ef_search by the store's size (see EF_SEARCH_SQL). @returns the value set. */
export async function tuneEfSearch(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ ef_search: string }>(EF_SEARCH_SQL, EF_SEARCH_PARAMS);
  return Number(rows[0].ef_search);
}

async function annIndexExists(db: Queryable): Promise<boolean> {
  return (await db.query(ANN_INDEX_EXISTS_SQL)).rows.length > 0;
}

export async function dropAnnIndex(db: Queryable): Promise<void> {
  await db.query(DROP_ANN_INDEX_SQL);
}

/** maintenance_work_mem for an HNSW build in PGlite: 1 GB, or less so that it and shared_buffers stay under 1.75 GB. */
export const PGLITE_BUILD_MEMORY_SQL = /* SQL */ `
  SELECT set_config('maintenance_work_mem',
    greatest(128, least(1024, 1792 - pg_size_bytes(current_setting('shared_buffers')) / 1048576))::int || 'MB', true)`;

/**
 * Build the HNSW index if the store is large enough and it isn't there yet, and set ef_search for the store's
 * size. Called after every write. @returns true when built now.
 */
export async function ensureAnnIndex(
  db: {
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
    readonly driver?: 'pglite' | 'pg';
  } & Queryable &
    Pick<Db, 'withAdvisoryLock'>,
  { minPassages = ANN_MIN_PASSAGES }: { minPassages?: number } = {},
): Promise<boolean> {
  await tuneEfSearch(db);
  if (await annIndexExists(db)) return false;
  const n = Number(
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM passages WHERE embedding IS NOT NULL')).rows[0].n,
  );
  if (n < minPassages) return false;
  // Several instances on one PostgreSQL may all get here at once; one builds, the others then find it built.
  return onceAcrossInstances(db, ADVISORY_LOCKS.annIndex, async () => {
    if (await annIndexExists(db)) return false;
    await db.transaction(async (tx) => {
      // NOTE: measured ~4x faster at 100k with 1 GB than with the default 64 MB (STACK-NOTES.md). In PGlite the
      // build's memory and the buffer pool share WASM's 2 GB, so there it gets what the pool leaves (the graph of
      // 100k passages takes ~250 MB; one that outgrows the setting is built on disk, slower but whole).
      await tx.query(db.driver === 'pglite' ? PGLITE_BUILD_MEMORY_SQL : `SET LOCAL maintenance_work_mem = '1GB'`);
      await tx.query(CREATE_ANN_INDEX_SQL);
    });
    return true;
  });
}
