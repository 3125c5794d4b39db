/**
 * POST JSON with a per-attempt timeout and retries, turning every failure into an EmbeddingError.
 * Retried: 429, 5xx, network errors and timeouts — the failures a busy or restarting server gives. Not
 * retried: other 4xx (a wrong key or model stays wrong) and responses that aren't JSON.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddingError, isEmbeddingError } from './errors.js';

export interface RetryPolicy {
  /** Per attempt, including reading the body. */
  timeoutMs: number;
  /** Attempts after the first. */
  maxRetries: number;
  /** First backoff; doubles each retry, with jitter. */
  retryBaseMs: number;
  /** Longest wait between attempts. A Retry-After longer than this ends the retries instead. */
  retryMaxMs: number;
  /**
   * All attempts and the waits between them together (default: no limit beyond the others). A server that
   * stalls every attempt would otherwise hold the caller for (maxRetries + 1) × timeoutMs plus the backoff.
   */
  overallMs?: number;
}

interface Failure {
  error: EmbeddingError;
  retryable: boolean;
  retryAfterMs?: number;
}

/** Seconds or an HTTP date in Retry-After; OpenAI's retry-after-ms when present, as it is more precise. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half fixed, half random, so clients that failed together spread out. */
function backoffMs(attempt: number, p: RetryPolicy): number {
  const ceiling = Math.min(p.retryMaxMs, p.retryBaseMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * @param redact strings (the API key) to blank out of any error detail, which may quote the server's reply.
 * @example await postJson('http://127.0.0.1:8080/v1/embeddings', { model, input }, headers, policy, [apiKey])
 */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  policy: RetryPolicy,
  redact: string[] = [],
): Promise<unknown> {
  const clean = (s: string) =>
    redact.reduce((t, secret) => (secret ? t.split(secret).join('***') : t), s).slice(0, 300);
  const payload = JSON.stringify(body);
  const deadline = Date.now() + (policy.overallMs ?? Infinity);
  const overall = (cause?: unknown) =>
    new EmbeddingError('embedder_timeout', `no answer within ${policy.overallMs} ms in all from ${url}`, { cause });
  for (let attempt = 0; ; attempt++) {
    const left = deadline - Date.now();
    if (left <= 0) throw overall();
    let failure: Failure;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers,
        body: payload,
        signal: AbortSignal.timeout(Math.min(policy.timeoutMs, left)),
      });
      const text = await res.text();
      if (res.ok) {
        try {
          return JSON.parse(text);
        } catch (err) {
          throw new EmbeddingError('embedder_bad_response', `invalid JSON from ${url}: ${clean(text)}`, { cause: err });
        }
      }
      const retryable = res.status === 429 || res.status >= 500;
      // A refusal that retrying won't fix (401, 404, 400) is a settings problem: say where to look.
      const userMessage = retryable
        ? undefined
        : `Tjenesten som lager vektorer (embeddings), avviste forespørselen (HTTP ${res.status}). Sjekk adresse, modellnavn og API-nøkkel i oppsettet (EMBEDDINGS_*).`;
      failure = {
        error: new EmbeddingError('embedder_unavailable', `HTTP ${res.status} from ${url}: ${clean(text)}`, {
          status: res.status,
          userMessage,
        }),
        retryable,
        retryAfterMs: parseRetryAfter(res.headers),
      };
    } catch (err) {
      if (isEmbeddingError(err)) throw err;
      const name = (err as Error).name;
      failure =
        name === 'TimeoutError' || name === 'AbortError'
          ? {
              error: new EmbeddingError('embedder_timeout', `no response within ${policy.timeoutMs} ms from ${url}`, {
                cause: err,
              }),
              retryable: true,
            }
          : {
              error: new EmbeddingError('embedder_unavailable', `could not reach ${url}: ${clean(describe(err))}`, {
                cause: err,
              }),
              retryable: true,
            };
    }
    if (!failure.retryable || attempt >= policy.maxRetries) throw failure.error;
    if (failure.retryAfterMs !== undefined && failure.retryAfterMs > policy.retryMaxMs) throw failure.error;
    const wait = failure.retryAfterMs ?? backoffMs(attempt, policy);
    if (Date.now() + wait >= deadline) throw overall(failure.error);
    await sleep(wait);
  }
}

/** fetch hides the useful part ("ECONNREFUSED") in `cause`. */
function describe(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(': ');
}
