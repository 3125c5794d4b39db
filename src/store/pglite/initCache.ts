/**
 * Opens PGlite, starting a new cluster from a kept dump of an empty one instead of running initdb again.
 *
 * Why: on a 2-core machine PGlite takes ~2.5–4 s to create a new data dir (or memory:// store), most of it initdb
 * inside WASM, against ~0.6 s to open an existing one; loading a dump of an empty cluster takes ~0.9 s.
 *
 * Why it is sound: for a new data dir PGlite 0.5 itself runs initdb in a second, temporary instance, dumps that
 * instance's data directory to a tarball (`dumpDataDir`) and loads the tarball into the real one. We keep such a
 * tarball — the dump of a cluster PGlite has just created, taken before anything of ours runs in it — and pass it
 * as `loadDataDir`, PGlite's documented way to start from a dump; what is skipped is only repeating initdb. The
 * dump holds no schema or data of ours (migrations and seeding run after it, as on any new store), so it does not
 * go stale when migrations or seeds change; it depends only on the PGlite build and the options that reach initdb,
 * which make up its file name. It is made on the machine by the installed PGlite, never committed.
 *
 * Where: node_modules/.cache/innspill/, the usual place for tools' caches, so it goes when node_modules (and the
 * PGlite build it came from) goes. `npm install` makes it (the prepare script, scripts/prepare.mjs); otherwise the
 * first open that had to run initdb saves one (~0.3 s, once). A dump that cannot be read or loaded is deleted and
 * the cluster is initialised the ordinary way; saving is best effort (a read-only node_modules only costs time).
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  openAsBlob,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';

const DEFAULT_INIT_CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/innspill/', import.meta.url));

/** Options that change what initdb writes; any of them set makes a different dump. */
const INITDB_OPTIONS = ['username', 'database', 'initDbStartParams', 'fsBundle', 'noInitDb'] as const;

let pgliteVersion: string | undefined;
function installedPgliteVersion(): string {
  if (!pgliteVersion) {
    // NOTE: the package exports no ./package.json; its entry point sits in dist/, one level below it.
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    pgliteVersion = String(JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')).version);
  }
  return pgliteVersion;
}

/** The dump's path for this PGlite build and these options. */
export function initCacheFile(options: PGliteOptions = {}, cacheDir = DEFAULT_INIT_CACHE_DIR): string {
  const relevant = Object.fromEntries(
    INITDB_OPTIONS.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]),
  );
  const suffix = Object.keys(relevant).length
    ? `-${createHash('sha1').update(JSON.stringify(relevant)).digest('hex').slice(0, 12)}`
    : '';
  return join(cacheDir, `pglite-${installedPgliteVersion()}${suffix}-initdb.tar`);
}

/** A data dir that holds nothing yet: PGlite would run initdb there. */
function isNew(dataDir: string): boolean {
  try {
    return readdirSync(dataDir).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

export interface CreatePgliteOptions {
  /** Where dumps are kept; DEFAULT_INIT_CACHE_DIR unless a test says otherwise. */
  cacheDir?: string;
}

/** How createPglite started the cluster. */
export type ClusterStart = 'existing' | 'from-cache' | 'initdb' | 'given-dump';

/**
 * PGlite.create(dataDir, options), with a new cluster loaded from the kept dump when there is one.
 * @param dataDir a directory (its parent must exist), or undefined for an in-memory store.
 */
export async function createPglite(
  dataDir: string | undefined,
  options: PGliteOptions,
  { cacheDir = DEFAULT_INIT_CACHE_DIR }: CreatePgliteOptions = {},
): Promise<{ db: PGlite; start: ClusterStart }> {
  if (dataDir !== undefined && !isNew(dataDir)) return { db: await PGlite.create(dataDir, options), start: 'existing' };
  if (options.loadDataDir) return { db: await PGlite.create(dataDir, options), start: 'given-dump' };
  const file = initCacheFile(options, cacheDir);
  if (existsSync(file)) {
    try {
      return {
        db: await PGlite.create(dataDir, { ...options, loadDataDir: await openAsBlob(file) }),
        start: 'from-cache',
      };
    } catch {
      // A damaged or unusable dump: forget it, undo what the load wrote (the dir held nothing before) and run initdb.
      rmSync(file, { force: true });
      if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const db = await PGlite.create(dataDir, options);
  await saveInitCache(db, file).catch(() => undefined);
  return { db, start: 'initdb' };
}

/** Dump a cluster that PGlite has just created (nothing of ours in it yet) to file. */
async function saveInitCache(db: PGlite, file: string): Promise<void> {
  // NOTE: the dump is a copy of the data directory's files; a checkpoint first writes out every page the start may
  // have left in PostgreSQL's buffers, so the files alone are the whole cluster.
  await db.exec('CHECKPOINT');
  const dump = await db.dumpDataDir('none');
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, new Uint8Array(await dump.arrayBuffer()));
    // NOTE: rename, so a concurrent open (parallel test workers) never loads half a file.
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  // Dumps of other PGlite builds (before an upgrade) will not be used again: 40 MB each.
  const current = `pglite-${installedPgliteVersion()}-`;
  for (const name of readdirSync(dirname(file))) {
    if (/^pglite-.+-initdb\.tar$/.test(name) && !name.startsWith(current))
      rmSync(join(dirname(file), name), { force: true });
  }
}
