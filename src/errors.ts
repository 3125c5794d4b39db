/**
 * The one error vocabulary, at the bottom of src/. Stages throw errors with a typed code and a Norwegian message
 * and know nothing of status codes; one table (ERROR_CODES) gives each app code its HTTP status and Norwegian
 * title, and one table (STAGE_ERROR_CODES) says which app code each stage's own code becomes. http/ renders an
 * AppError as problem+json; the CLIs print its message and exit with `exitCode`.
 */

/** Every code a client or CLI user sees, with its HTTP status and Norwegian title. */
export const ERROR_CODES = {
  'bad_request:body': { status: 400, title: 'Ugyldig forespørsel' },
  'bad_request:json': { status: 400, title: 'Forespørselen er ikke gyldig JSON' },
  'bad_request:encoding': { status: 400, title: 'Forespørselen er ikke gyldig UTF-8' },
  'bad_request:validation': { status: 400, title: 'Ugyldige felt i forespørselen' },
  'bad_request:empty_file': { status: 400, title: 'Filen er tom' },
  'unauthorized:token': { status: 401, title: 'Mangler eller ugyldig tilgangsnøkkel' },
  'forbidden:origin': { status: 403, title: 'Forespørselen kommer fra en annen nettside' },
  'forbidden:role': { status: 403, title: 'Du har ikke tilgang til dette' },
  'not_found:document': { status: 404, title: 'Fant ikke dokumentet' },
  'not_found:passage': { status: 404, title: 'Fant ikke avsnittet' },
  'not_found:draft': { status: 404, title: 'Fant ikke utkastet' },
  'not_found:route': { status: 404, title: 'Fant ikke adressen' },
  'conflict:document': { status: 409, title: 'Dokumentet finnes allerede' },
  'conflict:withdrawn': { status: 409, title: 'Dokumentet ble trukket tilbake' },
  'conflict:duplicate': { status: 409, title: 'Det samme innholdet er allerede lastet opp' },
  'conflict:consultation': { status: 409, title: 'Høringen er allerede importert' },
  'conflict:unverified': { status: 409, title: 'Utkastet har setninger som ikke er støttet av kildene' },
  'conflict:draft_version': { status: 409, title: 'Utkastet er endret siden du hentet det' },
  'payload_too_large:body': { status: 413, title: 'Forespørselen er for stor' },
  'payload_too_large:file': { status: 413, title: 'Filen er for stor' },
  'misdirected:host': { status: 421, title: 'Ukjent vertsnavn' },
  'payload_too_large:document': { status: 413, title: 'Dokumentet er for stort' },
  'unsupported_media_type:body': { status: 415, title: 'Formatet støttes ikke' },
  'unsupported_media_type:file': { status: 415, title: 'Filtypen støttes ikke' },
  'unprocessable:content': { status: 422, title: 'Innholdet kan ikke behandles' },
  'unprocessable:encrypted': { status: 422, title: 'Filen er passordbeskyttet' },
  'unprocessable:corrupt': { status: 422, title: 'Filen er skadet' },
  'unprocessable:no_text': { status: 422, title: 'Ingen uttrekkbar tekst' },
  'unprocessable:archive': { status: 422, title: 'Filen pakkes ut til for mye data' },
  'unprocessable:no_content': { status: 422, title: 'Fant ikke noe innhold å hente' },
  'too_many_requests:rate': { status: 429, title: 'For mange forespørsler' },
  'unprocessable:read_timeout': { status: 422, title: 'Filen tok for lang tid å lese' },
  'bad_gateway:llm': { status: 502, title: 'Språkmodellen ga et ugyldig svar' },
  'unavailable:llm': { status: 503, title: 'Språkmodellen er ikke tilgjengelig nå' },
  'unavailable:embedder': { status: 503, title: 'Tjenesten for vektorer er ikke tilgjengelig nå' },
  'internal:server': { status: 500, title: 'Noe gikk galt hos oss' },
  'insufficient_storage:disk': { status: 507, title: 'Disken er full' },
  'unavailable:backup': { status: 503, title: 'Sikkerhetskopi er ikke tilgjengelig' },
  'conflict:data_dir': { status: 409, title: 'Datamappen er ikke tom' },
  'bad_request:user': { status: 400, title: 'Ugyldig bruker' },
  // Sign-in for the page (issue 16 item 2).
  'unauthorized:login': { status: 401, title: 'Feil e-post eller passord' },
  'unauthorized:session': { status: 401, title: 'Du er ikke logget inn' },
  'forbidden:csrf': { status: 403, title: 'Skjemaet mangler sikkerhetsnøkkelen' },
  'forbidden:oidc': { status: 403, title: 'Innloggingen ble ikke godtatt' },
  'not_found:oidc': { status: 404, title: 'Innlogging med OpenID Connect er ikke satt opp' },
  'unavailable:oidc': { status: 503, title: 'Identitetstilbyderen svarer ikke' },
  'not_found:user': { status: 404, title: 'Fant ikke brukeren' },
  'not_found:token': { status: 404, title: 'Fant ikke tilgangsnøkkelen' },
  'conflict:user': { status: 409, title: 'Brukeren finnes allerede' },
  // Disabling the last enabled site administrator would leave nobody to manage users (or open the server).
  'conflict:last_admin': { status: 409, title: 'Tjenesten må ha minst én aktiv administrator' },
  // A new organisation name that reads as a known one (text/organisationNames.ts: «Oslo-Ap» and «Oslo AP»).
  'conflict:organisation': { status: 409, title: 'Organisasjonen finnes allerede under et annet navn' },
  // PGlite's worker thread stopped (store/pglite/workerHost.ts).
  'unavailable:store': { status: 503, title: 'Lageret svarer ikke' },
  // The server is stopping (SIGTERM/SIGINT; http/shutdown.ts).
  'unavailable:shutdown': { status: 503, title: 'Tjenesten stanses' },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Each stage's own codes and the app code a client sees for each. Typed per stage, so a new stage code cannot go
 * unmapped. The drafting and model stages throw app codes directly (their problems have no finer cause to keep).
 */
export const STAGE_ERROR_CODES = {
  /** ingest: a refused file (empty, encrypted, scanned, a zip bomb, a page of menus). */
  ingest: {
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
    // Limits on what one document may become (src/corpus/readThread.ts): split the file and upload the parts.
    document_too_long: 'payload_too_large:document',
    too_many_passages: 'payload_too_large:document',
    read_out_of_memory: 'payload_too_large:document',
    read_timeout: 'unprocessable:read_timeout',
  },
  /** embed: the embeddings server failed; all three are "try again later". */
  embed: {
    embedder_unavailable: 'unavailable:embedder',
    embedder_bad_response: 'unavailable:embedder',
    embedder_timeout: 'unavailable:embedder',
  },
  /** verify: a draft that is not a draft, or over the limits that keep one request small. */
  verify: {
    invalid_draft: 'bad_request:validation',
    invalid_markdown: 'bad_request:validation',
    too_large: 'payload_too_large:body',
    too_many_sentences: 'payload_too_large:body',
    text_too_long: 'payload_too_large:body',
    too_many_citations: 'payload_too_large:body',
  },
  /** llm: the model is not available now, or gave an answer we cannot use. */
  llm: { 'unavailable:llm': 'unavailable:llm', 'bad_gateway:llm': 'bad_gateway:llm' },
  /** draft: what the drafting and asking pipelines refuse. */
  draft: {
    'unprocessable:content': 'unprocessable:content',
    'not_found:draft': 'not_found:draft',
    'not_found:document': 'not_found:document',
    'bad_request:validation': 'bad_request:validation',
    'payload_too_large:body': 'payload_too_large:body',
  },
} as const satisfies Record<string, Record<string, ErrorCode>>;

type StageCodes = typeof STAGE_ERROR_CODES;
export type IngestErrorCode = keyof StageCodes['ingest'];
export type EmbeddingErrorCode = keyof StageCodes['embed'];
export type VerifyErrorCode = keyof StageCodes['verify'];
export type LlmErrorCode = keyof StageCodes['llm'];
export type DraftErrorCode = keyof StageCodes['draft'];
export type StageErrorCode = { [S in keyof StageCodes]: keyof StageCodes[S] }[keyof StageCodes];

/** The same table flattened: a stage code (unique across stages) to its app code. */
const APP_CODE: Record<StageErrorCode, ErrorCode> = Object.assign({}, ...Object.values(STAGE_ERROR_CODES));

export interface FieldError {
  field: string;
  reason: string;
}

/**
 * What a client or CLI user sees: an app code (hence a status and a Norwegian title), a Norwegian detail and the
 * offending fields.
 * @example throw new AppError('not_found:passage', { detail: 'Ingen avsnitt med id «x».' })
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: FieldError[];
  /** Extension members of the problem body (RFC 9457 §3.2), e.g. the verification report behind a 422. */
  readonly extensions?: Record<string, unknown>;
  /** Sent as the Retry-After header (seconds). */
  readonly retryAfterS?: number;
  constructor(
    code: ErrorCode,
    opts: {
      detail?: string;
      errors?: FieldError[];
      cause?: unknown;
      extensions?: Record<string, unknown>;
      retryAfterS?: number;
    } = {},
  ) {
    super(opts.detail ?? ERROR_CODES[code].title, { cause: opts.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.detail = opts.detail;
    this.errors = opts.errors;
    this.extensions = opts.extensions;
    this.retryAfterS = opts.retryAfterS;
  }
}

/**
 * The base of every stage's error class (IngestError, EmbeddingError, VerifyError, LlmError, DraftError): a code
 * from STAGE_ERROR_CODES and a message. A subclass that keeps technical detail in `message` overrides `userText`;
 * one whose errors concern an input field overrides `problemField`.
 */
export class StageError extends Error {
  constructor(
    readonly code: StageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Norwegian, for the person who made the request. */
  userText(): string {
    return this.message;
  }

  /** The request field the error is about, when there is one. */
  problemField(): string | undefined {
    return undefined;
  }

  /** Seconds to wait before trying again (a Retry-After header), when the stage knows. */
  retryAfterS(): number | undefined {
    return undefined;
  }

  toAppError(): AppError {
    return toAppError(this);
  }
}

/**
 * Anything thrown, as the AppError a user sees. A stage error keeps its Norwegian message as the detail and its
 * field; anything else is an internal error (its detail goes to the log, not to the user).
 * @example toAppError(ingestErrors.encrypted('a.pdf')).code // 'unprocessable:encrypted'
 */
export function toAppError(err: unknown, opts: { field?: string } = {}): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof StageError) {
    const detail = err.userText();
    const field = opts.field ?? err.problemField();
    return new AppError(APP_CODE[err.code], {
      detail,
      ...(field ? { errors: [{ field, reason: detail }] } : {}),
      cause: err,
      retryAfterS: err.retryAfterS(),
    });
  }
  if (isDiskFull(err)) return new AppError('insufficient_storage:disk', { detail: DISK_FULL_DETAIL, cause: err });
  return new AppError('internal:server', { cause: err });
}

/** What a user is told when a write met a full disk. */
export const DISK_FULL_DETAIL =
  'Disken der lageret ligger er full, så ingenting ble lagret. Frigjør plass og prøv igjen; det som var lagret fra før, er i behold.';

/**
 * Whether an error (or one of its causes) is the disk filling up: PostgreSQL's `disk_full` (SQLSTATE 53100,
 * "could not extend file …", "No space left on device"), or Node's ENOSPC from a file write.
 * @example isDiskFull(Object.assign(new Error('could not extend file "base/5/16390": No space left on device'), { code: '53100' })) // true
 */
export function isDiskFull(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === '53100' || code === 'ENOSPC') return true;
    if (typeof message === 'string' && /no space left on device|could not extend file|ENOSPC/i.test(message))
      return true;
  }
  return false;
}

/** The CLI's exit code for an error: 2 for what the user can fix (a 4xx), 1 for the rest. */
export function exitCode(err: AppError): 1 | 2 {
  return err.status < 500 ? 2 : 1;
}
