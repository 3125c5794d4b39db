import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';
import { EmbeddingError, LocalEmbedder, OpenAIEmbedder, createEmbedder } from '../../src/embed/index.js';
import { okReply, startFakeEmbeddingsApi, type FakeEmbeddingsApi } from './fakeEmbeddingsApi.js';

let api: FakeEmbeddingsApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('createEmbedder', () => {
  it('gives the offline local embedder by default, with EMBEDDINGS_DIMENSIONS when set', async () => {
    const local = await createEmbedder(loadConfig({}));
    expect(local).toBeInstanceOf(LocalEmbedder);
    expect([local.model, local.dimension]).toEqual(['innspill-local-ngram-v2-384', 384]);
    const wide = await createEmbedder(loadConfig({ EMBEDDINGS_DIMENSIONS: '768' }));
    expect((await wide.embedQuery('kommune')).length).toBe(768);
  });

  it('gives an OpenAI-compatible client that has learned its dimension before it is returned', async () => {
    api = await startFakeEmbeddingsApi((_, req) => okReply(req.body.input, 16));
    const embedder = await createEmbedder(
      loadConfig({
        EMBEDDER: 'openai',
        EMBEDDINGS_BASE_URL: `${api.url}/v1/`,
        EMBEDDINGS_MODEL: 'multilingual-e5-small',
        EMBEDDINGS_BATCH_SIZE: '2',
      }),
    );
    expect(embedder).toBeInstanceOf(OpenAIEmbedder);
    expect([embedder.model, embedder.dimension]).toEqual(['openai:multilingual-e5-small', 16]);
    await embedder.embedDocuments(['t1', 't2', 't3']);
    expect(api.requests.map((r) => r.body.input.length)).toEqual([1, 2, 1]); // probe, then batches of 2
  });

  it('fails at startup, naming the setting, when the server or its settings are wrong', async () => {
    await expect(createEmbedder(loadConfig({ EMBEDDER: 'openai' }))).rejects.toThrow(ConfigError);
    await expect(createEmbedder(loadConfig({ EMBEDDER: 'openai', EMBEDDINGS_MODEL: 'm' }))).rejects.toThrow(
      /EMBEDDINGS_BASE_URL/,
    );
    api = await startFakeEmbeddingsApi(() => ({ status: 404, json: { error: 'model not found' } }));
    const err = await createEmbedder(
      loadConfig({ EMBEDDER: 'openai', EMBEDDINGS_BASE_URL: api.url, EMBEDDINGS_MODEL: 'm' }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddingError);
    expect((err as EmbeddingError).status).toBe(404);
    expect((err as EmbeddingError).userMessage).toMatch(/HTTP 404.*EMBEDDINGS_/);
  });
});
