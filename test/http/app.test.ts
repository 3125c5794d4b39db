import { beforeAll, describe, expect, it } from 'vitest';
import { jsonInit, seededApp } from '../helpers/runtime.js';

type App = Awaited<ReturnType<typeof seededApp>>['app'];
let app: App;

beforeAll(async () => {
  ({ app } = await seededApp());
});

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = await res.json();
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+|stack/i);
  return body;
}

describe('HTTP API', () => {
  it('GET /health reports the store and embedder', async () => {
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.store.documents).toBe(5);
    expect(body.store.passages).toBeGreaterThan(20);
    expect(body.embedder.model).toMatch(/local/);
  });

  it('lists documents and reads one with passages whose offsets round-trip', async () => {
    const list = await (await app.request('/documents')).json();
    expect(list.documents).toHaveLength(5);
    const id = list.documents.find((d: { organisation: string }) => d.organisation === 'KS').id;
    const doc = await (await app.request(`/documents/${id}`)).json();
    expect(doc.passages.length).toBeGreaterThan(0);
    for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('filters documents by organisation', async () => {
    const list = await (await app.request('/documents?organisation=fagforbundet')).json();
    expect(list.documents.length).toBe(2);
    expect(new Set(list.documents.map((d: { organisation: string }) => d.organisation))).toEqual(
      new Set(['Fagforbundet']),
    );
  });

  it('GET /passages/:id returns the passage with its document', async () => {
    const hits = (await (await app.request('/search', jsonInit('POST', { query: 'skyløsning', k: 1 }))).json()).hits;
    const res = await app.request(`/passages/${hits[0].passage.id}`);
    expect(res.status).toBe(200);
    const p = await res.json();
    expect(p.document.organisation).toBeTruthy();
    expect(p.text).toBe(hits[0].passage.text);
  });

  it('POST /search finds the Fagforbundet passage on a public cloud service in the top 3', async () => {
    const res = await app.request(
      '/search',
      jsonInit('POST', { query: 'Hva mener Fagforbundet om en offentlig skyløsning?' }),
    );
    expect(res.status).toBe(200);
    const { hits } = await res.json();
    const top3 = hits.slice(0, 3);
    // The passage that says it: «en skytjeneste som drives og utvikles av offentlig sektor».
    const hit = top3.find(
      (h: any) =>
        h.passage.document.organisation === 'Fagforbundet' &&
        /skytjeneste som drives og utvikles av offentlig sektor/.test(h.passage.text),
    );
    expect(hit).toBeDefined();
    expect(typeof hit.passage.start).toBe('number');
    expect(hit.scores.fused).toBeGreaterThan(0);
  });

  it('POST /search honours the organisation filter', async () => {
    const { hits } = await (
      await app.request('/search', jsonInit('POST', { query: 'digitalisering', organisation: 'KS', k: 10 }))
    ).json();
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.passage.document.organisation).toBe('KS');
  });

  it('404 problem bodies for unknown ids and routes', async () => {
    for (const path of ['/documents/finnes-ikke', '/passages/finnes-ikke-p001', '/ingenting']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      const body = await problem(res);
      expect(body.status).toBe(404);
      expect(body.title).toMatch(/Fant ikke/);
    }
  });

  it('400 problem naming the field for a missing or bad query', async () => {
    const res = await app.request('/search', jsonInit('POST', { k: 5 }));
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.field).toBe('query');
    expect(body.errors[0].reason).toBeTruthy();

    const bad = await problem(await app.request('/search', jsonInit('POST', { query: 'x', k: 500 })));
    expect(bad.field).toBe('k');
    const unknown = await problem(await app.request('/search', jsonInit('POST', { query: 'x', org: 'KS' })));
    expect(unknown.status).toBe(400);
  });

  it('400 for malformed JSON and invalid UTF-8, 413 for an oversized body, 415 for the wrong type', async () => {
    const malformed = await app.request('/search', jsonInit('POST', '{"query": '));
    expect(malformed.status).toBe(400);
    expect((await problem(malformed)).code).toBe('bad_request:json');

    const bytes = new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const invalid = await app.request('/search', {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/json' },
    });
    expect(invalid.status).toBe(400);
    expect((await problem(invalid)).code).toBe('bad_request:encoding');

    const big = await app.request('/search', jsonInit('POST', { query: 'x'.repeat(2_000_000) }));
    expect(big.status).toBe(413);
    await problem(big);

    const empty = await app.request('/search', { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
    await problem(empty);
  });

  it('serves an OpenAPI document and Swagger UI', async () => {
    const doc = await (await app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/documents', '/documents/{id}', '/passages/{id}', '/search']),
    );
    expect((await app.request('/docs')).status).toBe(200);
  });
});
