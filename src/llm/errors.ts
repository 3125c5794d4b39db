/**
 * The ONE place where a provider's failure becomes our error. Overload, rate limits, timeouts, 5xx and lost
 * connections are "the model is not available now" (503, try again later); a 4xx we caused or an answer we cannot
 * use is "the model gave an invalid answer" (502). The SDK has already retried what it retries by then.
 */
import type * as AnthropicSdk from '@anthropic-ai/sdk';
import { StageError, type LlmErrorCode } from '../errors.js';
import { DEFAULT_RETRY_AFTER_S, retryAfterMs, toRetryAfterS } from './limits.js';
import type { ProviderName } from './types.js';

export type { LlmErrorCode } from '../errors.js';

export class LlmError extends StageError {
  override readonly name = 'LlmError';
  constructor(
    override readonly code: LlmErrorCode,
    /** Norwegian, for users. */
    message: string,
    readonly details: {
      provider: ProviderName;
      status?: number;
      type?: string;
      requestId?: string | null;
      retryable?: boolean;
      /** Seconds the client should wait (the Retry-After header of a 503). */
      retryAfterS?: number;
    },
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }

  override retryAfterS(): number | undefined {
    return this.details.retryAfterS ?? (this.code === 'unavailable:llm' ? DEFAULT_RETRY_AFTER_S : undefined);
  }
}

/** Thrown by a provider when the model answered but the answer is unusable (no text, broken JSON, bad index). */
export class LlmOutputError extends Error {
  override readonly name = 'LlmOutputError';
}

/** Thrown by the chat provider for a non-2xx answer (after its retries). */
export class ChatHttpError extends Error {
  override readonly name = 'ChatHttpError';
  constructor(
    readonly status: number,
    message: string,
    /** The wait the endpoint asked for (retry-after), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Thrown by a provider when its call passed the overall deadline (LLM_TIMEOUT_MS), retries and stalls included. */
export class ChatTimeoutError extends Error {
  override readonly name = 'ChatTimeoutError';
}

/** The SDK's error classes mapLlmError tells apart. */
type SdkErrors = Pick<
  typeof AnthropicSdk,
  | 'APIConnectionError'
  | 'APIError'
  | 'APIUserAbortError'
  | 'AuthenticationError'
  | 'InternalServerError'
  | 'PermissionDeniedError'
  | 'RateLimitError'
>;

/** Set by anthropicSdk.ts when it loads the SDK (which is loaded only when Claude is used). */
let sdk: SdkErrors | null = null;

export function registerSdkErrors(errors: SdkErrors): void {
  sdk = errors;
}

const UNAVAILABLE_TYPES = new Set(['overloaded_error', 'rate_limit_error', 'api_error', 'timeout_error']);

/**
 * NOTE: a refused or failed connection that lasts is a setup fault (address, network, proxy), not load: the message
 * says who can fix it and what works meanwhile (innspill without a model drafts extractively, offline).
 */
const noContact = (who: string) =>
  `Fikk ikke kontakt med ${who}. Prøv igjen om litt. Vedvarer det, bør den som driver innspill sjekke forbindelsen ` +
  'til språkmodellen; uten modell lager innspill uttrekksbaserte utkast (uten API-nøkkel).';

/**
 * Map anything a provider threw to an LlmError.
 * @example throw mapLlmError(err, 'anthropic') // RateLimitError → 503 unavailable:llm
 */
export function mapLlmError(err: unknown, provider: ProviderName): LlmError {
  if (err instanceof LlmError) return err;
  const who = provider === 'anthropic' ? 'Claude' : 'Språkmodellen';
  if (err instanceof LlmOutputError) {
    return new LlmError(
      'bad_gateway:llm',
      `${who} ga et svar vi ikke kunne bruke: ${err.message}`,
      { provider },
      { cause: err },
    );
  }
  if (sdk && err instanceof sdk.APIUserAbortError) {
    return new LlmError(
      'unavailable:llm',
      'Forespørselen til språkmodellen ble avbrutt.',
      { provider },
      { cause: err },
    );
  }
  if ((sdk && err instanceof sdk.APIConnectionError) || err instanceof ChatTimeoutError) {
    const timeout = err.name.includes('Timeout');
    return new LlmError(
      'unavailable:llm',
      timeout ? `${who} svarte ikke i tide. Prøv igjen om litt.` : noContact(who),
      { provider, retryable: true },
      { cause: err },
    );
  }
  if (sdk && err instanceof sdk.APIError) {
    const details = {
      provider,
      status: err.status,
      type: err.type ?? undefined,
      requestId: err.requestID ?? null,
      retryAfterS: toRetryAfterS(retryAfterMs(err.headers)),
    };
    if (err instanceof sdk.RateLimitError)
      return new LlmError(
        'unavailable:llm',
        `${who} har for mange forespørsler akkurat nå. Prøv igjen om litt.`,
        { ...details, retryable: true },
        { cause: err },
      );
    if (err.status === 529 || err.type === 'overloaded_error') {
      return new LlmError(
        'unavailable:llm',
        `${who} er overbelastet akkurat nå. Prøv igjen om litt.`,
        { ...details, retryable: true },
        { cause: err },
      );
    }
    if (err instanceof sdk.InternalServerError || (err.status === undefined && UNAVAILABLE_TYPES.has(err.type ?? ''))) {
      return new LlmError(
        'unavailable:llm',
        `${who} har en feil hos seg (${err.status ?? err.type}). Prøv igjen om litt.`,
        { ...details, retryable: true },
        { cause: err },
      );
    }
    if (err instanceof sdk.AuthenticationError || err instanceof sdk.PermissionDeniedError) {
      return new LlmError('unavailable:llm', `${who} avviste nøkkelen vår. Sjekk ANTHROPIC_API_KEY.`, details, {
        cause: err,
      });
    }
    return new LlmError('bad_gateway:llm', `${who} avviste forespørselen (${err.status ?? err.type}).`, details, {
      cause: err,
    });
  }
  if (err instanceof ChatHttpError) {
    const details = { provider, status: err.status, retryAfterS: toRetryAfterS(err.retryAfterMs) };
    if (err.status === 429 || err.status >= 500) {
      return new LlmError(
        'unavailable:llm',
        `${who} er ikke tilgjengelig akkurat nå (${err.status}). Prøv igjen om litt.`,
        { ...details, retryable: true },
        { cause: err },
      );
    }
    if (err.status === 401 || err.status === 403) {
      return new LlmError('unavailable:llm', `${who} avviste nøkkelen vår. Sjekk CHAT_API_KEY.`, details, {
        cause: err,
      });
    }
    return new LlmError('bad_gateway:llm', `${who} avviste forespørselen (${err.status}).`, details, { cause: err });
  }
  if (
    (err instanceof TypeError && /fetch failed|network|socket/i.test(err.message)) ||
    (err as { name?: string })?.name === 'AbortError'
  ) {
    // fetch() failures (connection refused, DNS, reset) surface as TypeError("fetch failed").
    return new LlmError('unavailable:llm', noContact(who), { provider, retryable: true }, { cause: err });
  }
  return new LlmError('bad_gateway:llm', `${who} ga et svar vi ikke kunne bruke.`, { provider }, { cause: err });
}
