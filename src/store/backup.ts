/**
 * Backups of the whole store, and restoring one. PGlite: its own `dumpDataDir` (a gzipped tarball of the data
 * directory, taken between two statements and so consistent) and `loadDataDir` into an empty directory. PostgreSQL
 * (DATABASE_URL): `pg_dump`, plain SQL, when it is on PATH; restoring that is psql's job.
 */
import { spawn } from 'node:child_process';
import { existsSync, openAsBlob, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { isPgliteBackup } from './backupArchive.js';
import type { Db } from './driver.js';
import { openPglite } from './pglite/open.js';

export interface StoreDump {
  /** The backup's bytes. */
  stream: Readable;
  /** What the file holds, and so its usual extension. */
  format: 'pglite' | 'sql';
}

export const BACKUP_EXTENSION = { pglite: '.tar.gz', sql: '.sql' } as const;

/**
 * A consistent dump of the open store: the PGlite data directory, or `pg_dump` of DATABASE_URL.
 * @example const { stream } = await dumpStore(db); stream.pipe(createWriteStream('innspill.tar.gz'));
 */
export async function dumpStore(db: Db, databaseUrl?: string): Promise<StoreDump> {
  if (db.dumpDataDir) {
    const blob = await db.dumpDataDir();
    return { stream: Readable.fromWeb(blob.stream() as import('node:stream/web').ReadableStream), format: 'pglite' };
  }
  if (!databaseUrl) throw new AppError('unavailable:backup', { detail: 'Lageret kan ikke sikkerhetskopieres.' });
  return { stream: await pgDump(databaseUrl), format: 'sql' };
}

/** `pg_dump` of the database as plain SQL, or a Norwegian error saying it is missing. */
function pgDump(databaseUrl: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--no-owner', '--format=plain', `--dbname=${databaseUrl}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new AppError('unavailable:backup', {
              detail:
                'Fant ikke pg_dump på PATH. Installer PostgreSQL-klientverktøyene (samme hovedversjon som serveren) og prøv igjen.',
              cause: err,
            })
          : err,
      ),
    );
    child.on('spawn', () => resolve(child.stdout));
    child.on('close', (code) => {
      if (code !== 0) child.stdout.destroy(new Error(`pg_dump avsluttet med kode ${code}: ${stderr.trim()}`));
    });
  });
}

/** Whether a directory is missing or empty: the only place a backup is restored to. */
export function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Restore a PGlite backup (`npm run backup`) into `dataDir`, which must be empty or missing. Takes the directory's
 * lock while it writes. A file that is not such a backup is refused before the directory is touched.
 */
export async function restorePgliteBackup(file: string, dataDir: string): Promise<void> {
  if (!isEmptyDir(dataDir))
    throw new AppError('conflict:data_dir', {
      detail: `Mappen ${dataDir} er ikke tom. Gjenopprett til en tom eller ny mappe (--data-dir), så blir ingenting overskrevet.`,
    });
  if (file.endsWith('.sql'))
    throw new AppError('bad_request:body', {
      detail: `${file} er en SQL-kopi fra PostgreSQL; les den inn med psql: psql "$DATABASE_URL" -f ${file}`,
    });
  if (!(await isPgliteBackup(file)))
    throw new AppError('bad_request:body', {
      detail: `${file} er ikke en sikkerhetskopi fra innspill (npm run backup lager en tar.gz av lageret). Ingenting ble skrevet til ${dataDir}.`,
    });
  const db = await openPglite(dataDir, { loadDataDir: await openAsBlob(file) });
  await db.close();
}
