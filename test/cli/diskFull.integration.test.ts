/**
 * A full disk (issue 14): on a small tmpfs, a write to a running server is a 507 with a Norwegian "nothing was
 * saved" and /health shows the free space; the same server goes on answering and, once space is freed, stores again;
 * a restart on the full disk stops with one line saying the disk is full; once space is freed, the server starts
 * and what was acknowledged is there. Needs root to mount a tmpfs; skipped
 * with the reason where it cannot.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/store/pglite/lock.js';

const mnt = mkdtempSync(join(tmpdir(), 'innspill-diskfull-'));
const seeds = mkdtempSync(join(tmpdir(), 'innspill-diskfull-seeds-'));
writeFileSync(join(seeds, 'metadata.yaml'), '[]\n');

/** Mount a 96 MB tmpfs (an empty store needs ~60 MB with its first WAL segment), or say why not. */
function mountTmpfs(): string | null {
  if (process.platform !== 'linux') return 'tmpfs-montering finnes bare på Linux';
  if (process.getuid?.() !== 0) return 'må kjøres som root for å montere en tmpfs';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', mnt], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `kunne ikke montere tmpfs: ${(err as Error).message.split('\n')[0]}`;
  }
}
const skipReason = mountTmpfs();
if (skipReason) console.warn(`diskFull.integration.test.ts hoppet over: ${skipReason}`);

const dataDir = join(mnt, 'pglite');
const filler = join(mnt, 'filler');
const env = {
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  SEED_DIR: seeds,
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
  ANTHROPIC_API_KEY: '',
  API_TOKENS: '',
  EMBEDDER: 'local',
  BACKUP_DIR: '',
};
const servers: ChildProcess[] = [];
const pids: number[] = [];

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

async function startServer(): Promise<{ pid: number; url: string }> {
  rmSync(lockPath(dataDir), { force: true });
  servers.push(spawn(join('node_modules', '.bin', 'tsx'), ['src/cli/serve.ts'], { env, stdio: 'ignore' }));
  const holder = await until('the server to listen', () => {
    try {
      const h = JSON.parse(readFileSync(lockPath(dataDir), 'utf8'));
      return h.url ? (h as { pid: number; url: string }) : undefined;
    } catch {
      return undefined;
    }
  });
  pids.push(holder.pid);
  return holder;
}

async function killServer(pid: number) {
  process.kill(pid, 'SIGKILL');
  await until('the server to die', () => (alive(pid) ? undefined : true));
}

/** Fill the filesystem with a plain file until it is full. */
function fillDisk() {
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(1024 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    for (let size = 64 * 1024; size >= 512; size /= 2)
      try {
        for (;;) writeSync(fd, chunk.subarray(0, size));
      } catch {
        // smaller pieces until nothing fits
      }
  } finally {
    closeSync(fd);
  }
}

const upload = (url: string, name: string, text: string) => {
  const form = new FormData();
  form.set('file', new Blob([text]), name);
  form.set('organisation', 'Testforbundet');
  form.set('date', '2024');
  return fetch(`${url}/documents`, { method: 'POST', body: form, signal: AbortSignal.timeout(60_000) });
};

afterAll(async () => {
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const s of servers) if (s.exitCode === null) s.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  if (!skipReason) execFileSync('umount', ['-l', mnt]);
  rmSync(mnt, { recursive: true, force: true });
  rmSync(seeds, { recursive: true, force: true });
});

describe.skipIf(skipReason)('disk full (tmpfs)', () => {
  it('answers 507, refuses to start on the full disk with the reason, and keeps what was acknowledged', async () => {
    const first = await startServer();
    const stored = await upload(first.url, 'foer.md', '# Før\n\nDette ble lagret før disken ble full.\n');
    expect(stored.status).toBe(201);

    fillDisk();
    const health = (await (await fetch(`${first.url}/health`)).json()) as { disk?: { freeBytes: number } };
    expect(health.disk!.freeBytes).toBeLessThan(64 * 1024);

    // Enough text to need a new WAL segment on the full disk.
    const big = Array.from({ length: 4000 }, (_, i) => `Avsnitt ${i}: ${'kommunene må få mer ansvar '.repeat(8)}`);
    const res = await upload(first.url, 'stor.md', `# Stor\n\n${big.join('\n\n')}\n`);
    expect(res.status).toBe(507);
    const problem = (await res.json()) as { code: string; title: string; detail: string };
    expect(problem.code).toBe('insufficient_storage:disk');
    expect(problem.title).toBe('Disken er full');
    expect(problem.detail).toMatch(/ingenting ble lagret/);

    // The same server after its 507: reads answer, and once space is freed a write goes through (PGlite did not
    // hang on the query after the failed one).
    const within = { signal: AbortSignal.timeout(60_000) };
    expect((await fetch(`${first.url}/health`, within)).status).toBe(200);
    const search = await fetch(`${first.url}/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'disken' }),
      signal: AbortSignal.timeout(60_000),
    });
    expect(search.status).toBe(200);
    rmSync(filler);
    const later = await upload(first.url, 'etter.md', '# Etter\n\nDette ble lagret etter at det ble plass igjen.\n');
    expect(later.status, await later.clone().text()).toBe(201);
    await killServer(first.pid);

    // A restart on the full disk stops at once with one Norwegian line saying so.
    fillDisk();
    rmSync(lockPath(dataDir), { force: true });
    const child = spawn(join('node_modules', '.bin', 'tsx'), ['src/cli/serve.ts'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    servers.push(child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
    const code = await until('the restart to stop', () => child.exitCode ?? undefined);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Oppstart feilet: disken med datamappen .* er full \(\d+ kB ledig\)/);
    expect(stderr).toContain('Frigjør plass og start på nytt');
    expect(stderr.trim().split('\n')).toHaveLength(1);

    rmSync(filler);
    const again = await startServer();
    const after = (await (await fetch(`${again.url}/health`)).json()) as { store: { documents: number } };
    expect(after.store.documents).toBe(2);
    await killServer(again.pid);
  }, 400_000);
});
