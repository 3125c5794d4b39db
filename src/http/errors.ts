/**
 * An AppError as problem+json (RFC 9457). The codes, their statuses and Norwegian titles, and the mapping of every
 * stage's errors, live in src/errors.ts; zod issues become field errors with Norwegian reasons in src/fieldErrors.ts.
 */
import { AppError, ERROR_CODES, type ErrorCode, type FieldError } from '../errors.js';

export { AppError, type ErrorCode, type FieldError } from '../errors.js';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  /** The first offending field, for clients that show one message. */
  field?: string;
  errors?: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
}

export function toProblem(err: AppError, requestId?: string): ProblemBody {
  return {
    type: `https://innspill.no/problemer/${err.code.replace(':', '/')}`,
    title: ERROR_CODES[err.code].title,
    status: err.status,
    code: err.code,
    ...(err.detail ? { detail: err.detail } : {}),
    ...(err.errors?.length ? { field: err.errors[0].field, errors: err.errors } : {}),
    ...(requestId ? { requestId } : {}),
    ...(err.extensions ?? {}),
  };
}

/** zod issues as field errors with Norwegian reasons: one mapping for HTTP, the verifier and the CLI. */
export { fieldErrorsFromZod } from '../fieldErrors.js';
