/**
 * The PGlite driver: PostgreSQL compiled to WASM, in this process, on a data directory or in memory. One session,
 * so settings made once hold for every query; the store counts its own writes (Queryable.generation), since no
 * other process can write to a data directory PGlite holds.
 *
 * Where it runs (OpenPgliteOptions.thread): a data directory opens PGlite on a worker thread (workerHost.ts), so
 * the server's event loop never waits for a statement (a large upload's save batches held /health and /search
 * for 230 ms at p95); the data-directory lock stays with this process. An in-memory store runs on this thread:
 * tests and seeding open hundreds of them, where a second thread's start-up (~0.2 s) and the copy of every row
 * across it buy nothing.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { encodeCopyBinary, type CopyColumn, type CopyRow } from '../copyBinary.js';
import {
  CACHE_KEY,
  copySql,
  countingWrites,
  SESSION_SETTINGS,
  stageEmbeddingsWith,
  type Db,
  type Queryable,
} from '../driver.js';
import { MIN_SHARED_BUFFERS_MB, relationBytes, sharedBuffersMb } from './buffers.js';
import { createPglite } from './initCache.js';
import { SectionGate } from './sectionGate.js';
import { acquireDataDirLock } from './lock.js';
import { PgliteWorker, type PgliteLike, type PgliteTxLike } from './workerHost.js';

export interface OpenPgliteOptions {
  /** PostgreSQL's buffer pool in MB; by default sized to the store on disk (buffers.ts). */
  sharedBuffersMb?: number;
  /** Start a new store from this dump (`npm run restore`); the directory must be empty. */
  loadDataDir?: Blob;
  /** Run PGlite on a worker thread or on this one; by default a worker for a data directory, this one for memory://. */
  thread?: 'worker' | 'main';
}

/** Open PGlite at a directory, or in memory for "memory://". */
export async function openPglite(dataDir: string, options: OpenPgliteOptions = {}): Promise<Db> {
  const memory = dataDir.startsWith('memory://');
  if (memory) return openPgliteAt(dataDir, true, options);
  mkdirSync(dirname(dataDir), { recursive: true });
  // One process per directory (lock.ts): throws DataDirLockedError when another one holds it.
  const release = acquireDataDirLock(dataDir);
  try {
    const db = await openPgliteAt(dataDir, false, options);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

async function openPgliteAt(
  dataDir: string,
  memory: boolean,
  { sharedBuffersMb: given, loadDataDir, thread = memory ? 'main' : 'worker' }: OpenPgliteOptions,
): Promise<Db> {
  const buffers = given ?? (memory ? MIN_SHARED_BUFFERS_MB : sharedBuffersMb(relationBytes(dataDir)));
  // PostgreSQL's own default is left alone (no start parameters), so a new store keeps the kept dump's key.
  const startParams =
    buffers === MIN_SHARED_BUFFERS_MB ? undefined : [...PGlite.defaultStartParams, '-c', `shared_buffers=${buffers}MB`];
  // NOTE: a new store (empty dir or memory://) starts from a kept dump of an empty cluster when there is one,
  // ~1 s instead of ~3 s of initdb; see initCache.ts for why that is the same cluster. (The worker does the same.)
  const at = memory ? undefined : dataDir;
  const db: PgliteLike =
    thread === 'worker'
      ? await PgliteWorker.open({ dataDir: at, startParams, loadDataDir })
      : (
          await createPglite(at, {
            extensions: { vector },
            ...(startParams ? { startParams } : {}),
            ...(loadDataDir ? { loadDataDir } : {}),
          })
        ).db;
  try {
    // PGlite is one session, so settings made once hold for every query.
    for (const [k, v] of Object.entries(SESSION_SETTINGS)) await db.query(`SELECT set_config($1, $2, false)`, [k, v]);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return wrapPglite(db);
}

/** The driver over PGlite, in-process or on its worker thread (workerHost.ts). */
export function wrapPglite(db: PgliteLike): Db {
  const q = (runner: Pick<PgliteTxLike, 'query'>) => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await runner.query<T>(sql, params);
      return { rows: r.rows };
    },
  });
  const direct = q(db);
  let generation = 0;
  const wrote = () => void generation++;
  const cacheKey = {};
  const gate = new SectionGate();
  return {
    driver: 'pglite',
    [CACHE_KEY]: cacheKey,
    generation: () => generation,
    query: <T>(sql: string, params: unknown[] = []) => countingWrites(sql, () => direct.query<T>(sql, params), wrote),
    // NOTE (issue 14): a search's five or six statements each queued behind whatever held the connection; during an
    // upload one search met two save batches and spent 598 ms in the database (bench:uploads, trace of PGlite's
    // worker). As a section (sectionGate.ts) it waits for at most the one transaction ahead of it.
    readTogether: <T>(fn: (section: Queryable) => Promise<T>) =>
      gate.read(() =>
        fn({
          [CACHE_KEY]: cacheKey,
          generation: () => generation,
          query: <R>(sql: string, params: unknown[] = []) =>
            countingWrites(sql, () => direct.query<R>(sql, params), wrote),
        }),
      ),
    async exec(sql) {
      await countingWrites(null, () => db.exec(sql), wrote);
    },
    async transaction(fn, options) {
      // Counted before and after: a read that overlaps the transaction must not outlive it in a cache (unless
      // nothing it writes is visible to readers).
      const unseen = options?.unseen ?? false;
      if (!unseen) wrote();
      let seen = unseen === false;
      const result = await gate
        .write(() =>
          db.transaction(async (tx) => {
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
          }),
        )
        .catch((err: unknown) => {
          seen = true;
          throw err;
        })
        .finally(() => {
          if (seen) wrote();
        });
      if (typeof unseen === 'function' && !unseen(result)) wrote();
      return result;
    },
    // A consistent copy of the whole data directory as a gzipped tarball (`npm run backup`).
    dumpDataDir: () => db.dumpDataDir('gzip'),
    async close() {
      await db.close();
    },
  };
}
