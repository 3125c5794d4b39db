/**
 * @anthropic-ai/sdk, loaded on first use: a server or CLI run without ANTHROPIC_API_KEY never imports it (it took
 * 0.35–0.45 s of every start). Its error classes are handed to errors.ts as it loads, so Claude's failures map as
 * before; none of them can reach mapLlmError before the SDK is loaded.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { ClientOptions } from '@anthropic-ai/sdk';
import type { Logger } from '../log.js';
import { registerSdkErrors } from './errors.js';
import { cappedRetryFetch } from './limits.js';

/** How every Claude call of ours is set up: drafting (anthropic.ts), the entailment judge and the position judge. */
export interface ClaudeOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** SDK retries for 408/409/429/5xx and connection errors (default 2). */
  maxRetries?: number;
  /** Overall deadline of one call in ms, first byte to last, retries and stalls included (default per caller). */
  timeoutMs?: number;
  /** The longest `retry-after` the SDK may wait out; a longer one fails the call at once (default 20 s). */
  maxRetryAfterMs?: number;
  logger?: Logger;
}

let loading: Promise<typeof Anthropic> | undefined;

export function loadAnthropic(): Promise<typeof Anthropic> {
  return (loading ??= import('@anthropic-ai/sdk').then((sdk) => {
    registerSdkErrors(sdk);
    return sdk.default;
  }));
}

/**
 * A client made on first call and kept.
 * @example const client = lazyClient({ apiKey }); await (await client()).messages.create(…)
 */
export function lazyClient(options: ClientOptions): () => Promise<Anthropic> {
  let client: Promise<Anthropic> | undefined;
  return () => (client ??= loadAnthropic().then((Sdk) => new Sdk(options)));
}

/**
 * The lazy client for `opts`, with our retry cap and the SDK's own logging off.
 * NOTE: the SDK logs request bodies at debug and raw stream chunks on a parse error, both may hold document text.
 * We log every call and every mapped failure ourselves (ids, status, usage), so the SDK stays silent.
 * @example const client = claudeClient(opts, 60_000); const sdk = await client();
 */
export function claudeClient(opts: ClaudeOptions, defaultTimeoutMs: number): () => Promise<Anthropic> {
  return lazyClient({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    maxRetries: opts.maxRetries ?? 2,
    timeout: opts.timeoutMs ?? defaultTimeoutMs,
    fetch: cappedRetryFetch(opts.maxRetryAfterMs ?? 20_000),
    logLevel: 'off',
  });
}
