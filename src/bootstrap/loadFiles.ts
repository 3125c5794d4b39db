/**
 * Files and folders → ingested documents → the store, with progress. Used by `npm run ingest` and by
 * `npm start` to seed an empty store.
 */
import { readFile } from 'node:fs/promises';
import type { DocumentMeta, IngestedDocument } from '../domain/types.js';
import { ingestBytes } from '../ingest/index.js';
import { readCorpusDir, resolveInputs } from '../ingest/corpus.js';
import type { Db } from '../store/db.js';
import { ensureAnnIndex } from '../store/ann.js';
import { tidyAfterBulkWrite } from '../store/maintenance.js';
import type { TextEmbedder } from '../domain/embedder.js';
import { writeDocuments, type WriteProgress, type WriteResult } from '../store/writeDocuments.js';

export interface LoadProgress {
  (event: { phase: 'read' | 'embed' | 'save'; done: number; total: number }): void;
}

export async function ingestInputs(
  inputs: { path: string; meta: DocumentMeta; guessed?: (keyof DocumentMeta)[] }[],
  onProgress?: LoadProgress,
): Promise<IngestedDocument[]> {
  const docs: IngestedDocument[] = [];
  for (const [i, input] of inputs.entries()) {
    docs.push(await ingestBytes(new Uint8Array(await readFile(input.path)), input.path, input.meta, undefined, { guessed: input.guessed }));
    onProgress?.({ phase: 'read', done: i + 1, total: inputs.length });
  }
  return docs;
}

/** Read, cut, embed and store files; all or nothing. */
export async function loadFiles(
  { db, embedder }: { db: Db; embedder: TextEmbedder },
  paths: string[],
  { defaults = {}, onProgress }: { defaults?: Partial<DocumentMeta>; onProgress?: LoadProgress } = {},
): Promise<WriteResult & { documentsRead: number }> {
  const inputs = await resolveInputs(paths, defaults);
  const docs = await ingestInputs(inputs, onProgress);
  const result = await writeDocuments(db, embedder, docs, { onProgress: onProgress as WriteProgress });
  await tidyAfterBulkWrite(db, result.passagesWritten);
  await ensureAnnIndex(db);
  return { ...result, documentsRead: docs.length };
}

/** Ingest the seed corpus when the store has no documents. @returns documents stored, 0 when not empty. */
export async function seedIfEmpty(
  runtime: { db: Db; embedder: TextEmbedder },
  seedDir: string,
): Promise<number> {
  const { rows } = await runtime.db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
  if (Number(rows[0].n) > 0) return 0;
  const inputs = await readCorpusDir(seedDir);
  const docs = await ingestInputs(inputs);
  await writeDocuments(runtime.db, runtime.embedder, docs);
  return docs.length;
}
