/**
 * How much of a PGlite store PostgreSQL keeps in memory (`shared_buffers`), from the store's size on disk.
 *
 * NOTE: measured on the 100k-passage bench store (~700 MB of tables and indexes; scratch runs, 496 questions,
 * p50 / p95 ms): with the default 128 MB every search re-reads HNSW, heap and GIN pages through the WASM file
 * layer — hybrid 33 / 50, vector 15 / 22.5; with 512 MB 23 / 37 and 11 / 17; with 1 GB, where the whole store
 * fits, 16.5 / 25 and 10.5 / 13.4. PGlite touches its whole buffer pool when it starts (a store opened with 1 GB
 * has ~1.3 GB resident at once, and a new in-memory one took 9.7 s instead of 4.4 s to start), so the pool is
 * sized to the store rather than set large for all: the store's relation files plus a quarter for growth, within
 * 128 MB (PostgreSQL's default) and 1 GB (PGlite's WASM memory ends at 2 GB, and an HNSW build needs room beside
 * the pool; see ../ann.ts). A store that grows in a running process keeps the size it was opened with until the
 * next start.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Queryable } from '../driver.js';

export const MIN_SHARED_BUFFERS_MB = 128;
export const MAX_SHARED_BUFFERS_MB = 1024;
const GROWTH = 1.25;
const STEP_MB = 32;

/** Bytes of relation files (tables, indexes, TOAST) under a PGlite data directory; 0 when there is none yet. */
export function relationBytes(dataDir: string): number {
  let total = 0;
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) total += statSync(path).size;
    }
  };
  walk(join(dataDir, 'base'));
  return total;
}

/**
 * shared_buffers in MB for a store of `bytes` on disk.
 * @example sharedBuffersMb(700 * 2 ** 20) // 896
 */
export function sharedBuffersMb(bytes: number): number {
  const wanted = Math.ceil((bytes * GROWTH) / 2 ** 20 / STEP_MB) * STEP_MB;
  return Math.min(MAX_SHARED_BUFFERS_MB, Math.max(MIN_SHARED_BUFFERS_MB, wanted));
}

/** The buffer pool the open store runs with, as PostgreSQL prints it ("128MB"). */
export async function currentSharedBuffers(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ pool: string }>(`SELECT current_setting('shared_buffers') AS pool`);
  return rows[0].pool;
}
