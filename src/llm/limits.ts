/**
 * Hard limits on one model call, the same for every provider: an overall deadline from the first byte sent to the
 * last byte read (a stream that stalls after its headers included, which a per-request timeout does not cover) and
 * a cap on how long a `retry-after` we honour may be. Past either the call fails at once with 503 and Retry-After.
 */

/** Retry-After sent with a 503 when the model gave no wait of its own (timeouts, lost connections, 5xx). */
export const DEFAULT_RETRY_AFTER_S = 30;

export interface Deadline {
  /** Aborts when the caller aborts or the deadline passes. */
  signal: AbortSignal;
  /** True when the deadline (not the caller) ended the call. */
  expired(): boolean;
}

/**
 * @example const dl = startDeadline(60_000, signal); await client.messages.create(params, { signal: dl.signal })
 */
export function startDeadline(ms: number, caller?: AbortSignal): Deadline {
  const timer = AbortSignal.timeout(ms);
  return {
    signal: caller ? AbortSignal.any([caller, timer]) : timer,
    expired: () => timer.aborted && !caller?.aborted,
  };
}

/**
 * The wait a response asks for, in ms: `retry-after-ms` (Anthropic's) or `retry-after` (seconds or an HTTP date).
 * @example retryAfterMs(new Headers({ 'retry-after': '600' })) // 600000
 */
export function retryAfterMs(headers: Headers | undefined | null): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const s = Number.parseFloat(raw);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Whole seconds for a Retry-After header, at least 1. */
export function toRetryAfterS(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.max(1, Math.ceil(ms / 1000));
}

/**
 * A fetch for the Anthropic SDK that refuses to let it wait out a `retry-after` above the cap: such a response is
 * marked `x-should-retry: false`, so the SDK fails at once with the server's own headers (mapped to 503 with the
 * server's Retry-After) instead of sleeping. Shorter waits are left to the SDK's own retries.
 * @example new Anthropic({ fetch: cappedRetryFetch(20_000) })
 */
export function cappedRetryFetch(maxRetryAfterMs: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const res = await base(input, init);
    const wait = retryAfterMs(res.headers);
    if (res.ok || wait === undefined || wait <= maxRetryAfterMs) return res;
    const headers = new Headers(res.headers);
    headers.set('x-should-retry', 'false');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}
