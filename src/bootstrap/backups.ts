/**
 * The server's own daily backups (BACKUP_DIR, BACKUP_KEEP): one at start-up when the newest is older than a day
 * (or there is none), then one every 24 h, keeping the newest BACKUP_KEEP. Each is written to a temporary name and
 * renamed when whole, so a copy in the directory is always a complete one.
 */
import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../log.js';
import { BACKUP_EXTENSION, dumpStore } from '../store/backup.js';
import type { Db } from '../store/db.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^innspill-\d{8}T\d{6}Z\.(tar\.gz|sql)$/;

export interface BackupScheduleOptions {
  db: Db;
  databaseUrl?: string;
  dir: string;
  keep: number;
  logger: Logger;
  /** For tests: the interval between copies. */
  intervalMs?: number;
}

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): { file: string; mtimeMs: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => NAME.test(n))
    .map((n) => ({ file: join(dir, n), mtimeMs: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs || b.file.localeCompare(a.file));
}

/** Write one backup into `dir` and prune to the newest `keep`; returns its path. */
export async function backupNow({
  db,
  databaseUrl,
  dir,
  keep,
}: Omit<BackupScheduleOptions, 'logger'>): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const dump = await dumpStore(db, databaseUrl);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const file = join(dir, `innspill-${stamp}${BACKUP_EXTENSION[dump.format]}`);
  const tmp = `${file}.partial`;
  try {
    await pipeline(dump.stream, createWriteStream(tmp));
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  for (const old of listBackups(dir).slice(keep)) rmSync(old.file, { force: true });
  return file;
}

/** Start the schedule; returns a function that stops it. Failures are logged, never thrown: serving goes on. */
export function scheduleBackups(opts: BackupScheduleOptions): () => void {
  const { logger, intervalMs = DAY_MS } = opts;
  const run = async () => {
    try {
      const file = await backupNow(opts);
      logger.info({ file, keep: opts.keep }, 'backup written');
    } catch (err) {
      logger.error({ err, dir: opts.dir }, 'backup failed');
    }
  };
  const newest = listBackups(opts.dir)[0];
  const due = !newest || Date.now() - newest.mtimeMs >= intervalMs;
  if (due) void run();
  else logger.info({ newest: newest.file }, 'latest backup is less than a day old');
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
