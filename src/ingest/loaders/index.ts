/**
 * The loader registry: a plain list, looked up by file extension or media type. To add a format,
 * write a Loader (see ./types.ts) and append it here; nothing else in ingest needs to change.
 */
import { extname } from 'node:path';
import { ingestErrors } from '../errors.js';
import { docxLoader } from './docx.js';
import { htmlLoader } from './html.js';
import { lovdataLoader } from './lovdata.js';
import { markdownLoader } from './markdown.js';
import { pdfLoader } from './pdf.js';
import { textLoader } from './text.js';
import type { Loader } from './types.js';

export type { LoadedSection, LoadedText, Loader } from './types.js';

export const LOADERS: readonly Loader[] = [
  textLoader,
  markdownLoader,
  pdfLoader,
  docxLoader,
  htmlLoader,
  lovdataLoader,
];

/** Every extension some loader accepts, e.g. for a CLI help text or an upload form's `accept`. */
function supportedExtensions(loaders: readonly Loader[] = LOADERS): string[] {
  return loaders.flatMap((l) => l.extensions);
}

/** The loader for a file, by media type when one is given (uploads) and else by extension. */
export function findLoader(
  filename: string,
  mediaType?: string,
  loaders: readonly Loader[] = LOADERS,
): Loader | undefined {
  const type = mediaType?.split(';')[0].trim().toLowerCase();
  const byType = type ? loaders.find((l) => l.mediaTypes.includes(type)) : undefined;
  const ext = extname(filename).toLowerCase();
  return byType ?? loaders.find((l) => l.extensions.includes(ext));
}

/**
 * Like findLoader, but throws IngestError `unsupported_format` naming the file.
 * @example loaderFor('notat.md').name === 'markdown'
 */
export function loaderFor(filename: string, mediaType?: string, loaders: readonly Loader[] = LOADERS): Loader {
  const loader = findLoader(filename, mediaType, loaders);
  if (!loader) throw ingestErrors.unsupportedFormat(filename, supportedExtensions(loaders));
  return loader;
}
