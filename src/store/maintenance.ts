/**
 * Housekeeping after bulk writes. PGlite runs no autovacuum, so after a large ingest the planner has no
 * statistics, the GIN index keeps its pending list and index-only scans visit the heap.
 *
 * NOTE (BENCHMARKS.md): VACUUM ANALYZE after loading 10k passages took 0.55 s and cut vector search p50 by 1.6 ms
 * and hybrid p50 by 4.6 ms; on a loaded machine it took the GIN scan of the text leg from 17 ms to 0.2 ms. On
 * PostgreSQL autovacuum would get there too, later; running it here does no harm.
 */
import type { Db } from './db.js';

/** Below this many passages written at once, autovacuum (or nothing) is fine: the statistics barely move. */
const BULK_WRITE_PASSAGES = 1000;

// NOTE: VACUUM cannot run inside a transaction block, so this is its own statement after the write committed.
const VACUUM_ANALYZE_SQL = /* SQL */ `VACUUM (ANALYZE) passages, documents, lexeme_stats`;

/** @returns whether it ran. */
export async function tidyAfterBulkWrite(
  db: Db,
  passagesWritten: number,
  { minPassages = BULK_WRITE_PASSAGES } = {},
): Promise<boolean> {
  if (passagesWritten < minPassages) return false;
  await db.exec(VACUUM_ANALYZE_SQL);
  return true;
}
