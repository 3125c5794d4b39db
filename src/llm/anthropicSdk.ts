/**
 * @anthropic-ai/sdk, loaded on first use: a server or CLI run without ANTHROPIC_API_KEY never imports it (it took
 * 0.35–0.45 s of every start). Its error classes are handed to errors.ts as it loads, so Claude's failures map as
 * before; none of them can reach mapLlmError before the SDK is loaded.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { ClientOptions } from '@anthropic-ai/sdk';
import { registerSdkErrors } from './errors.js';

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
