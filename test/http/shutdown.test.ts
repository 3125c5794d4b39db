/**
 * The stop in-process (http/shutdown.ts, the real app on an in-memory PGlite): a plain (not streamed) upload still
 * embedding when the grace period ends is aborted with the stop's 503 and stores nothing; requests arriving while
 * the server stops get 503 without touching the store. The child-process suite (test/cli/serveShutdown) covers
 * SIGTERM, streams and the exit code.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAIEmbedder } from '../../src/embed/openai.js';
import { createApp } from '../../src/http/app.js';
import { createShutdown } from '../../src/http/shutdown.js';
import { openPglite, type Db } from '../../src/store/db.js';
import { ensureEmbedder } from '../../src/store/embeddings.js';
import { migrate } from '../../src/store/migrate.js';
import { okReply, startFakeEmbeddingsApi, type FakeEmbeddingsApi } from '../embed/fakeEmbeddingsApi.js';
import { testConfig } from '../helpers/runtime.js';

let embeddings: FakeEmbeddingsApi;
let release: () => void = () => undefined;
const held = new Promise<void>((r) => (release = r));
let db: Db;

beforeAll(async () => {
  embeddings = await startFakeEmbeddingsApi(async (_, req) => {
    if (req.body.input.some((t) => t.includes('Lyngsalp'))) await held;
    return okReply(req.body.input);
  });
  db = await openPglite('memory://');
  await migrate(db);
});
afterAll(async () => {
  release();
  await embeddings.close();
  await db.close();
});

describe('a stopping server', () => {
  it('aborts a plain upload still running at the end of the grace period: 503, nothing stored', async () => {
    const embedder = new OpenAIEmbedder({ baseURL: embeddings.url, model: 'fake', dimensions: 8, maxRetries: 0 });
    await ensureEmbedder(db, embedder);
    const shutdown = createShutdown();
    // The log: a stop's 503s are expected, so none is logged as a failure (level 50, with its stack).
    const logged: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    const app = createApp({ db, embedder, config: testConfig, logger, shutdown });
    const form = new FormData();
    form.set('file', new File(['Lyngsalp-modellen gir tillitsvalgte en fast plass i arbeidet.'], 'notat.txt'));
    for (const [k, v] of Object.entries({ organisation: 'Testforbundet', kind: 'statement', date: '2024-03-12' }))
      form.set(k, v);
    const upload = app.request('/documents', { method: 'POST', body: form });
    while (embeddings.requests.length === 0) await new Promise((r) => setTimeout(r, 10));

    const drained = shutdown.drain({ graceMs: 50 });
    expect(shutdown.stopping).toBe(true);
    const late = await app.request('/documents');
    expect(late.status).toBe(503);
    expect(await late.json()).toMatchObject({
      code: 'unavailable:shutdown',
      title: 'Tjenesten stanses',
      detail: 'Tjenesten stanses; prøv igjen om litt.',
    });
    await new Promise((r) => setTimeout(r, 200));
    release();

    const res = await upload;
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await res.json();
    expect(body).toMatchObject({ code: 'unavailable:shutdown' });
    expect(body.detail).toMatch(/ingenting fra den ble lagret/);
    expect(await drained).toMatchObject({ unfinished: 0 });
    expect((await drained).aborted).toBeGreaterThan(0);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
    expect(rows[0].n).toBe(0);
    expect(logged.filter((l) => l.level >= 50)).toEqual([]);
    expect(logged.some((l) => l.msg === 'request refused')).toBe(true);
  });
});
