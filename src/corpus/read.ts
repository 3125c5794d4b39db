/**
 * A file's bytes → an ingested document: sniff the real type from the bytes (never trust the name alone), load
 * with that type's loader, then clean and cut. Every door (upload, `npm run ingest`, seeding) reads files here, so a
 * PDF named `.txt` is a PDF wherever it comes in.
 */
import type { DocumentMeta, IngestedDocument } from '../domain/types.js';
import { IngestError, ingestErrors } from '../ingest/errors.js';
import { ingestLoaded, withFileMeta, type GuessedFields } from '../ingest/index.js';
import { loaderFor, type LoadedText } from '../ingest/loaders/index.js';
import { sniffMediaType } from '../ingest/sniff.js';

/**
 * Load a file as the type its bytes show. Throws IngestError `empty_file`, `unsupported_format` or a loader's own
 * code (`encrypted`, `corrupt_file`, `no_text`, …), each naming `filename`.
 * @example (await loadFile(pdfBytes, 'notat.txt')).format === 'pdf'
 */
export async function loadFile(
  bytes: Uint8Array,
  filename: string,
  limits?: { maxChars?: number },
): Promise<LoadedText> {
  return loaderFor(filename, sniffMediaType(bytes, filename)).load(bytes, filename, limits);
}

/**
 * Clean and cut what a loader produced. Throws IngestError `empty_document` naming the file (not the document id,
 * which the person who supplied the file may never have seen).
 */
export function cutDocument(loaded: LoadedText, meta: DocumentMeta, filename: string): IngestedDocument {
  try {
    return ingestLoaded(loaded, meta);
  } catch (err) {
    if (err instanceof IngestError && err.code === 'empty_document') throw ingestErrors.emptyDocument(filename);
    throw err;
  }
}

/**
 * Load, clean and cut a file whose metadata is known up front; fields named in `guessed` (a file name as title,
 * "Ukjent" as organisation) give way to what the file says about itself (a statute's title, ministry and date).
 * @example const doc = await readDocument(bytes, 'seeds/ntl.txt', meta);
 */
export async function readDocument(
  bytes: Uint8Array,
  filename: string,
  meta: DocumentMeta,
  { guessed }: { guessed?: GuessedFields } = {},
): Promise<IngestedDocument> {
  const loaded = await loadFile(bytes, filename);
  return cutDocument(loaded, withFileMeta(meta, loaded.meta, guessed), filename);
}
