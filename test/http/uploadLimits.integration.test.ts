/**
 * Heavy uploads on a real server: a 50 MB-of-text DOCX is refused (413, how to split it) while /health keeps
 * answering; a read worker that runs out of memory gives a problem body and the server goes on serving; uploads
 * past UPLOAD_CONCURRENCY wait in a line whose place their SSE progress reports.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeDocx } from '../../scripts/fixtures/large.js';
import { loadConfig } from '../../src/config/env.js';
import { sseEvents } from '../../src/cli/serverClient.js';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { seededStore } from '../helpers/runtime.js';

const FIELDS = { organisation: 'Testforbundet Vest', date: '2024-03-12' };

async function start(env: Record<string, string> = {}) {
  const rt = await seededStore();
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...env });
  const app = createApp({ ...rt, config, logger: silentLogger });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function form(bytes: Uint8Array, filename: string, fields: Record<string, string> = FIELDS): FormData {
  const fd = new FormData();
  fd.set('file', new File([bytes as Uint8Array<ArrayBuffer>], filename));
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

/** A Server-Sent Events response read as it arrives: `seen` waits for the first event that matches. */
function events(response: Promise<Response>) {
  const got: { event: string; data: any }[] = [];
  const waiters: { match: (e: { event: string; data: any }) => boolean; resolve: () => void }[] = [];
  const all = (async () => {
    const res = await response;
    for await (const frame of sseEvents(res.body!)) {
      if (!frame.data) continue;
      const e = { event: frame.event, data: JSON.parse(frame.data) };
      got.push(e);
      for (const w of waiters.filter((w) => w.match(e))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
    return got;
  })();
  const seen = (match: (e: { event: string; data: any }) => boolean) =>
    got.some(match)
      ? Promise.resolve()
      : Promise.race([
          new Promise<void>((resolve) => waiters.push({ match, resolve })),
          all.then(() => {
            throw new Error(`the stream ended without the event: ${JSON.stringify(got)}`);
          }),
        ]);
  return { all, seen };
}

const storeCounts = async (base: string) => ((await (await fetch(`${base}/health`)).json()) as any).store;

describe('heavy uploads', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server?.close());

  it('refuses a DOCX of 50 MB of text with 413 and how to split it, while /health keeps answering', async () => {
    const docx = await largeDocx(50_000_000);
    const before = await storeCounts(server.base);
    let uploading = true;
    const upload = fetch(`${server.base}/documents`, { method: 'POST', body: form(docx, 'stor.docx') }).finally(
      () => (uploading = false),
    );
    let answeredDuring = 0;
    while (uploading) {
      const health = await fetch(`${server.base}/health`);
      expect(health.status).toBe(200);
      await health.json();
      if (uploading) answeredDuring++;
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await upload;
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body)).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(body.code).toBe('payload_too_large:document');
    expect(body.detail).toMatch(/Del dokumentet i mindre filer/);
    expect(answeredDuring).toBeGreaterThan(0);
    expect(await storeCounts(server.base)).toEqual(before);
  }, 300_000);
});

describe('a read worker out of memory', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start({ READ_WORKER_MAX_MB: '4' });
  });
  afterAll(() => server?.close());

  it('answers 413 with a problem body naming the memory limit, and the server still serves', async () => {
    const docx = await largeDocx(3_000_000);
    const res = await fetch(`${server.base}/documents`, { method: 'POST', body: form(docx, 'minne.docx') });
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body)).toBe(413);
    expect(body.code).toBe('payload_too_large:document');
    expect(body.detail).toMatch(/mer enn 4 MB minne/);
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
    const search = await fetch(`${server.base}/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'arbeidstid' }),
    });
    expect(search.status).toBe(200);
  }, 120_000);
});

describe('the upload queue', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start({ UPLOAD_CONCURRENCY: '1' });
  });
  afterAll(() => server?.close());

  it('reports the place in line of uploads past the concurrency, and stores each in turn', async () => {
    const files = await Promise.all([largeDocx(3_000_000, 1), largeDocx(20_000, 2), largeDocx(20_000, 3)]);
    const post = (i: number) =>
      events(
        fetch(`${server.base}/documents?stream=true`, {
          method: 'POST',
          body: form(files[i], `kø-${i}.docx`, { ...FIELDS, id: `testforbundet-vest-ko-${i}` }),
        }),
      );
    // The first upload is under way (read, now embedding ~4,000 passages) before the others are sent; each of
    // those is sent once the one before it has joined the line, so the order of the line is the order sent.
    const first = post(0);
    await first.seen((e) => e.data.phase === 'read');
    const second = post(1);
    await second.seen((e) => e.data.phase === 'queued');
    const third = post(2);
    const all = await Promise.all([first.all, second.all, third.all]);
    const queued = all.map((ev) => ev.filter((e) => e.data.phase === 'queued').map((e) => e.data.position));
    expect(queued).toEqual([[], [1], [2, 1]]);
    for (const ev of all) expect(ev.at(-1)?.event, JSON.stringify(ev.at(-1))).toBe('done');
  }, 300_000);
});
