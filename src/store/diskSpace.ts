/**
 * Free space on the filesystem that holds the store's data directory: /health reports it, and a start-up that
 * fails on a nearly full disk says that this is why (PGlite itself only says it "failed to initialize properly").
 */
import { statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Below this, a failed start-up is put down to the full disk. */
export const LOW_DISK_BYTES = 64 * 1024 * 1024;

/** Bytes free to this process on the filesystem holding `dir` (or its nearest existing parent); null when unknown. */
export function freeBytes(dir: string): number | null {
  if (dir.startsWith('memory://')) return null;
  for (let d = resolve(dir); ; d = dirname(d)) {
    try {
      const s = statfsSync(d);
      return Number(s.bavail) * Number(s.bsize);
    } catch {
      if (dirname(d) === d) return null;
    }
  }
}

/** The one Norwegian line for a start-up that failed on a full disk, or null when the disk is not the reason. */
export function diskFullAtStartup(dataDir: string, err: unknown): string | null {
  const free = freeBytes(dataDir);
  if (free === null) return null;
  const message = err instanceof Error ? err.message : String(err);
  const diskLike = /no space left|could not extend|ENOSPC|failed to initialize|Aborted/i.test(message);
  if (!diskLike || free >= LOW_DISK_BYTES) return null;
  const mb = (free / 1024 / 1024).toLocaleString('nb-NO', { maximumFractionDigits: 1 });
  return (
    `Oppstart feilet: disken med datamappen ${dataDir} er full (${mb} MB ledig), så lageret kan ikke åpnes. ` +
    'Frigjør plass og start på nytt; det som var lagret, er i behold.'
  );
}

/**
 * Below this much free space a server does not start: PGlite would fail at once or at the first write (a new WAL
 * segment alone is 16 MB). Small on purpose, so only a disk that is in truth full is refused this way; a start-up
 * that fails with a little more free is explained by diskFullAtStartup.
 */
export const MIN_FREE_TO_START_BYTES = 1024 * 1024;

/**
 * The one Norwegian line refusing to start on a full disk (checked before the store is opened), or null.
 * @example const full = diskFullBeforeStart(config.DATA_DIR); if (full) fail(full);
 */
export function diskFullBeforeStart(dataDir: string): string | null {
  const free = freeBytes(dataDir);
  if (free === null || free >= MIN_FREE_TO_START_BYTES) return null;
  const kb = Math.floor(free / 1024).toLocaleString('nb-NO');
  return (
    `Oppstart feilet: disken med datamappen ${dataDir} er full (${kb} kB ledig), så lageret kan ikke åpnes. ` +
    'Frigjør plass og start på nytt; det som var lagret, er i behold.'
  );
}
