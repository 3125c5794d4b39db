/**
 * Files and folders → stored documents, with progress: `npm run ingest` (loadFiles) and `npm start` seeding an
 * empty store (seedIfEmpty). Both go through the corpus stage (src/corpus/storeFiles.ts), the same path as an
 * upload: the type sniffed from the bytes, a text already stored skipped.
 */
import type { DocumentMeta } from '../domain/types.js';
import { readCorpusDir, resolveInputs } from '../corpus/inputs.js';
import { storeFiles, type StoreFilesResult, type StoreProgress } from '../corpus/storeFiles.js';
import type { Db } from '../store/db.js';
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
  { defaults = {}, onProgress }: { defaults?: Partial<DocumentMeta>; onProgress?: LoadProgress } = {},
): Promise<StoreFilesResult> {
  const inputs = await resolveInputs(paths, defaults);
  const result = await storeFiles({ db, embedder }, inputs, { onProgress });
  await tidyAfterBulkWrite(db, result.passagesWritten);
  await ensureAnnIndex(db);
  return result;
}

/** Ingest the seed corpus when the store has no documents. @returns documents stored, 0 when not empty. */
export async function seedIfEmpty(runtime: { db: Db; embedder: TextEmbedder }, seedDir: string): Promise<number> {
  if ((await countAll(runtime.db)).documents > 0) return 0;
  const result = await storeFiles(runtime, await readCorpusDir(seedDir));
  return result.documents.filter((d) => d.outcome !== 'duplicate').length;
}
