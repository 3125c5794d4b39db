/**
 * Whether a file is a PGlite backup (`npm run backup`): a gzipped tar of a data directory, recognised by the
 * data directory's own `PG_VERSION` at its root. Checked before restoring, so a wrong file is refused in Norwegian
 * and nothing is written to the target directory (PGlite itself would fail later, in English, mid-way).
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

const BLOCK = 512;

/** Tar member names PGlite writes for the data directory's version file. */
const VERSION_FILE = /^(\.?\/)?PG_VERSION$/;

/**
 * Walks the tar headers of the gunzipped stream until the root `PG_VERSION` shows up; stops reading there.
 * @example await isPgliteBackup('kopier/innspill.tar.gz') // true; a .zip or a text file: false
 */
export async function isPgliteBackup(file: string): Promise<boolean> {
  const gunzip = createReadStream(file).pipe(createGunzip());
  let buffered = Buffer.alloc(0);
  /** Bytes still to skip (the current member's content, padded to whole blocks). */
  let skip = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        if (skip > 0) {
          const n = Math.min(skip, buffered.length);
          buffered = buffered.subarray(n);
          skip -= n;
          if (skip > 0) break;
        }
        if (buffered.length < BLOCK) break;
        const header = buffered.subarray(0, BLOCK);
        buffered = buffered.subarray(BLOCK);
        if (header.every((b) => b === 0)) return false; // end of archive, no PG_VERSION
        if (header.subarray(257, 262).toString('latin1') !== 'ustar') return false;
        const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
        if (VERSION_FILE.test(name)) return true;
        const size = parseInt(header.subarray(124, 136).toString('latin1').replace(/\0.*$/s, '').trim() || '0', 8);
        if (!Number.isFinite(size)) return false;
        skip = Math.ceil(size / BLOCK) * BLOCK;
      }
    }
    return false;
  } catch {
    // Not gzip, or cut short: not a backup this command can restore.
    return false;
  } finally {
    gunzip.destroy();
  }
}
