/**
 * Many files → stored documents in one transaction (`npm run ingest`, seeding an empty store): read each (sniffed,
 * loaded, cleaned, cut), skip the ones whose text is already stored or earlier in the batch, then embed and write
 * the rest with writeDocuments, which batches the embedding and streams the save. All or nothing: a file that
 * cannot be read stops the run before anything is written.
 *
 * NOTE: the duplicate check runs once before the write, not again under a lock as an upload's does: a bulk ingest
 * racing an upload of the same text could store it twice. Re-checking inside writeDocuments' transaction would
 * mean holding the store through the embedding, which the bulk path avoids on purpose.
 */
import { readFile } from 'node:fs/promises';
import type { IngestedDocument } from '../domain/types.js';
import type { Db } from '../store/db.js';
import type { TextEmbedder } from '../domain/embedder.js';
import { writeDocuments } from '../store/writeDocuments.js';
import { findDuplicates, type Duplicate } from './duplicates.js';
import type { CorpusFile } from './inputs.js';
import { readDocument } from './read.js';

export interface StoreProgress {
  (event: { phase: 'read' | 'embed' | 'save'; done: number; total: number }): void;
}

/** What became of one file: its text written, its metadata updated, or skipped because the text is stored. */
export type FileOutcome = 'created' | 'replaced' | 'metadata' | 'duplicate';

export interface StoredFile {
  path: string;
  id: string;
  outcome: FileOutcome;
  passages: number;
  /** For a skipped duplicate: the document that holds the text (itself when it is stored unchanged). */
  duplicateOf?: Duplicate;
}

export interface StoreFilesResult {
  /** One entry per file, in the order given. */
  documents: StoredFile[];
  documentsRead: number;
  passagesWritten: number;
}

/** Read every file; progress after each. */
async function readFiles(files: CorpusFile[], onProgress?: StoreProgress): Promise<IngestedDocument[]> {
  const docs: IngestedDocument[] = [];
  for (const [i, file] of files.entries()) {
    docs.push(
      await readDocument(new Uint8Array(await readFile(file.path)), file.path, file.meta, { guessed: file.guessed }),
    );
    onProgress?.({ phase: 'read', done: i + 1, total: files.length });
  }
  return docs;
}

/**
 * Store files as documents, skipping texts already stored. Throws IngestError (a file refused) or the embedder's
 * or store's error; then nothing is written.
 * @example
 *   const r = await storeFiles(runtime, await readCorpusDir('seeds'));
 *   r.documents.filter((d) => d.outcome === 'duplicate').map((d) => d.duplicateOf?.id)
 */
export async function storeFiles(
  { db, embedder }: { db: Db; embedder: TextEmbedder },
  files: CorpusFile[],
  { onProgress }: { onProgress?: StoreProgress } = {},
): Promise<StoreFilesResult> {
  const docs = await readFiles(files, onProgress);
  const duplicates = await findDuplicates(db, docs);
  const fresh = docs.filter((_, i) => !duplicates[i]);
  const written = await writeDocuments(db, embedder, fresh, { onProgress });
  const outcomes = new Map(written.documents.map((d) => [d.id, d.outcome]));

  const documents = docs.map((doc, i): StoredFile => {
    const base = { path: files[i].path, id: doc.meta.id, passages: doc.passages.length };
    const duplicateOf = duplicates[i];
    if (duplicateOf) return { ...base, outcome: 'duplicate', duplicateOf };
    const outcome = outcomes.get(doc.meta.id)!;
    // Stored already, text and metadata alike: nothing to do, which is a duplicate of itself.
    if (outcome === 'unchanged')
      return { ...base, outcome: 'duplicate', duplicateOf: { id: doc.meta.id, title: doc.meta.title } };
    return { ...base, outcome };
  });
  return { documents, documentsRead: docs.length, passagesWritten: written.passagesWritten };
}
