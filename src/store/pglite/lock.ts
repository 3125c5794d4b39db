/**
 * One owner per PGlite data directory. PGlite is PostgreSQL in one process with no shared memory between
 * processes: two processes on one directory each think they own it, and the second one's writes overwrite the
 * first's (issue 14: a server and an ingest on one DATA_DIR lost the whole store). So the first process to open a
 * directory takes a lock file beside it (`<dir>.lock`, created with `wx`: exclusive) that records its pid, its start
 * time and, for a server, its URL; any other process gets one Norwegian line naming the owner.
 *
 * The lock goes when the owner closes the store or exits (normally, by SIGINT/SIGTERM or an uncaught error). One
 * left behind by `kill -9` is stale: its pid is not alive, or it is alive but started at another time (the pid was
 * reused), and the next process takes it over.
 *
 * NOTE: beside the directory, not inside it, so that a new store's directory is empty for PGlite's initdb and a
 * restore's target stays "an empty directory".
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface LockHolder {
  pid: number;
  /** ISO time the owner took the lock, for people. */
  startedAt: string;
  /** The owner's start time in clock ticks since boot (Linux /proc), to tell a reused pid; null elsewhere. */
  processStart: string | null;
  /** host:port URL of the server holding the directory, once it listens. */
  url?: string;
}

/** A second process met a directory another one holds. Its message is the one line the CLI and server print. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `innspill (pid ${holder.pid}, startet ${holder.startedAt.replace('T', ' ').slice(0, 19)}${holder.url ? `, server på ${holder.url}` : ''})`
      : 'en annen innspill-prosess';
    super(
      `Datamappen ${dataDir} brukes allerede av ${who}. Stopp den, eller bruk DATABASE_URL (PostgreSQL) ` +
        'for å la flere prosesser dele lageret.',
    );
    this.name = 'DataDirLockedError';
  }
}

export const lockPath = (dataDir: string) => `${resolve(dataDir)}.lock`;

/** This or another process's start time from /proc, null where there is no /proc (macOS) or no such process. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may hold spaces, so count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds the directory, or null when nobody does (no lock file, or a stale one). */
export function readLockHolder(dataDir: string): LockHolder | null {
  const holder = readLockFile(lockPath(dataDir));
  return holder && holder !== 'unreadable' && holderAlive(holder) ? holder : null;
}

function readLockFile(path: string): LockHolder | 'unreadable' | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as LockHolder;
    return typeof parsed.pid === 'number' ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function holderAlive(holder: LockHolder): boolean {
  if (!alive(holder.pid)) return false;
  if (holder.pid === process.pid) return true;
  const now = processStart(holder.pid);
  return holder.processStart === null || now === null || now === holder.processStart;
}

const held = new Map<string, LockHolder>();

function releaseAll() {
  for (const path of held.keys()) release(path);
}

function release(path: string) {
  if (!held.delete(path)) return;
  const current = readLockFile(path);
  // Only our own lock: a process that took over a stale one owns the file now.
  if (current && current !== 'unreadable' && current.pid === process.pid) rmSync(path, { force: true });
}

let hooked = false;
function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', releaseAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = () => {
      // With another listener (the server's graceful stop, cli/serve.ts) the process still uses the store until it
      // exits: the lock stays, and goes on 'exit' above. Alone, our listener would swallow the signal: then release
      // and end the process as the default handler would.
      if (process.listenerCount(signal) > 1) return;
      releaseAll();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * Take the directory's lock or throw DataDirLockedError. Returns the release function (idempotent); the lock is
 * also released when the process exits.
 * @example const release = acquireDataDirLock('.data/pglite'); try { … } finally { release(); }
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const path = lockPath(dataDir);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    const holder: LockHolder = {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      processStart: processStart(process.pid),
    };
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, JSON.stringify(holder));
      } finally {
        closeSync(fd);
      }
      held.set(path, holder);
      hookExit();
      return () => release(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const current = readLockFile(path);
      if (current === 'unreadable') {
        // Being written this instant by its owner, or left half-written long ago.
        if (Date.now() - statSync(path).mtimeMs < 5000) throw new DataDirLockedError(dataDir, null);
      } else if (current && holderAlive(current)) {
        throw new DataDirLockedError(dataDir, current);
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, null);
}

/** Record the URL of the server that holds the directory, so `npm run ingest` and `npm run backup` can reach it. */
export function recordServerUrl(dataDir: string, url: string): void {
  const path = lockPath(dataDir);
  const holder = held.get(path);
  if (!holder) return;
  holder.url = url;
  writeFileSync(path, JSON.stringify(holder));
}
