/**
 * The approximate-nearest-neighbour (HNSW) index on passages.embedding.
 *
 * NOTE: built in code, not in a migration, because the column's dimension is set by the embedder at runtime
 * (an index needs a fixed dimension). Vectors are L2-normalised, so inner product ranks exactly like cosine and
 * is the cheaper operator: vector_ip_ops with `<#>`.
 * Below ANN_MIN_PASSAGES an exact scan is both exact and fast enough (see BENCHMARKS.md), so no index is built;
 * bulk loads drop the index first and rebuild it once, because inserting into HNSW row by row is far slower.
 */
import type { Queryable } from './db.js';

export const ANN_INDEX_NAME = 'passages_embedding_hnsw';
// NOTE: measured on a quiet 2-core machine (BENCHMARKS.md): the exact scan's p95 is 12 ms at 2,000 passages and
// 19 ms at 5,000, against 10 and 12.5 ms through HNSW (recall@10 1.0 and 0.99); building the index at 2,000 takes
// a few seconds. Below 2,000 fixed costs (parsing, fetching passages) dominate and the exact scan stays exact.
export const ANN_MIN_PASSAGES = 2000;

export const ANN_INDEX_EXISTS_SQL = /* SQL */ `SELECT 1 FROM pg_indexes WHERE indexname = '${ANN_INDEX_NAME}'`;
// NOTE: m 24 / ef_construction 100, not pgvector's 16 / 64: the local embedder's vectors have flat similarity
// profiles (the median bench question's 1st and 10th neighbours: 0.40 and 0.33), which need a denser graph.
// At 100k passages (bench/hnsw-sweep.ts, BENCHMARKS.md) recall@10 against the exact scan at ef_search 200 is
// 0.917 with 16/64 and 0.967 with 24/100, a lower query cost than 16/64 needs for that recall (ef_search 400);
// the price is the build, 106 s → 276 s at 100k with 1 GB maintenance_work_mem.
export const CREATE_ANN_INDEX_SQL = /* SQL */ `
  CREATE INDEX IF NOT EXISTS ${ANN_INDEX_NAME} ON passages USING hnsw (embedding vector_ip_ops) WITH (m = 24, ef_construction = 100)`;
export const DROP_ANN_INDEX_SQL = /* SQL */ `DROP INDEX IF EXISTS ${ANN_INDEX_NAME}`;

export async function annIndexExists(db: Queryable): Promise<boolean> {
  return (await db.query(ANN_INDEX_EXISTS_SQL)).rows.length > 0;
}

export async function dropAnnIndex(db: Queryable): Promise<void> {
  await db.query(DROP_ANN_INDEX_SQL);
}

/** Build the HNSW index if the store is large enough and it isn't there yet. @returns true when built now. */
export async function ensureAnnIndex(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> } & Queryable,
  { minPassages = ANN_MIN_PASSAGES }: { minPassages?: number } = {},
): Promise<boolean> {
  if (await annIndexExists(db)) return false;
  const n = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM passages WHERE embedding IS NOT NULL')).rows[0].n);
  if (n < minPassages) return false;
  await db.transaction(async (tx) => {
    // NOTE: measured ~4x faster at 100k with 1 GB than with the default 64 MB (STACK-NOTES.md).
    await tx.query(`SET LOCAL maintenance_work_mem = '1GB'`);
    await tx.query(CREATE_ANN_INDEX_SQL);
  });
  return true;
}
