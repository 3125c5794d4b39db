/** One owner per data directory (src/store/pglite/lock.ts): a held lock refuses, a stale one is taken over. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, readLockHolder, recordServerUrl } from '../../../src/store/db.js';
import { lockPath } from '../../../src/store/pglite/lock.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that is certainly not alive: a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('the data directory lock', () => {
  it('refuses a second owner with one Norwegian line naming the pid, and lets go on release', () => {
    const dataDir = join(dir, 'a');
    const release = acquireDataDirLock(dataDir);
    recordServerUrl(dataDir, 'http://127.0.0.1:8787');
    const err = (() => {
      try {
        acquireDataDirLock(dataDir);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DataDirLockedError);
    const message = (err as Error).message;
    expect(message).toContain(`brukes allerede av innspill (pid ${process.pid}, startet `);
    expect(message).toContain('server på http://127.0.0.1:8787');
    expect(message).toContain('Stopp den, eller bruk DATABASE_URL');
    expect(message).not.toContain('\n');
    expect(readLockHolder(dataDir)).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:8787' });
    release();
    expect(existsSync(lockPath(dataDir))).toBe(false);
    expect(readLockHolder(dataDir)).toBeNull();
    acquireDataDirLock(dataDir)();
  });

  it('takes over a lock whose process is gone', () => {
    const dataDir = join(dir, 'b');
    const pid = deadPid();
    writeFileSync(lockPath(dataDir), JSON.stringify({ pid, startedAt: '2026-01-01T00:00:00Z', processStart: null }));
    expect(readLockHolder(dataDir)).toBeNull();
    const release = acquireDataDirLock(dataDir);
    expect(JSON.parse(readFileSync(lockPath(dataDir), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose pid now belongs to another process', () => {
    const dataDir = join(dir, 'c');
    // The parent's pid is alive, but it did not start at the recorded time: the pid was reused.
    writeFileSync(
      lockPath(dataDir),
      JSON.stringify({ pid: process.ppid, startedAt: '2026-01-01T00:00:00Z', processStart: '1' }),
    );
    const release = acquireDataDirLock(dataDir);
    expect(JSON.parse(readFileSync(lockPath(dataDir), 'utf8')).pid).toBe(process.pid);
    release();
  });
});
