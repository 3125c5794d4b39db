/**
 * IngestError → AppError, in one place: every refusal of a file (empty, encrypted, scanned, a zip bomb, a page of
 * menus) reaches the client as a problem body with its own code and the ingest stage's Norwegian message, which
 * names the file. The table is typed over every IngestErrorCode, so a new ingest code cannot go unmapped.
 */
import type { IngestError, IngestErrorCode } from '../ingest/errors.js';
import { AppError, type ErrorCode } from './errors.js';

const CODES: Record<IngestErrorCode, ErrorCode> = {
  unsupported_format: 'unsupported_media_type:file',
  invalid_utf8: 'unprocessable:content',
  empty_document: 'unprocessable:no_content',
  invalid_metadata: 'bad_request:validation',
  file_not_found: 'bad_request:body',
  empty_file: 'bad_request:empty_file',
  encrypted: 'unprocessable:encrypted',
  corrupt_file: 'unprocessable:corrupt',
  no_text: 'unprocessable:no_text',
  archive_too_large: 'unprocessable:archive',
  no_content: 'unprocessable:no_content',
};

/** The problem a client sees for an ingest refusal: the file field named, the message as the detail. */
export function appErrorFromIngest(err: IngestError): AppError {
  const field = err.details.field ?? 'file';
  return new AppError(CODES[err.code], { detail: err.message, errors: [{ field, reason: err.message }], cause: err });
}
