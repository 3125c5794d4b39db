/**
 * A loader turns the bytes of one file format into plain text for ingest. Loaders for PDF, DOCX and
 * HTML plug in the same way: implement this and add it to the list in ./index.ts.
 */
import type { DocumentMeta } from '../../domain/types.js';

export interface LoadedText {
  text: string;
  /** Stored as the document's format, e.g. "text", "markdown", "pdf". Ingest picks its cutter by it. */
  format: string;
  /**
   * How `text` marks its structure when that differs from `format`: DOCX and HTML loaders write Markdown
   * (`#` headings, `- ` list items) so heading levels survive, while the stored format stays "docx" or "html".
   */
  syntax?: 'markdown' | 'text';
  /** PDF: offset in `text` where each page starts, page 1 first; passages carry the page they start on. */
  pageStarts?: number[];
  /**
   * Units the source itself delimits (a statute's §), as offsets into `text`: each becomes one passage (split at
   * sentences only when overlong) with the unit's anchor and heading path. Text outside them is stored, not cut.
   */
  sections?: LoadedSection[];
  /** Metadata the file states about itself (a statute's header); fills fields the caller only guessed. */
  meta?: Partial<Pick<DocumentMeta, 'title' | 'organisation' | 'kind' | 'date' | 'language' | 'source'>>;
}

export interface LoadedSection {
  start: number;
  end: number;
  anchor: string | null;
  headingPath: string[];
}

export interface Loader {
  name: string;
  /** Lower-case file extensions with the dot, e.g. [".txt"]. */
  extensions: string[];
  /** Media types accepted on upload, e.g. ["text/plain"]. */
  mediaTypes: string[];
  /** Throws IngestError (invalid_utf8, …) when the bytes cannot be read. */
  /**
   * `limits.maxChars`: a loader that can count a file's text cheaply before the costly parse (DOCX) refuses one
   * past it with `document_too_long` at once; the caller still checks the text it gets.
   */
  load(bytes: Uint8Array, filename: string, limits?: { maxChars?: number }): Promise<LoadedText>;
}
