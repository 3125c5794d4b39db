/**
 * Time to ready for `npm start`: spawn the server on an empty data dir and poll GET /health until it answers 200.
 * Cold = empty dir (migrate, ingest seeds/, embed); warm = the same dir started again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './sources.js';

export interface StartResult {
  seconds: number;
  documents: number;
  passages: number;
}

export interface ReadyResult {
  command: string;
  cold: StartResult;
  warm: StartResult;
}

const COMMAND = ['npx', 'tsx', 'src/cli/serve.ts'];
const TIMEOUT_MS = 120_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function startOnce(dataDir: string): Promise<StartResult> {
  const port = await freePort();
  const t0 = performance.now();
  // detached: the server runs in its own process group (npx → node), so stopping it stops all of it.
  const child = spawn(COMMAND[0], COMMAND.slice(1), {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  try {
    while (performance.now() - t0 < TIMEOUT_MS) {
      if (exitCode !== undefined) throw new Error(`server exited (${exitCode}) before ready:\n${stderr.slice(-2000)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.status === 200) {
          const seconds = (performance.now() - t0) / 1000;
          const body = (await res.json()) as { store: { documents: number; passages: number } };
          return { seconds: Math.round(seconds * 100) / 100, documents: body.store.documents, passages: body.store.passages };
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`server not ready after ${TIMEOUT_MS / 1000} s:\n${stderr.slice(-2000)}`);
  } finally {
    if (exitCode === undefined && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  }
}

/** Start the server twice on a fresh data dir: first empty (seeds ingested), then again on what it stored. */
export async function benchReady(): Promise<ReadyResult> {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-ready-'));
  try {
    const dataDir = join(dir, 'pglite');
    const cold = await startOnce(dataDir);
    const warm = await startOnce(dataDir);
    return { command: COMMAND.join(' '), cold, warm };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
