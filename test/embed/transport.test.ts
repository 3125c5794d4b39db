import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddingError } from '../../src/embed/errors.js';
import { parseRetryAfter, postJson } from '../../src/embed/transport.js';
import { startFakeEmbeddingsApi, type FakeEmbeddingsApi } from './fakeEmbeddingsApi.js';

let api: FakeEmbeddingsApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');
  const h = (init: Record<string, string>) => new Headers(init);
  it('reads seconds, an HTTP date and OpenAI retry-after-ms (preferred)', () => {
    expect(parseRetryAfter(h({ 'retry-after': '2' }), now)).toBe(2000);
    expect(parseRetryAfter(h({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(parseRetryAfter(h({ 'retry-after': 'Wed, 01 Jan 2025 12:00:03 GMT' }), now)).toBe(3000);
    expect(parseRetryAfter(h({ 'retry-after': '2', 'retry-after-ms': '1234' }), now)).toBe(1234);
  });
  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(h({}), now)).toBeUndefined();
    expect(parseRetryAfter(h({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });
});

describe('postJson', () => {
  it('gives up at once when Retry-After asks for longer than retryMaxMs, instead of hammering the server', async () => {
    api = await startFakeEmbeddingsApi(() => ({ status: 429, headers: { 'retry-after': '3600' }, json: {} }));
    const policy = { timeoutMs: 5000, maxRetries: 5, retryBaseMs: 1, retryMaxMs: 1000 };
    const err = await postJson(`${api.url}/v1/embeddings`, {}, {}, policy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddingError);
    expect([(err as EmbeddingError).code, (err as EmbeddingError).status, api.requests.length]).toEqual([
      'embedder_unavailable',
      429,
      1,
    ]);
  });
});

describe('postJson overall deadline', () => {
  it('a server that stalls every attempt ends the call at overallMs, not after every retry', async () => {
    api = await startFakeEmbeddingsApi(() => 'hang');
    const policy = { timeoutMs: 400, maxRetries: 5, retryBaseMs: 1, retryMaxMs: 1000, overallMs: 600 };
    const err = await postJson(`${api.url}/v1/embeddings`, {}, {}, policy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddingError);
    expect((err as EmbeddingError).code).toBe('embedder_timeout');
    expect((err as Error).message).toMatch(/within 600 ms in all/);
    // Two attempts fit in 600 ms (the second cut short), not the six the retries allow.
    expect(api.requests.length).toBeLessThanOrEqual(2);
  });
});
