/**
 * Time to ready for `npm start`: spawn the server on an empty data dir and poll GET /health until it answers 200.
 * Cold = empty dir (migrate, ingest seeds/, embed); warm = the same dir started again.
 * The checkout is first put in the state `npm install` leaves (its prepare script: dist/ built, the PGlite dump of
 * an empty cluster saved), untimed, as for someone running `npm install && npm start`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './sources.js';

export interface StartResult {
  /** From spawn to the first 200 from GET /health. */
  seconds: number;
  /** The server's own figure (readyMs in its "innspill er klar" log line): from main() to listening, i.e.
   *  config, PGlite boot, migrations, seeding. The rest of `seconds` is npm, node and loading modules. */
  appSeconds: number | null;
  /** The server's processMs: from node's start to listening, so `appSeconds` plus loading the modules. The rest of
   *  `seconds` is npm starting node, and the poll. */
  processSeconds: number | null;
  /** CPU seconds used by every process of the server's group (npm, node) until ready: about what an
   *  otherwise idle machine would take, since startup is mostly one thread. */
  cpuSeconds: number;
  documents: number;
  passages: number;
}

export interface ReadyResult {
  command: string;
  cold: StartResult;
  warm: StartResult;
}

// What the README says to run. (Before dist/ it was `tsx src/cli/serve.ts`; pass `command` to time another.)
const COMMAND = ['npm', 'start'];
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

const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux

/** utime + stime of every live process in process group `pgid`, from /proc (Linux; 0 elsewhere). */
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
        if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]); // utime stime cutime cstime
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return 0;
  }
  return Math.round((ticks / CLOCK_TICKS) * 100) / 100;
}

async function startOnce(command: string[], dataDir: string): Promise<StartResult> {
  const port = await freePort();
  const t0 = performance.now();
  // detached: the server runs in its own process group (npm → sh → node), so stopping it stops all of it.
  const child = spawn(command[0], command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout?.on('data', (b: Buffer) => (stdout += b.toString()));
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
          const readyMs = /"readyMs":(\d+)/.exec(stdout + stderr)?.[1];
          const processMs = /"processMs":(\d+)/.exec(stdout + stderr)?.[1];
          return {
            seconds: Math.round(seconds * 100) / 100,
            cpuSeconds: child.pid ? groupCpuSeconds(child.pid) : 0,
            appSeconds: readyMs ? Number(readyMs) / 1000 : null,
            processSeconds: processMs ? Number(processMs) / 1000 : null,
            documents: body.store.documents,
            passages: body.store.passages,
          };
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
export async function benchReady({ command = COMMAND }: { command?: string[] } = {}): Promise<ReadyResult> {
  execFileSync(process.execPath, ['scripts/prepare.mjs'], { cwd: ROOT, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'innspill-ready-'));
  try {
    const dataDir = join(dir, 'pglite');
    const cold = await startOnce(command, dataDir);
    const warm = await startOnce(command, dataDir);
    return { command: command.join(' '), cold, warm };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
