/**
 * Two processes meet one PGlite data directory (issue 14): a real server holds it; a second server on it exits 1
 * with one Norwegian line naming the owner while the first keeps serving; `npm run ingest` on it goes through the
 * server's API; `npm run backup` asks the server. Afterwards the store opens, every document whole.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/store/db.js';
import { lockPath } from '../../src/store/pglite/lock.js';
import { runScript } from '../helpers/cli.js';
import { DOCUMENTS } from '../helpers/documents.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-datadir-'));
const dataDir = join(dir, 'pglite');
const env = {
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  SEED_DIR: join(dir, 'no-seeds'),
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
  ANTHROPIC_API_KEY: '',
  API_TOKENS: 'hemmelig-nokkel',
  EMBEDDER: 'local',
};
let server: ChildProcess;
let holder: { pid: number; url: string };

const run = (script: string, args: string[]) => runScript(script, args, { env, timeout: 170_000 });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, probe: () => T | undefined, ms = 150_000): Promise<T> {
  for (const t0 = Date.now(); Date.now() - t0 < ms; await new Promise((r) => setTimeout(r, 200))) {
    const v = probe();
    if (v !== undefined) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  mkdirSync(join(dir, 'no-seeds'));
  writeFileSync(join(dir, 'no-seeds', 'metadata.yaml'), '[]\n');
  server = spawn(join('node_modules', '.bin', 'tsx'), ['src/cli/serve.ts'], { env, stdio: 'ignore' });
  holder = await until('the server to listen', () => {
    try {
      const h = JSON.parse(readFileSync(lockPath(dataDir), 'utf8'));
      return h.url ? h : undefined;
    } catch {
      return undefined;
    }
  });
}, 180_000);

afterAll(async () => {
  if (holder && alive(holder.pid)) process.kill(holder.pid, 'SIGKILL');
  if (server?.exitCode === null) server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

// NOTE: the tests tell one story in order (a second server is refused, files go in through the running server, a
// backup through it, then the server stops and the store is checked), so this suite opts out of the config's shuffle.
describe('one owner per data directory', { shuffle: false }, () => {
  it('a second server on the same DATA_DIR exits 1 with one Norwegian line; the first keeps serving', async () => {
    const second = await run('src/cli/serve.ts', []);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`brukes allerede av innspill (pid ${holder.pid}, startet `);
    expect(second.stderr).toContain('Stopp den, eller bruk DATABASE_URL');
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    const health = await fetch(`${holder.url}/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { disk?: { freeBytes: number } };
    expect(body.disk?.freeBytes).toBeGreaterThan(0);
  }, 180_000);

  it('npm run ingest sends the files through the running server, and a second run skips them', async () => {
    writeFileSync(join(dir, 'uttalelse.md'), '# Uttalelse\n\nKommunene må få mer ansvar for digital kompetanse.\n');
    // With a file the server refuses: named with the server's Norwegian message, the others stored, exit 2.
    const encrypted = join(dir, 'last.pdf');
    copyFileSync(join(DOCUMENTS, 'encrypted.pdf'), encrypted);
    const first = await run('src/cli/ingest.ts', [
      'seeds',
      join(dir, 'uttalelse.md'),
      encrypted,
      '--org',
      'Testforbundet',
    ]);
    expect(first.stderr).toContain(`Serveren på ${holder.url} holder lageret`);
    expect(first.code, first.stderr).toBe(2);
    expect(first.stderr).toMatch(/^Feil: Filen «last\.pdf» er passordbeskyttet/m);
    // Through a server the files are uploads, whose ids lie in their organisation's namespace
    // (src/domain/documentIds.ts): the seed «oslo-ap-…» lies in Oslo Arbeiderparti's short form and is stored, and
    // uttalelse.md, whose id came from its file name, is named by the server as Testforbundet's.
    expect(first.stderr).not.toMatch(/oslo-ap-/);
    expect(first.stdout, first.stderr).toMatch(
      /6 dokumenter lest: 6 nye, 0 erstattet, 0 med nye metadata, 0 hoppet over/,
    );
    expect(first.stdout).toMatch(/1 fil ble ikke lagret/);
    const again = await run('src/cli/ingest.ts', ['seeds', '--org', 'Testforbundet']);
    expect(again.stdout, again.stderr).toMatch(/5 dokumenter lest: 0 nye.*5 hoppet over/);
    // Counted as the caller may read (an anonymous /health is told no count on a server with tokens).
    const health = (await (
      await fetch(`${holder.url}/health`, { headers: { authorization: 'Bearer hemmelig-nokkel' } })
    ).json()) as {
      store: { documents: number; passages: number };
    };
    expect(health.store.documents).toBe(6);
    const named = await fetch(`${holder.url}/documents/testforbundet-uttalelse`, {
      headers: { authorization: 'Bearer hemmelig-nokkel' },
    });
    expect(named.status).toBe(200);
    // The same three bars as a local ingest, fed from the uploads' progress events: files read, passages embedded
    // (every stored passage, the store was empty), documents saved; each ends full, once.
    const bars = (stderr: string) => stderr.split('\n').filter((l) => / \d+\/\d+ \(\d+ %\)$/.test(l));
    const full = (label: string, n: number) => `${label} ${'█'.repeat(30)} ${n}/${n} (100 %)`;
    expect(bars(first.stderr).filter((l) => l.endsWith('(100 %)'))).toEqual([
      full('Leser     ', 7),
      full('Vektorer  ', health.store.passages),
      full('Lagrer    ', 6),
    ]);
    expect(first.stderr).not.toContain('Laster opp');
    // Nothing new: every file read, nothing embedded, nothing saved (as a local ingest of stored files shows it).
    expect(bars(again.stderr).filter((l) => l.endsWith('(100 %)'))).toEqual([
      full('Leser     ', 5),
      `Lagrer     ${'█'.repeat(30)} 0/0 (100 %)`,
    ]);
  }, 180_000);

  it('npm run backup asks the running server for the copy, into a folder it makes', async () => {
    const file = join(dir, 'kopier', 'kopi.tar.gz'); // kopier/ does not exist yet, as in a fresh clone
    const res = await run('src/cli/backup.ts', [file]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`laget av serveren på ${holder.url}`);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip
    const occupied = await run('src/cli/restore.ts', [file, '--data-dir', dataDir]);
    // The directory the server holds: restore says to stop the server, before it looks at the directory's contents.
    expect(occupied.code).toBe(4);
    expect(occupied.stderr).toContain(`Feil: serveren på ${holder.url} (pid ${holder.pid}) bruker ${dataDir}.`);
  }, 180_000);

  it('after the server stops, the lock is gone and the store opens with every document whole', async () => {
    process.kill(holder.pid, 'SIGTERM');
    await until('the server to stop', () => (alive(holder.pid) ? undefined : true));
    expect(existsSync(lockPath(dataDir))).toBe(false);
    const db = await openPglite(dataDir);
    try {
      const docs = await db.query<{ id: string; text: string }>('SELECT id, text FROM documents');
      expect(docs.rows).toHaveLength(6);
      const passages = await db.query<{ document_id: string; text: string; start_offset: number; end_offset: number }>(
        'SELECT document_id, text, start_offset, end_offset FROM passages',
      );
      expect(passages.rows.length).toBeGreaterThanOrEqual(6);
      const text = new Map(docs.rows.map((d) => [d.id, d.text]));
      for (const d of docs.rows)
        expect(
          passages.rows.some((p) => p.document_id === d.id),
          d.id,
        ).toBe(true);
      for (const p of passages.rows)
        expect(text.get(p.document_id)!.slice(p.start_offset, p.end_offset), p.document_id).toBe(p.text);
    } finally {
      await db.close();
    }
  }, 180_000);
});
