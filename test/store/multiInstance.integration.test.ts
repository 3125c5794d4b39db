/**
 * Several servers on one PostgreSQL (issue 16 item 7): three real `npm start` processes started at the same moment
 * against one fresh database. The once-only steps (migrations, seeding, the HNSW build) run under advisory locks
 * (src/store/advisoryLocks.ts), so the store ends with one copy of each; writes through any server are seen by the
 * others at once (nothing of the store is cached per process on PostgreSQL, store/readCache.ts); rate limits are
 * one budget across them (migration 013); a token works on each.
 * Needs INNSPILL_TEST_DATABASE_URL (scripts/postgres.sh starts a server; .ci/run does when it can).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/http/auth/password.js';
import { openPg } from '../../src/store/db.js';
import { setPasswordHash } from '../../src/store/sessions.js';
import { createUser, setRole } from '../../src/store/users.js';
import { TEST_DATABASE_URL } from '../helpers/drivers.js';

const TOKEN = 'tre-servere-en-database';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const ADMIN_EMAIL = 'admin@testforbundet.no';
const EMAIL = 'kari@testforbundet.no';
const PASSWORD = 'korrekt hest batteri stift';

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  log: string[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function start(name: string, port: number, databaseUrl: string): Instance {
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['src/cli/serve.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SEED_DIR: 'seeds',
      API_TOKENS: TOKEN,
      // One of the three creates the first administrator; the others find a user (the startup lock).
      INNSPILL_ADMIN_EMAIL: ADMIN_EMAIL,
      // The seeds' few hundred passages are far below the shipped 2,000; at 0 each server's start-up would build
      // the index on the seeded store if the others had not.
      ANN_MIN_PASSAGES: '0',
      RATE_LIMIT_MODEL_PER_MIN: '2',
      RATE_LIMIT_WRITES_PER_MIN: '600',
      LOG_LEVEL: 'info',
      ANTHROPIC_API_KEY: '',
      OPENAI_BASE_URL: '',
      BACKUP_DIR: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout!.on('data', (b: Buffer) => log.push(b.toString()));
  child.stderr!.on('data', (b: Buffer) => log.push(b.toString()));
  return { name, url: `http://127.0.0.1:${port}`, child, log };
}

/** Resolves when /health answers; rejects with the server's output when it exits first. */
async function ready(instance: Instance, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  instance.child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${instance.name} exited ${exited}:\n${instance.log.join('')}`);
    const ok = await fetch(`${instance.url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${instance.name} not ready in ${timeoutMs} ms:\n${instance.log.join('')}`);
}

function uploadForm(text: string, filename: string): FormData {
  const fd = new FormData();
  fd.set('file', new File([new TextEncoder().encode(text)], filename));
  fd.set('organisation', 'Testforbundet Vest');
  fd.set('date', '2024-03-12');
  fd.set('kind', 'consultation_response');
  return fd;
}

const logLines = (instances: Instance[], message: string) =>
  instances.flatMap((i) => i.log.join('').split('\n')).filter((line) => line.includes(`"msg":"${message}"`));

describe.skipIf(!TEST_DATABASE_URL)(
  'Three servers on one PostgreSQL, started together (INNSPILL_TEST_DATABASE_URL; unset: skipped)',
  { shuffle: false },
  () => {
    const dbName = `innspill_multi_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    let admin: pg.Client;
    let store: pg.Client;
    let instances: Instance[] = [];
    let databaseUrl: string;

    beforeAll(async () => {
      admin = new pg.Client(TEST_DATABASE_URL);
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      const url = new URL(TEST_DATABASE_URL!);
      url.pathname = `/${dbName}`;
      databaseUrl = url.toString();
      const ports = await Promise.all([freePort(), freePort(), freePort()]);
      instances = ['A', 'B', 'C'].map((name, i) => start(name, ports[i], url.toString()));
      await Promise.all(instances.map((i) => ready(i, 240_000)));
      store = new pg.Client(url.toString());
      await store.connect();
    }, 300_000);

    afterAll(async () => {
      await Promise.all(
        instances.map(
          (i) =>
            new Promise<void>((resolve) => {
              if (i.child.exitCode !== null) return resolve();
              i.child.once('exit', () => resolve());
              i.child.kill('SIGTERM');
            }),
        ),
      );
      await store?.end();
      await admin?.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin?.end();
    }, 60_000);

    it('ends with one copy of every seed (5 documents, not 15), one HNSW index and each migration once', async () => {
      const docs = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
      expect(docs.rows[0].n).toBe(5);
      for (const i of instances) {
        const body = (await (await fetch(`${i.url}/documents`, { headers: AUTH })).json()) as { documents: unknown[] };
        expect(body.documents, i.name).toHaveLength(5);
      }
      // One server did each once-only step; the others found it done.
      expect(logLines(instances, 'seed corpus ingested')).toHaveLength(1);
      expect(logLines(instances, 'migrations applied')).toHaveLength(1);
      const migrations = await store.query<{ n: number; distinct_n: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT name)::int AS distinct_n FROM schema_migrations',
      );
      expect(migrations.rows[0].n).toBe(migrations.rows[0].distinct_n);
      expect(migrations.rows[0].n).toBeGreaterThanOrEqual(8);
      const indexes = await store.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'passages' AND indexdef ILIKE '%USING hnsw%'`,
      );
      expect(indexes.rows.map((r) => r.indexname)).toEqual(['passages_embedding_hnsw']);
    });

    it('finds an upload through one server by searching through the other two at once', async () => {
      for (const [k, through] of instances.entries()) {
        const word = `flerserverprøve${through.name.toLowerCase()}${k}`;
        const text = `Testforbundet Vest mener at ${word} må prioriteres i den nasjonale digitaliseringsstrategien.\n\nVi ber departementet om å følge opp ${word} i budsjettet for neste år.`;
        const res = await fetch(`${through.url}/documents`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}` },
          body: uploadForm(text, `${word}.txt`),
        });
        const body = (await res.json()) as { document: { id: string } };
        expect(res.status, JSON.stringify(body)).toBe(201);
        for (const other of instances.filter((i) => i !== through)) {
          for (const mode of ['text', 'hybrid'] as const) {
            const found = await fetch(`${other.url}/search`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...AUTH },
              body: JSON.stringify({ query: word, mode }),
            });
            expect(found.status).toBe(200);
            const hits = ((await found.json()) as { hits: { documentId?: string; document?: { id: string } }[] }).hits;
            expect(
              JSON.stringify(hits),
              `${mode} search through ${other.name} for an upload through ${through.name}`,
            ).toContain(`"${body.document.id}"`);
          }
          const doc = await fetch(`${other.url}/documents/${encodeURIComponent(body.document.id)}`, { headers: AUTH });
          expect(doc.status, `GET through ${other.name}`).toBe(200);
        }
      }
      const docs = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
      expect(docs.rows[0].n).toBeGreaterThanOrEqual(8);
    }, 120_000);

    it('has one first administrator, and a session signed in through one server works on the others until signed out', async () => {
      const admins = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE email = $1', [
        ADMIN_EMAIL,
      ]);
      expect(admins.rows[0].n).toBe(1);
      const db = openPg(databaseUrl, 2);
      try {
        const kari = await createUser(db, { email: EMAIL, name: 'Kari Nordmann' });
        await setRole(db, { userId: kari.id, organisation: 'Testforbundet Vest', role: 'editor' });
        await setPasswordHash(db, { email: EMAIL, hash: await hashPassword(PASSWORD) });
      } finally {
        await db.close();
      }
      const [a, b, c] = instances;
      const signIn = await fetch(`${a.url}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      for (const i of [b, c]) {
        const me = (await (await fetch(`${i.url}/session`, { headers: { cookie } })).json()) as {
          user: { email: string } | null;
        };
        expect(me.user?.email, i.name).toBe(EMAIL);
        expect((await fetch(`${i.url}/drafts`, { headers: { cookie } })).status, i.name).toBe(200);
        expect((await fetch(`${i.url}/drafts`)).status, i.name).toBe(401);
      }
      const up = await fetch(`${c.url}/documents`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: uploadForm(
          'Testforbundet Vest ber om en plan for sesjonsdeling mellom servere i kommunene.',
          'sesjon.txt',
        ),
      });
      expect(up.status, await up.clone().text()).toBe(201);
      const out = await fetch(`${b.url}/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
      expect(out.status).toBe(204);
      for (const i of instances)
        expect((await fetch(`${i.url}/drafts`, { headers: { cookie } })).status, i.name).toBe(401);
    }, 60_000);

    it('takes the API token on every server and refuses a write without it on each', async () => {
      for (const i of instances) {
        const res = await fetch(`${i.url}/documents/finnes-ikke`, { method: 'DELETE' });
        expect(res.status, i.name).toBe(401);
        const withToken = await fetch(`${i.url}/documents/finnes-ikke`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        expect(withToken.status, i.name).toBe(404);
      }
    });

    it('shares one rate-limit budget: the third model request in a minute is 429 whichever server gets it', async () => {
      const ask = (i: Instance) =>
        fetch(`${i.url}/ask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...AUTH },
          body: JSON.stringify({ question: 'Hva mener Fagforbundet om digitalisering?' }),
        });
      const [a, b, c] = instances;
      expect((await ask(a)).status).not.toBe(429);
      expect((await ask(b)).status).not.toBe(429);
      for (const i of [c, a]) {
        const res = await ask(i);
        expect(res.status, i.name).toBe(429);
        expect(((await res.json()) as { detail: string }).detail).toContain(
          'Høyst 2 forespørsler til språkmodellen i minuttet',
        );
      }
    }, 120_000);
  },
);
