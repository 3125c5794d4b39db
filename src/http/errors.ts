/**
 * An AppError as problem+json (RFC 9457), and zod issues as field errors with Norwegian reasons. The codes, their
 * statuses and Norwegian titles, and the mapping of every stage's errors, live in src/errors.ts.
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

/** Turn zod issues into field errors with Norwegian reasons. */
export function fieldErrorsFromZod(issues: { path: PropertyKey[]; message: string; code?: string }[]): FieldError[] {
  return issues.map((i) => ({
    field: i.path.map(String).join('.') || '(body)',
    reason: norwegianReason(i),
  }));
}

function norwegianReason(i: { message: string; code?: string }): string {
  // zod's own messages are English; ours (set in schemas) are already Norwegian and pass through.
  switch (i.code) {
    case 'invalid_type':
      return /received undefined|expected .* received undefined/i.test(i.message) || /required/i.test(i.message)
        ? 'feltet mangler'
        : 'feil type verdi';
    case 'too_small':
      return /^[A-ZÆØÅa-zæøå].*(må|minst)/.test(i.message) ? i.message : 'verdien er for kort eller for liten';
    case 'too_big':
      return /(må|høyst)/.test(i.message) ? i.message : 'verdien er for lang eller for stor';
    case 'invalid_format':
    case 'invalid_string':
      return /må/.test(i.message) ? i.message : 'ugyldig format';
    case 'invalid_value':
    case 'invalid_enum_value':
      return 'ugyldig verdi';
    case 'unrecognized_keys':
      return 'ukjent felt';
    default:
      return /[æøå]|må|ugyldig/i.test(i.message) ? i.message : 'ugyldig verdi';
  }
}
