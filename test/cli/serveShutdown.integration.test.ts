/**
 * SIGTERM on the real `npm start` entry point (a child process, PGlite on disk) during a streamed upload whose
 * embedding the test holds back (a fake embeddings server): within SHUTDOWN_GRACE_MS the upload finishes and is
 * stored with its audit entry while new requests get 503; past it, the upload is aborted with the stop's 503 and
 * nothing is stored. Either way the process exits 0 with no stack trace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sseEvents } from '../../src/cli/serverClient.js';
import { openDb } from '../../src/store/db.js';
import { lockPath } from '../../src/store/pglite/lock.js';
import { okReply, startFakeEmbeddingsApi, type FakeEmbeddingsApi } from '../embed/fakeEmbeddingsApi.js';

const MARKER = 'Kvitrefjell';
const TEXT = [
  `${MARKER}-modellen gir tillitsvalgte en fast plass i arbeidet med ny teknologi i kommunene.`,
  'Forbundet mener at ansatte skal involveres før systemer tas i bruk, ikke etterpå.',
  'Opplæring må gis i arbeidstiden og betales av arbeidsgiver.',
].join('\n\n');

let embeddings: FakeEmbeddingsApi;
/** Embedding requests for the upload (its text carries MARKER) wait for this; the server's own are answered. */
let release: () => void = () => undefined;
let held: Promise<void> = Promise.resolve();
const dirs: string[] = [];

beforeAll(async () => {
  embeddings = await startFakeEmbeddingsApi(async (_, req) => {
    if (req.body.input.some((t) => t.includes(MARKER))) await held;
    return okReply(req.body.input);
  });
});
afterAll(() => embeddings.close());
afterEach(() => {
  release();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Server {
  child: ChildProcess;
  base: string;
  dataDir: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `npm start` (src/cli/serve.ts) on a fresh data directory, port 0, the fake embedder. */
async function start(graceMs: number): Promise<Server> {
  embeddings.requests.length = 0;
  const root = mkdtempSync(join(tmpdir(), 'innspill-shutdown-'));
  dirs.push(root);
  const dataDir = join(root, 'pglite');
  mkdirSync(join(root, 'seeds'));
  writeFileSync(join(root, 'seeds', 'metadata.yaml'), '[]\n');
  // NOTE: node with tsx's loader rather than the tsx CLI, so the signal reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SEED_DIR: join(root, 'seeds'),
      EMBEDDER: 'openai',
      EMBEDDINGS_BASE_URL: embeddings.url,
      EMBEDDINGS_MODEL: 'fake',
      EMBEDDINGS_DIMENSIONS: '8',
      ANTHROPIC_API_KEY: '',
      CHAT_BASE_URL: '',
      API_TOKENS: '',
      INNSPILL_ADMIN_EMAIL: '',
      BACKUP_DIR: '',
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: String(graceMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const ready = /"url":"(http:\/\/[^"]+)"[^\n]*innspill er klar/.exec(stdout);
      if (ready) resolve(ready[1]);
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before it was ready: ${stderr}`)));
  });
  return { child, base, dataDir, stderr: () => stderr, exited };
}

function upload(base: string, text = TEXT): Promise<{ event: string; data: any }[]> {
  const form = new FormData();
  form.set('file', new File([text], 'kvitrefjell.txt'));
  for (const [k, v] of Object.entries({ organisation: 'Testforbundet', kind: 'statement', date: '2024-03-12' }))
    form.set(k, v);
  return (async () => {
    const res = await fetch(`${base}/documents?stream=true`, { method: 'POST', body: form });
    if (!res.ok) return [{ event: 'problem', data: await res.json() }];
    const events: { event: string; data: any }[] = [];
    for await (const frame of sseEvents(res.body!))
      if (frame.data) events.push({ ...frame, data: JSON.parse(frame.data) });
    return events;
  })();
}

/** Resolves once the fake embeddings server has the upload's text: the upload is now in its embed phase. */
async function embedding(): Promise<void> {
  while (!embeddings.requests.some((r) => r.body.input?.some((t) => t.includes(MARKER))))
    await new Promise((r) => setTimeout(r, 20));
}

/** GET /health until the stop refuses it (the signal is handled a moment after kill()). */
async function refusedWhileStopping(base: string) {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${base}/health`);
    if (res.status !== 200)
      return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
    await res.body?.cancel();
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the server never refused a request after SIGTERM');
}

/** What the data directory holds once the server has exited: the stored documents and the upload audit entries. */
async function storedAfterExit(dataDir: string) {
  const db = await openDb({ dataDir, pgliteThread: 'main' });
  try {
    const docs = await db.query<{ id: string }>(`SELECT id FROM documents WHERE state = 'ready'`);
    const audit = await db.query<{ target: string }>(`SELECT target FROM audit_log WHERE action = 'upload'`);
    return { documents: docs.rows.map((r) => r.id), audited: audit.rows.map((r) => r.target) };
  } finally {
    await db.close();
  }
}

describe('npm start on SIGTERM', () => {
  it('lets a running upload finish, stored with its audit entry; refuses new requests with 503; exits 0', async () => {
    held = new Promise((r) => (release = r));
    const server = await start(30_000);
    const events = upload(server.base);
    await embedding();
    // Many requests at once beside the stream: each follows the stop for its time only (no listener warnings).
    const probes = await Promise.all(Array.from({ length: 15 }, () => fetch(`${server.base}/health`)));
    expect(probes.map((r) => r.status)).toEqual(Array(15).fill(200));
    server.child.kill('SIGTERM');
    const refused = await refusedWhileStopping(server.base);
    expect(refused.status).toBe(503);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'unavailable:shutdown', title: 'Tjenesten stanses' });
    expect(refused.body.detail).toBe('Tjenesten stanses; prøv igjen om litt.');
    // The data directory stays locked while the upload finishes: no other process may open it yet.
    expect(existsSync(lockPath(server.dataDir))).toBe(true);
    // An upload of 2 MB arriving now is refused the same way (its body read and dropped, not a reset connection).
    const late = await upload(server.base, `${TEXT}\n\n`.repeat(8000)).catch((err: Error) => err);
    expect(late).toEqual([
      expect.objectContaining({ event: 'problem', data: expect.objectContaining({ status: 503 }) }),
    ]);
    release();
    const got = await events;
    const done = got.find((e) => e.event === 'done');
    expect(done, JSON.stringify(got)).toBeDefined();
    expect(got.some((e) => e.event === 'error')).toBe(false);
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toBe('');
    expect(existsSync(lockPath(server.dataDir))).toBe(false);
    const id = done!.data.document.id;
    expect(await storedAfterExit(server.dataDir)).toEqual({ documents: [id], audited: [id] });
  }, 120_000);

  it('past SHUTDOWN_GRACE_MS aborts the upload with a Norwegian 503 and stores nothing; exits 0', async () => {
    held = new Promise((r) => (release = r));
    const server = await start(300);
    const events = upload(server.base);
    await embedding();
    server.child.kill('SIGTERM');
    // The grace period ends while the embedding is still held; the work sees the abort once it comes back.
    await new Promise((r) => setTimeout(r, 1500));
    release();
    const got = await events;
    expect(got.some((e) => e.event === 'done')).toBe(false);
    const error = got.find((e) => e.event === 'error');
    expect(error?.data).toMatchObject({ status: 503, code: 'unavailable:shutdown', title: 'Tjenesten stanses' });
    expect(error?.data.detail).toMatch(/ingenting fra den ble lagret/);
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toBe('');
    expect(await storedAfterExit(server.dataDir)).toEqual({ documents: [], audited: [] });
  }, 120_000);
});
