import { describe, expect, it } from 'vitest';
import { OpenAIEmbedder } from '../../src/embed/openai.js';
import { jsonInit, seededApp } from '../helpers/runtime.js';

describe('when the embeddings server is down', () => {
  it('POST /search answers 503 with a Norwegian problem body, not 500', async () => {
    // Port 1 on loopback: nothing listens there, so the real client fails to connect.
    const down = new OpenAIEmbedder({
      baseURL: 'http://127.0.0.1:1',
      model: 'e5',
      dimensions: 384,
      maxRetries: 0,
      timeoutMs: 2000,
    });
    const { app } = await seededApp({ embedder: down });
    const res = await app.request('/search', jsonInit('POST', { query: 'skyløsning' }));
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.code).toBe('unavailable:embedder');
    expect(body.detail).toMatch(/[æøå]|tjenesten|vektor|innstilling/i);
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|stack/);
  });
});
