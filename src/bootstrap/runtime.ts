/**
 * Opens what every entry point needs: the store (migrated), the embedder, and the store made consistent with
 * the embedder (re-embedding with progress if the model changed).
 */
import type { Config } from '../config/env.js';
import { createEmbedder } from '../embed/index.js';
import type { Logger } from '../log.js';
import { ADVISORY_LOCKS, onceAcrossInstances } from '../store/advisoryLocks.js';
import { tuneEfSearch } from '../store/ann.js';
import { openDb, type Db } from '../store/db.js';
import { discardDeadSaves } from '../store/documents.js';
import { ensureEmbedder } from '../store/embeddings.js';
import { migrate } from '../store/migrate.js';
import type { TextEmbedder } from '../domain/embedder.js';
import { currentSharedBuffers } from '../store/pglite/buffers.js';

export interface Runtime {
  db: Db;
  embedder: TextEmbedder;
}

export async function openRuntime(
  config: Config,
  {
    logger,
    onEmbedProgress,
    serving = false,
  }: {
    logger: Logger;
    onEmbedProgress?: (done: number, total: number) => void;
    /** A server: the local embedder keeps this thread free for requests (LocalEmbedderOptions.spareCallingThread). */
    serving?: boolean;
  },
): Promise<Runtime> {
  const db = await openDb({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    sharedBuffersMb: config.PGLITE_SHARED_BUFFERS_MB,
    pgliteThread: config.PGLITE_THREAD,
  });
  // Several servers on one PostgreSQL: one migrates (and re-embeds for a new model) while the others wait, then
  // find nothing left to do (store/advisoryLocks.ts).
  const embedder = await onceAcrossInstances(db, ADVISORY_LOCKS.startup, async () => {
    const applied = await migrate(db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    // Uploads that died half-way (a crash, a kill) left pending saves no reader sees: clean them away.
    const discarded = await discardDeadSaves(db);
    if (discarded.length) logger.warn({ documents: discarded }, 'unfinished uploads discarded');
    await tuneEfSearch(db);
    if (db.driver === 'pglite') {
      // A large store holds its buffer pool in memory from the start (store/pglite/buffers.ts): say so, it explains the RSS.
      const pool = await currentSharedBuffers(db);
      if (pool !== '128MB') logger.info({ sharedBuffers: pool }, 'PGlite buffer pool sized to the store');
    }
    const embedder = await createEmbedder(config, { spareCallingThread: serving });
    const reembedded = await ensureEmbedder(db, embedder, onEmbedProgress);
    if (reembedded) logger.info({ passages: reembedded, model: embedder.model }, 'passages embedded');
    return embedder;
  });
  return { db, embedder };
}
