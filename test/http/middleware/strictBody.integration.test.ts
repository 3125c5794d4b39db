/**
 * A chunked body (no Content-Length) far over MAX_BODY_BYTES, sent to the real server on a port: refused with 413
 * while it streams in, without the server buffering it. The memory bound is the property under test: the body
 * is 400 MB, the process may grow by < 100 MB.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from '../../helpers/runtime.js';

const MB = 1024 * 1024;
let server: ServerType;
let base: string;

beforeAll(async () => {
  const { app } = await seededApp();
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** `total` bytes of JSON-looking text in 1 MB chunks, produced only as the reader pulls (one chunk reused). */
function chunkedBody(total: number) {
  const chunk = new TextEncoder().encode('{"query":"' + 'a'.repeat(MB - 10));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, sent: () => sent };
}

describe('JSON bodies are capped while they stream in', () => {
  it('refuses a chunked 400 MB POST /search with 413 and the RSS grows < 100 MB', async () => {
    // Warm the route first, so what grows afterwards is the body's doing.
    await fetch(`${base}/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'skyløsning' }),
    });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    // A stream body has no Content-Length: fetch sends it with Transfer-Encoding: chunked.
    const body = chunkedBody(400 * MB);
    try {
      const res = await fetch(`${base}/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body.stream,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      const problem = await res.json();
      expect(problem.title).toBe('Forespørselen er for stor');
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect((peak - before) / MB).toBeLessThan(100);
    // The server stopped reading long before the end (the client pulls as the server reads).
    expect(body.sent()).toBeLessThan(400 * MB);
  }, 120_000);

  it('refuses a chunked 400 MB multipart upload with 413 at MAX_UPLOAD_BYTES and the RSS grows < 100 MB', async () => {
    const documents = async () => (await (await fetch(`${base}/documents`)).json()).documents.length;
    const count = await documents();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const body = chunkedBody(400 * MB);
    try {
      const res = await fetch(`${base}/documents`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=innspill-grense' },
        body: body.stream,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      const problem = await res.json();
      expect(problem.field).toBe('file');
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect((peak - before) / MB).toBeLessThan(100);
    expect(body.sent()).toBeLessThan(400 * MB);
    expect(await documents()).toBe(count);
  }, 120_000);
});
