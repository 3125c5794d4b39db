/** Strict UTF-8 decoding shared by the text-based loaders. */
import { ingestErrors } from '../errors.js';

// `fatal` makes bad bytes an error instead of silent U+FFFD replacement characters, which would
// otherwise be stored, embedded and quoted back to the user. A leading BOM is dropped.
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode UTF-8 or throw IngestError `invalid_utf8` naming the file.
 * @example decodeUtf8(new TextEncoder().encode('blåbær'), 'a.txt') === 'blåbær'
 */
export function decodeUtf8(bytes: Uint8Array, filename: string): string {
  try {
    return decoder.decode(bytes);
  } catch (err) {
    throw ingestErrors.invalidUtf8(filename, err);
  }
}
