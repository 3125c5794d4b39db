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
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { readSse } from '../helpers/sse.js';
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
    // The first upload takes seconds (read on the worker, then embedded), so the others join the line behind it.
    const files = await Promise.all([largeDocx(1_000_000, 1), largeDocx(20_000, 2), largeDocx(20_000, 3)]);
    const streams = [];
    for (const [i, bytes] of files.entries()) {
      streams.push(
        fetch(`${server.base}/documents?stream=true`, {
          method: 'POST',
          body: form(bytes, `kø-${i}.docx`, { ...FIELDS, id: `ko-${i}` }),
        }).then(readSse),
      );
      await new Promise((r) => setTimeout(r, 200));
    }
    const events = await Promise.all(streams);
    const queued = events.map((ev) => ev.filter((e) => e.event === 'progress' && e.data.phase === 'queued'));
    expect(queued[0]).toEqual([]);
    expect(queued[1].map((e) => e.data.position)).toEqual([1]);
    expect(queued[2].map((e) => e.data.position)).toEqual([2, 1]);
    for (const ev of events) expect(ev.at(-1)?.event, JSON.stringify(ev.at(-1))).toBe('done');
  }, 300_000);
});
