/**
 * Typed application errors and their problem+json form (RFC 9457). Every error a client sees is built here:
 * a code, a status and a Norwegian message for users; internal detail goes to the log only.
 */
export const ERROR_CODES = {
  'bad_request:body': { status: 400, title: 'Ugyldig forespørsel' },
  'bad_request:json': { status: 400, title: 'Forespørselen er ikke gyldig JSON' },
  'bad_request:encoding': { status: 400, title: 'Forespørselen er ikke gyldig UTF-8' },
  'bad_request:validation': { status: 400, title: 'Ugyldige felt i forespørselen' },
  'bad_request:empty_file': { status: 400, title: 'Filen er tom' },
  'unauthorized:token': { status: 401, title: 'Mangler eller ugyldig tilgangsnøkkel' },
  'not_found:document': { status: 404, title: 'Fant ikke dokumentet' },
  'not_found:passage': { status: 404, title: 'Fant ikke avsnittet' },
  'not_found:draft': { status: 404, title: 'Fant ikke utkastet' },
  'not_found:route': { status: 404, title: 'Fant ikke adressen' },
  'conflict:document': { status: 409, title: 'Dokumentet finnes allerede' },
  'conflict:duplicate': { status: 409, title: 'Det samme innholdet er allerede lastet opp' },
  'payload_too_large:body': { status: 413, title: 'Forespørselen er for stor' },
  'payload_too_large:file': { status: 413, title: 'Filen er for stor' },
  'unsupported_media_type:body': { status: 415, title: 'Formatet støttes ikke' },
  'unsupported_media_type:file': { status: 415, title: 'Filtypen støttes ikke' },
  'unprocessable:content': { status: 422, title: 'Innholdet kan ikke behandles' },
  'unprocessable:encrypted': { status: 422, title: 'Filen er passordbeskyttet' },
  'unprocessable:corrupt': { status: 422, title: 'Filen er skadet' },
  'unprocessable:no_text': { status: 422, title: 'Ingen uttrekkbar tekst' },
  'unprocessable:archive': { status: 422, title: 'Filen pakkes ut til for mye data' },
  'unprocessable:no_content': { status: 422, title: 'Fant ikke noe innhold å hente' },
  'bad_gateway:llm': { status: 502, title: 'Språkmodellen ga et ugyldig svar' },
  'unavailable:llm': { status: 503, title: 'Språkmodellen er ikke tilgjengelig nå' },
  'unavailable:embedder': { status: 503, title: 'Tjenesten for vektorer er ikke tilgjengelig nå' },
  'internal:server': { status: 500, title: 'Noe gikk galt hos oss' },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  field: string;
  reason: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: FieldError[];
  /** Extension members of the problem body (RFC 9457 §3.2), e.g. the verification report behind a 422. */
  readonly extensions?: Record<string, unknown>;
  constructor(code: ErrorCode, opts: { detail?: string; errors?: FieldError[]; cause?: unknown; extensions?: Record<string, unknown> } = {}) {
    super(opts.detail ?? ERROR_CODES[code].title, { cause: opts.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.detail = opts.detail;
    this.errors = opts.errors;
    this.extensions = opts.extensions;
  }
}

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
