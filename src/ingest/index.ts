/**
 * The ingest stage: raw document → cleaned, repaired text → passages with exact offsets.
 * clean (boilerplate, whitespace) → repair (PDF line breaks) → cut (passages under headings).
 * Pure and deterministic: the same input gives the same IngestedDocument, hash included.
 */
import { createHash } from 'node:crypto';
import type { DocumentMeta, IngestedDocument } from '../domain/types.js';
import { cleanText, tidyBlankLines } from './clean.js';
import { IngestError, ingestErrors } from './errors.js';
import { loaderFor, type LoadedText } from './loaders/index.js';
import { cutPassages } from './passages.js';
import { offsetMapper, sectionPassages, withPages } from './positions.js';
import { repairLineBreaks } from './repair.js';

export { IngestError, type IngestErrorCode } from './errors.js';
export { loaderFor, type LoadedText, type Loader } from './loaders/index.js';

/** sha256 (hex) of the stored text, so a re-ingest of unchanged content can be skipped. */
function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Clean and repair only: the text that would be stored for `raw`, in its syntax (`format`: 'markdown', 'pdf',
 * 'text' …). `origin` is the file's own format when a loader turned it into that syntax (a DOCX or a web page read
 * as Markdown): boilerplate rules that are content in some kinds of file (boilerplate-rules.ts keepIn) look at it.
 */
export function prepareText(raw: string, format = 'text', origin = format): string {
  const markdown = format === 'markdown';
  const { text } = cleanText(raw, { markdown, format: origin });
  // Markdown wraps paragraphs on purpose and marks structure itself; PDF repair would only disturb it.
  return tidyBlankLines(markdown ? text : repairLineBreaks(text));
}

/**
 * Ingest a document's text. Throws IngestError `empty_document` when nothing citable is left.
 * @example
 *   const doc = ingestText(raw, meta);
 *   doc.passages.every((p) => doc.text.slice(p.start, p.end) === p.text); // true
 */
export function ingestText(raw: string, meta: DocumentMeta, format = 'text'): IngestedDocument {
  const text = prepareText(raw, format);
  const passages = text === '' ? [] : cutPassages(text, format);
  if (passages.length === 0) throw ingestErrors.emptyDocument(meta.id);
  return { meta, text, contentHash: contentHash(text), format, passages };
}

/**
 * Ingest what a loader produced: clean and repair in its syntax, cut passages (or take the sections it
 * delimits), and carry its page starts and section anchors over to the cleaned text's passages.
 * Throws IngestError `empty_document` when nothing citable is left.
 */
export function ingestLoaded(loaded: LoadedText, meta: DocumentMeta): IngestedDocument {
  const syntax = loaded.syntax ?? loaded.format;
  const text = prepareText(loaded.text, syntax, loaded.format);
  const toText = loaded.sections || loaded.pageStarts ? offsetMapper(loaded.text, text) : (o: number) => o;
  let passages = loaded.sections
    ? sectionPassages(
        text,
        loaded.sections.map((s) => ({ ...s, start: toText(s.start), end: toText(s.end) })),
      )
    : text === ''
      ? []
      : cutPassages(text, syntax);
  if (loaded.pageStarts) passages = withPages(passages, loaded.pageStarts.map(toText));
  if (passages.length === 0) throw ingestErrors.emptyDocument(meta.id);
  return { meta, text, contentHash: contentHash(text), format: loaded.format, passages };
}

/** Metadata fields the caller only guessed (a file name as title, "Ukjent" as organisation). */
export type GuessedFields = (keyof DocumentMeta)[];

/** `meta` with its guessed fields replaced by what the file says about itself, where it says anything. */
export function withFileMeta(
  meta: DocumentMeta,
  fromFile: LoadedText['meta'],
  guessed: GuessedFields = [],
): DocumentMeta {
  const out: DocumentMeta = { ...meta };
  for (const field of guessed) {
    const value = fromFile?.[field as keyof NonNullable<LoadedText['meta']>];
    if (value !== undefined) Object.assign(out, { [field]: value });
  }
  return out;
}

/**
 * Ingest a file's bytes: pick the loader by media type (or extension), load, ingest. Metadata fields named in
 * `guessed` are replaced by the file's own (a statute's title, ministry and date).
 * Throws IngestError `unsupported_format`, `invalid_utf8`, `empty_document` or a loader's own code.
 * @example await ingestBytes(await readFile('seeds/x.txt'), 'x.txt', meta)
 */
export async function ingestBytes(
  bytes: Uint8Array,
  filename: string,
  meta: DocumentMeta,
  mediaType?: string,
  { guessed }: { guessed?: GuessedFields } = {},
): Promise<IngestedDocument> {
  const loaded = await loaderFor(filename, mediaType).load(bytes, filename);
  try {
    return ingestLoaded(loaded, withFileMeta(meta, loaded.meta, guessed));
  } catch (err) {
    // Name the file the user gave rather than the document id.
    if (err instanceof IngestError && err.code === 'empty_document') throw ingestErrors.emptyDocument(filename);
    throw err;
  }
}
