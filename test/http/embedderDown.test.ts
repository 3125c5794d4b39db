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
    // An upload needs the embedder too; both 503s are documented for their routes in /openapi.json.
    const form = new FormData();
    form.set('file', new File(['Fagforbundet mener at data skal lagres i Norge.'], 'notat.txt'));
    for (const [k, v] of Object.entries({ organisation: 'Fagforbundet', kind: 'statement', date: '2024-03-12' }))
      form.set(k, v);
    const upload = await app.request('/documents', { method: 'POST', body: form });
    expect(upload.status).toBe(503);
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths['/search'].post.responses)).toContain('503');
    expect(Object.keys(doc.paths['/documents'].post.responses)).toContain('503');
  });
});
