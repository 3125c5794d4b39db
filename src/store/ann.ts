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
export const ANN_MIN_PASSAGES = 5000;

export const ANN_INDEX_EXISTS_SQL = /* SQL */ `SELECT 1 FROM pg_indexes WHERE indexname = '${ANN_INDEX_NAME}'`;
export const CREATE_ANN_INDEX_SQL = /* SQL */ `
  CREATE INDEX IF NOT EXISTS ${ANN_INDEX_NAME} ON passages USING hnsw (embedding vector_ip_ops) WITH (m = 16, ef_construction = 64)`;
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
