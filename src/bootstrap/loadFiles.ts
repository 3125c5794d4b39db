/**
 * Files and folders → stored documents, with progress: `npm run ingest` (loadFiles) and `npm start` seeding an
 * empty store (seedIfEmpty). Both go through the corpus stage (src/corpus/storeFiles.ts), the same path as an
 * upload: the type sniffed from the bytes, a text already stored skipped.
 */
import type { DocumentMeta } from '../domain/types.js';
import { readCorpusDir, resolveInputs } from '../corpus/inputs.js';
import type { ReadThreadOptions } from '../corpus/readThread.js';
import { storeFiles, type StoreFilesResult, type StoreProgress } from '../corpus/storeFiles.js';
import type { Db } from '../store/db.js';
import { ADVISORY_LOCKS, onceAcrossInstances } from '../store/advisoryLocks.js';
import { ensureAnnIndex } from '../store/ann.js';
import { tidyAfterBulkWrite } from '../store/maintenance.js';
import type { TextEmbedder } from '../domain/embedder.js';
import { countAll } from '../store/documents.js';

export type LoadProgress = StoreProgress;

/**
 * Read, cut, embed and store files; all or nothing. Texts already stored (or twice among the files) are skipped
 * and reported as `duplicate` with the document that holds them.
 * @example (await loadFiles(runtime, ['seeds'])).documents.filter((d) => d.outcome === 'duplicate').length
 */
export async function loadFiles(
  { db, embedder }: { db: Db; embedder: TextEmbedder },
  paths: string[],
  {
    defaults = {},
    onProgress,
    annMinPassages,
    read,
    skipRefused,
  }: {
    defaults?: Partial<DocumentMeta>;
    onProgress?: LoadProgress;
    annMinPassages?: number;
    /** The read limits (an upload's by default) and whether a refused file leaves the others to be stored. */
    read?: ReadThreadOptions;
    skipRefused?: boolean;
  } = {},
): Promise<StoreFilesResult> {
  const inputs = await resolveInputs(paths, defaults);
  const result = await storeFiles({ db, embedder }, inputs, { onProgress, read, skipRefused });
  await tidyAfterBulkWrite(db, result.passagesWritten);
  await ensureAnnIndex(db, { minPassages: annMinPassages });
  return result;
}

/**
 * Ingest the seed corpus when the store has no documents, and build the ANN index if the store is large enough
 * (ANN_MIN_PASSAGES). On PostgreSQL under the startup lock: of several servers started at once, the first seeds
 * and the others then find the store filled (store/advisoryLocks.ts).
 * @returns documents stored, 0 when not empty.
 */
export async function seedIfEmpty(
  runtime: { db: Db; embedder: TextEmbedder },
  seedDir: string,
  { annMinPassages }: { annMinPassages?: number } = {},
): Promise<number> {
  return onceAcrossInstances(runtime.db, ADVISORY_LOCKS.startup, async () => {
    if ((await countAll(runtime.db)).documents > 0) return 0;
    const result = await storeFiles(runtime, await readCorpusDir(seedDir));
    await ensureAnnIndex(runtime.db, { minPassages: annMinPassages });
    return result.documents.filter((d) => d.outcome !== 'duplicate').length;
  });
}
