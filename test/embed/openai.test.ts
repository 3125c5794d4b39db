import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddingError } from '../../src/embed/errors.js';
import { OpenAIEmbedder, embeddingsUrl, type OpenAIEmbedderOptions } from '../../src/embed/openai.js';
import { okReply, startFakeEmbeddingsApi, type FakeEmbeddingsApi } from './fakeEmbeddingsApi.js';

let api: FakeEmbeddingsApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function setup(reply?: FakeEmbeddingsApi['reply'], options: Partial<OpenAIEmbedderOptions> = {}) {
  api = await startFakeEmbeddingsApi(reply);
  // Tiny backoff so retry tests take milliseconds; Retry-After tests set their own wait.
  const embedder = new OpenAIEmbedder({ baseURL: api.url, model: 'nb-embed', retryBaseMs: 1, ...options });
  return { api, embedder };
}

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const texts = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);

async function failure(p: Promise<unknown>): Promise<EmbeddingError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EmbeddingError);
  return err as EmbeddingError;
}

describe('OpenAIEmbedder', () => {
  it('sends batches of EMBEDDINGS_BATCH_SIZE and returns vectors in input order, normalised', async () => {
    const { api, embedder } = await setup(undefined, { batchSize: 3 });
    const vectors = await embedder.embedDocuments(texts(7));
    expect(api.requests.map((r) => r.body.input.length)).toEqual([3, 3, 1]);
    expect(api.requests[0].body).toEqual({ model: 'nb-embed', input: ['t0', 't1', 't2'] });
    vectors.forEach((v, i) => {
      expect(v.indexOf(Math.max(...v))).toBe(i); // the vector the fake made for "t{i}"
      expect(norm(v)).toBeCloseTo(1, 12);
    });
    expect(embedder.model).toBe('openai:nb-embed');
    expect(embedder.dimension).toBe(8);
  });

  it('puts vectors back in order by `index` when the server answers out of order', async () => {
    const { embedder } = await setup((_, req) => okReply(req.body.input, 8, true));
    const vectors = await embedder.embedDocuments(texts(5));
    vectors.forEach((v, i) => expect(v.indexOf(Math.max(...v))).toBe(i));
  });

  it('retries after 429, waiting as long as Retry-After asks', async () => {
    const { api, embedder } = await setup((n, req) =>
      n === 0
        ? { status: 429, headers: { 'retry-after-ms': '300' }, json: { error: { message: 'slow down' } } }
        : okReply(req.body.input),
    );
    const started = Date.now();
    const [v] = await embedder.embedDocuments(['t1']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(api.requests).toHaveLength(2);
    expect(v.indexOf(Math.max(...v))).toBe(1);
  });

  it('retries 500s and succeeds; gives up after maxRetries with embedder_unavailable', async () => {
    const flaky = await setup((n, req) => (n < 2 ? { status: 500, json: {} } : okReply(req.body.input)));
    await expect(flaky.embedder.embedQuery('t2')).resolves.toHaveLength(8);
    expect(flaky.api.requests).toHaveLength(3);
    await flaky.api.close();

    const down = await setup(() => ({ status: 503, json: {} }), { maxRetries: 2 });
    const err = await failure(down.embedder.embedQuery('t'));
    expect([err.code, err.status, down.api.requests.length]).toEqual(['embedder_unavailable', 503, 3]);
    expect(err.userMessage).toMatch(/svarer ikke/);
  });

  it('gives embedder_timeout when the server does not answer in time', async () => {
    const { api, embedder } = await setup(() => 'hang', { timeoutMs: 150, maxRetries: 1 });
    const err = await failure(embedder.embedQuery('t'));
    expect(err.code).toBe('embedder_timeout');
    expect(err.userMessage).toMatch(/for lang tid/);
    expect(api.requests).toHaveLength(2); // a timeout is retried like a network error
  });

  it('gives embedder_bad_response for malformed JSON, without retrying', async () => {
    const { api, embedder } = await setup(() => ({ raw: '{"data": [' }));
    expect((await failure(embedder.embedQuery('t'))).code).toBe('embedder_bad_response');
    expect(api.requests).toHaveLength(1);
  });

  it('gives embedder_bad_response for a wrong vector count, wrong indices or a wrong dimension', async () => {
    const short = await setup((_, req) => okReply(req.body.input.slice(1)));
    expect((await failure(short.embedder.embedDocuments(texts(3)))).message).toMatch(/asked for 3 vectors, got 2/);
    await short.api.close();

    const dup = await setup(() => ({ json: { data: [0, 0].map((index) => ({ index, embedding: [1, 2] })) } }));
    expect((await failure(dup.embedder.embedDocuments(texts(2)))).code).toBe('embedder_bad_response');
    await dup.api.close();

    const dims = await setup((_, req) => okReply(req.body.input, 4), { dimensions: 8 });
    const err = await failure(dims.embedder.embedQuery('t'));
    expect([err.code, err.message]).toEqual([
      'embedder_bad_response',
      expect.stringMatching(/expected dimension 8, got 4/),
    ]);
    expect(dims.api.requests[0].body.dimensions).toBe(8);
  });

  it('sends the bearer key only when one is set, and never shows it', async () => {
    const anonymous = await setup();
    await anonymous.embedder.embedQuery('t');
    expect(anonymous.api.requests[0].headers.authorization).toBeUndefined();
    await anonymous.api.close();

    const key = 'sk-test-hemmelig-1234';
    const { api, embedder } = await setup(
      (n, req) => (n === 0 ? okReply(req.body.input) : { status: 401, json: { error: `bad key ${key}` } }),
      { apiKey: key },
    );
    await embedder.embedQuery('t');
    expect(api.requests[0].headers.authorization).toBe(`Bearer ${key}`);
    const err = await failure(embedder.embedQuery('t'));
    expect([err.code, err.status, api.requests.length]).toEqual(['embedder_unavailable', 401, 2]); // 401 is not retried
    expect(
      `${err.message} ${err.userMessage} ${inspect(err)} ${inspect(embedder)} ${JSON.stringify(embedder)}`,
    ).not.toContain(key);
  });

  it('learns the dimension with probe(), and embeds blank text as zeros without sending it', async () => {
    const { api, embedder } = await setup((_, req) => okReply(req.body.input, 12));
    expect(() => embedder.dimension).toThrow(/probe/);
    expect(await embedder.probe()).toBe(12);
    const [blank, word] = await embedder.embedDocuments(['  \n', 't4']);
    expect(blank).toEqual(new Array(12).fill(0));
    expect(word.indexOf(Math.max(...word))).toBe(4);
    expect(api.requests.map((r) => r.body.input)).toEqual([['dimensjon'], ['t4']]);
  });

  it('reports an unreachable server as embedder_unavailable', async () => {
    const { api, embedder } = await setup(undefined, { maxRetries: 1 });
    await api.close();
    const err = await failure(embedder.embedQuery('t'));
    expect(err.code).toBe('embedder_unavailable');
    expect(err.message).toMatch(/could not reach/);
  });
});

describe('embeddingsUrl', () => {
  it('accepts a base URL with or without /v1 and trailing slashes', () => {
    for (const base of ['http://h:1', 'http://h:1/', 'http://h:1/v1', 'http://h:1/v1/']) {
      expect(embeddingsUrl(base)).toBe('http://h:1/v1/embeddings');
    }
    expect(embeddingsUrl('https://proxy.example/openai/v1')).toBe('https://proxy.example/openai/v1/embeddings');
  });
});
