/**
 * Many files → stored documents in one transaction (`npm run ingest`, seeding an empty store): read each (sniffed,
 * loaded, cleaned, cut), skip the ones whose text is already stored or earlier in the batch, then embed and write
 * the rest with writeDocuments, which batches the embedding and streams the save. Files are read on the read worker
 * within an upload's limits (readThread.ts). All or nothing: a file that cannot be read stops the run before
 * anything is written, unless the caller asks to skip refused files (`npm run ingest` stores the others).
 *
 * NOTE: the duplicate check runs once before the write, not again under a lock as an upload's does: a bulk ingest
 * racing an upload of the same text could store it twice. Re-checking inside writeDocuments' transaction would
 * mean holding the store through the embedding, which the bulk path avoids on purpose.
 */
import { readFile } from 'node:fs/promises';
import type { IngestedDocument } from '../domain/types.js';
import type { Db } from '../store/db.js';
import type { TextEmbedder } from '../domain/embedder.js';
import { organisationSpellingClash, otherSpellingProblem } from '../store/organisations.js';
import { writeDocuments } from '../store/writeDocuments.js';
import { findDuplicates, type Duplicate } from './duplicates.js';
import type { CorpusFile } from './inputs.js';
import type { AppError } from '../errors.js';
import { IngestError } from '../ingest/errors.js';
import { readSession, type ReadThreadOptions } from './readThread.js';
import { DEFAULT_READ_OPTIONS } from './storeUpload.js';

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
  /** Files the ingest stage refused and that were skipped (only with `skipRefused`). */
  refused?: RefusedFile[];
}

/**
 * A file the ingest stage refused (too long, encrypted, unreadable, …), with its Norwegian error: the stage's own,
 * or (an ingest through a server) the server's problem as an AppError.
 */
export interface RefusedFile {
  path: string;
  error: IngestError | AppError;
}

/**
 * Read every file on the read worker (one for the run), within the same limits as an upload (readThread.ts);
 * progress after each.
 * With `skipRefused`, a file the ingest stage refuses is set aside with its error and the others are read on.
 */
async function readFiles(
  files: CorpusFile[],
  { onProgress, read, skipRefused }: { onProgress?: StoreProgress; read: ReadThreadOptions; skipRefused: boolean },
): Promise<{ docs: IngestedDocument[]; files: CorpusFile[]; refused: RefusedFile[] }> {
  const docs: IngestedDocument[] = [];
  const kept: CorpusFile[] = [];
  const refused: RefusedFile[] = [];
  const session = readSession(read);
  try {
    for (const [i, file] of files.entries()) {
      const bytes = new Uint8Array(await readFile(file.path));
      const job = { kind: 'file' as const, bytes, filename: file.path, meta: file.meta, guessed: file.guessed };
      try {
        const got = await session.read(job);
        // A file job has its metadata settled up front: only an upload's can be refused as invalid here.
        if (got.ok) {
          docs.push(got.doc);
          kept.push(file);
        }
      } catch (err) {
        if (!skipRefused || !(err instanceof IngestError)) throw err;
        refused.push({ path: file.path, error: err });
      }
      onProgress?.({ phase: 'read', done: i + 1, total: files.length });
    }
  } finally {
    await session.close();
  }
  return { docs, files: kept, refused };
}

/**
 * Store files as documents, skipping texts already stored. Throws IngestError (a file refused), AppError
 * conflict:organisation (a file's organisation is another spelling of a stored one or of another file's:
 * «Norsk Tjenestemannslag» beside «NTL»), or the embedder's or store's error; then nothing is written.
 * @example
 *   const r = await storeFiles(runtime, await readCorpusDir('seeds'));
 *   r.documents.filter((d) => d.outcome === 'duplicate').map((d) => d.duplicateOf?.id)
 */
export async function storeFiles(
  { db, embedder }: { db: Db; embedder: TextEmbedder },
  given: CorpusFile[],
  {
    onProgress,
    read = DEFAULT_READ_OPTIONS,
    skipRefused = false,
  }: {
    onProgress?: StoreProgress;
    /** Limits every file is read within (an upload's; readOptions(config)). */
    read?: ReadThreadOptions;
    /** Store the other files when one is refused, listing it in `refused` (`npm run ingest`); else throw. */
    skipRefused?: boolean;
  } = {},
): Promise<StoreFilesResult> {
  const { docs, files, refused } = await readFiles(given, { onProgress, read, skipRefused });
  // One organisation, one spelling, as for an upload (store/organisations.ts). NOTE: the whole run is refused, not
  // the one file: the fix is one line of metadata.yaml or --org, and a run stored half under either spelling
  // would be the split the rule exists to prevent.
  const clash = await organisationSpellingClash(db, { names: docs.map((d) => d.meta.organisation) });
  if (clash) {
    const file = files[docs.findIndex((d) => d.meta.organisation === clash.organisation)];
    throw otherSpellingProblem(clash.organisation, clash.known, { inBatch: clash.inBatch, where: file?.path });
  }
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
  return {
    documents,
    documentsRead: docs.length,
    passagesWritten: written.passagesWritten,
    ...(refused.length ? { refused } : {}),
  };
}
