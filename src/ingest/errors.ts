/**
 * Typed ingest errors. `code` is for programs (src/errors.ts maps it to the app code HTTP and the CLI show);
 * `message` is Norwegian Bokmål for the person who supplied the document; `details` carries the file and field so
 * a caller can point at them without parsing the message.
 */
import { StageError, type IngestErrorCode } from '../errors.js';

export { type IngestErrorCode } from '../errors.js';

export interface IngestErrorDetails {
  /** File the error is about (as given by the caller), when there is one. */
  file?: string;
  /** Dotted path of the offending metadata field, e.g. "date". */
  field?: string;
}

export class IngestError extends StageError {
  override readonly name = 'IngestError';

  constructor(
    override readonly code: IngestErrorCode,
    message: string,
    readonly details: IngestErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }

  /** A refused file is about the upload's file field unless the metadata names another. */
  override problemField(): string {
    return this.details.field ?? 'file';
  }
}

const quote = (s: string) => `«${s}»`;
const count = (n: number) => n.toLocaleString('nb-NO');
const SPLIT_HINT =
  'Del dokumentet i mindre filer (for eksempel ett kapittel eller én del per fil) og last dem opp hver for seg.';

/** The user-facing messages, built in one place so wording stays consistent. */
export const ingestErrors = {
  unsupportedFormat: (file: string, supported: string[]) =>
    new IngestError(
      'unsupported_format',
      `Filen ${quote(file)} har et format som ikke støttes. Støttede filtyper: ${supported.join(', ')}.`,
      { file },
    ),
  invalidUtf8: (file: string, cause?: unknown) =>
    new IngestError(
      'invalid_utf8',
      `Filen ${quote(file)} er ikke gyldig UTF-8-tekst. Lagre den som UTF-8 og prøv igjen.`,
      { file },
      { cause },
    ),
  emptyDocument: (file: string) =>
    new IngestError('empty_document', `Dokumentet ${quote(file)} har ikke noe tekstinnhold som kan brukes.`, { file }),
  invalidMetadata: (file: string, field: string, problem: string) =>
    new IngestError(
      'invalid_metadata',
      field
        ? `Ugyldige metadata for ${quote(file)}: feltet ${quote(field)} – ${problem}`
        : `Ugyldige metadata for ${quote(file)}: ${problem}`,
      { file, field: field || undefined },
    ),
  fileNotFound: (file: string) =>
    new IngestError('file_not_found', `Fant ikke filen eller mappen ${quote(file)}.`, { file }),
  emptyFile: (file: string) => new IngestError('empty_file', `Filen ${quote(file)} er tom (0 byte).`, { file }),
  encrypted: (file: string, cause?: unknown) =>
    new IngestError(
      'encrypted',
      `Filen ${quote(file)} er passordbeskyttet. Fjern passordet (lagre en kopi uten beskyttelse) og prøv igjen.`,
      { file },
      { cause },
    ),
  corruptFile: (file: string, kind: string, cause?: unknown) =>
    new IngestError(
      'corrupt_file',
      `Filen ${quote(file)} er skadet eller ufullstendig og kan ikke leses som ${kind}.`,
      { file },
      { cause },
    ),
  noText: (file: string) =>
    new IngestError(
      'no_text',
      `Ingen uttrekkbar tekst i ${quote(file)} — OCR støttes ikke. Filen ser ut til å være skannet; bruk en versjon med tekst.`,
      { file },
    ),
  archiveTooLarge: (file: string, problem: string) =>
    new IngestError(
      'archive_too_large',
      `Filen ${quote(file)} avvises fordi den pakkes ut til for mye data: ${problem}.`,
      { file },
    ),
  noContent: (file: string) =>
    new IngestError(
      'no_content',
      `Nettsiden ${quote(file)} har ikke noe innhold utenom navigasjon, menyer og annen sidestruktur.`,
      { file },
    ),
  documentTooLong: (file: string, chars: number, max: number) =>
    new IngestError(
      'document_too_long',
      `Dokumentet ${quote(file)} har ${count(chars)} tegn tekst, mer enn grensen på ${count(max)}. ${SPLIT_HINT}`,
      { file },
    ),
  tooManyPassages: (file: string, passages: number, max: number) =>
    new IngestError(
      'too_many_passages',
      `Dokumentet ${quote(file)} blir ${count(passages)} avsnitt, mer enn grensen på ${count(max)}. ${SPLIT_HINT}`,
      { file },
    ),
  readOutOfMemory: (file: string, maxMb: number) =>
    new IngestError(
      'read_out_of_memory',
      `Filen ${quote(file)} trenger mer enn ${count(maxMb)} MB minne for å leses. ${SPLIT_HINT}`,
      { file },
    ),
  readTimeout: (file: string, ms: number) =>
    new IngestError(
      'read_timeout',
      `Filen ${quote(file)} ble ikke lest ferdig på ${count(Math.round(ms / 1000))} sekunder. ${SPLIT_HINT}`,
      { file },
    ),
};
