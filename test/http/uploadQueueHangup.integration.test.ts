/**
 * A non-streamed upload waiting in the upload queue whose client hangs up leaves the queue (the route passes
 * `c.req.raw.signal`): on a real server on 127.0.0.1, with UPLOAD_CONCURRENCY 1 and the first upload held in its
 * embed step by a fake embeddings API that answers only when told, the queue shrinks when the waiting client
 * aborts, the upload behind it moves up to place 1, and the abandoned document is never embedded nor stored.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { UploadQueue } from '../../src/corpus/uploadQueue.js';
import { OpenAIEmbedder } from '../../src/embed/openai.js';
import { createApp } from '../../src/http/app.js';
import { sseEvents } from '../../src/cli/serverClient.js';
import { silentLogger } from '../../src/log.js';
import { openPglite, type Db } from '../../src/store/db.js';
import { ensureEmbedder } from '../../src/store/embeddings.js';
import { migrate } from '../../src/store/migrate.js';

const DIMENSION = 16;

/** /v1/embeddings that holds every request until `open()`; it records each input it was asked to embed. */
async function gatedEmbeddingsApi() {
  const inputs: string[] = [];
  const held: (() => void)[] = [];
  let isOpen = false;
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const input = (JSON.parse(raw) as { input: string[] }).input;
    inputs.push(...input);
    const answer = () =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          object: 'list',
          data: input.map((_, index) => ({
            object: 'embedding',
            index,
            embedding: Array.from({ length: DIMENSION }, (_, i) => (i === index % DIMENSION ? 1 : 0.1)),
          })),
        }),
      );
    if (isOpen) answer();
    else held.push(answer);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    inputs,
    held,
    open() {
      isOpen = true;
      for (const answer of held.splice(0)) answer();
    },
    /** From now on requests wait until open(). */
    shut() {
      isOpen = false;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Wait until `ok()` holds (a wait, not a timed assertion: it fails only if the state never comes). */
async function until(what: string, ok: () => boolean, limitMs = 20_000) {
  const end = Date.now() + limitMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** An SSE upload response, its events collected as they arrive. */
function events(response: Promise<Response>) {
  const got: { event: string; data: any }[] = [];
  const done = (async () => {
    const res = await response;
    for await (const { event, data } of sseEvents(res.body!)) got.push({ event, data: JSON.parse(data) });
    return got;
  })();
  return { got, done };
}

function form(id: string, word: string): FormData {
  const f = new FormData();
  const text = Array.from({ length: 6 }, (_, i) => `Avsnitt ${i} om ${word}: forbundet mener ${word} må prioriteres.`);
  f.set('file', new File([text.join('\n\n')], `${id}.txt`, { type: 'text/plain' }));
  for (const [k, v] of Object.entries({ id, organisation: 'Testforbundet', title: `Notat om ${word}`, date: '2024' }))
    f.set(k, v);
  return f;
}

describe('a queued non-streamed upload whose client hangs up', () => {
  let db: Db;
  let api: Awaited<ReturnType<typeof gatedEmbeddingsApi>>;
  let server: ServerType;
  let base: string;
  const queue = new UploadQueue(1);

  beforeAll(async () => {
    api = await gatedEmbeddingsApi();
    api.open(); // binding the embedder to the empty store asks nothing, but stays harmless if it did
    const embedder = new OpenAIEmbedder({ baseURL: api.url, model: 'fake', dimensions: DIMENSION, maxRetries: 0 });
    db = await openPglite('memory://');
    await migrate(db);
    await ensureEmbedder(db, embedder);
    const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', UPLOAD_CONCURRENCY: '1' });
    const app = createApp({ db, embedder, config, logger: silentLogger, uploadQueue: queue });
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    api.open();
    await new Promise<void>((r) => server.close(() => r()));
    await api.close();
    await db.close();
  });

  it('leaves the queue, moves the one behind it up, and is neither embedded nor stored', async () => {
    api.shut();
    // A: streamed, held in its embed step by the fake: it holds the one turn.
    const first = events(
      fetch(`${base}/documents?stream=true`, { method: 'POST', body: form('testforbundet-a-nordlys', 'nordlys') }),
    );
    await until('the first upload asks for its vectors', () => api.held.length === 1);
    expect(queue.length).toBe(0);

    // B: not streamed, waits in line; its client will hang up.
    const hangUp = new AbortController();
    const second = fetch(`${base}/documents`, {
      method: 'POST',
      body: form('testforbundet-b-kvitveis', 'kvitveis'),
      signal: hangUp.signal,
    }).catch((err: Error) => err);
    await until('the second upload waits in the queue', () => queue.length === 1);

    // C: streamed, behind B.
    const third = events(
      fetch(`${base}/documents?stream=true`, { method: 'POST', body: form('testforbundet-c-multe', 'multe') }),
    );
    await until('the third upload waits in the queue', () => queue.length === 2);
    await until('the third upload hears its place', () => third.got.some((e) => e.data.phase === 'queued'));

    hangUp.abort();
    expect(((await second) as Error).name).toBe('AbortError');
    await until('the abandoned upload leaves the queue', () => queue.length === 1);
    await until('the third upload moves up', () => third.got.filter((e) => e.data.phase === 'queued').length === 2);
    expect(third.got.filter((e) => e.data.phase === 'queued').map((e) => e.data.position)).toEqual([2, 1]);

    api.open();
    const [a, c] = await Promise.all([first.done, third.done]);
    expect(a.at(-1)).toMatchObject({
      event: 'done',
      data: { outcome: 'created', document: { id: 'testforbundet-a-nordlys' } },
    });
    expect(c.at(-1)).toMatchObject({
      event: 'done',
      data: { outcome: 'created', document: { id: 'testforbundet-c-multe' } },
    });
    expect(queue.length).toBe(0);

    // The abandoned upload: never embedded, never stored.
    expect(api.inputs.some((t) => t.includes('kvitveis'))).toBe(false);
    expect(api.inputs.some((t) => t.includes('multe'))).toBe(true);
    expect((await fetch(`${base}/documents/testforbundet-b-kvitveis`)).status).toBe(404);
    const ids = ((await (await fetch(`${base}/documents`)).json()) as any).documents.map((d: { id: string }) => d.id);
    expect(ids.sort()).toEqual(['testforbundet-a-nordlys', 'testforbundet-c-multe']);
  }, 120_000);
});
