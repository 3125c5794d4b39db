/** A new PGlite store from the kept dump of an empty cluster is the same as one from initdb, and a bad dump is replaced. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { afterAll, describe, expect, it } from 'vitest';
import { wrapPglite } from '../../../src/store/db.js';
import { migrate } from '../../../src/store/migrate.js';
import { createPglite, initCacheFile } from '../../../src/store/pglite/initCache.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-initcache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = { extensions: { vector } };

/** What tells two empty clusters apart, if anything does. */
async function signature(db: PGlite) {
  const q = async (sql: string) => (await db.query(sql)).rows;
  return {
    relations: await q(`SELECT count(*)::int AS n FROM pg_class`),
    databases: await q(`SELECT datname FROM pg_database ORDER BY 1`),
    roles: await q(`SELECT rolname FROM pg_roles ORDER BY 1`),
    settings: await q(
      `SELECT current_user, current_database(), current_setting('server_version') AS v, datcollate, datctype, pg_encoding_to_char(encoding) AS enc
         FROM pg_database WHERE datname = current_database()`,
    ),
    norwegian: await q(`SELECT to_tsvector('norwegian', 'digitaliseringsstrategien og kommunene')::text AS t`),
  };
}

describe('createPglite with a kept initdb dump', () => {
  it('saves a dump at the first initdb and starts the next new store from it, the same cluster', async () => {
    const cacheDir = join(dir, 'cache-a');
    const file = initCacheFile(options, cacheDir);
    expect(file.startsWith(cacheDir)).toBe(true);

    const first = await createPglite(undefined, options, { cacheDir });
    expect(first.start).toBe('initdb');
    expect(existsSync(file)).toBe(true);
    const expected = await signature(first.db);
    await first.db.close();

    const dataDir = join(dir, 'store-a');
    const second = await createPglite(dataDir, options, { cacheDir });
    expect(second.start).toBe('from-cache');
    expect(await signature(second.db)).toEqual(expected);
    const db = wrapPglite(second.db);
    expect((await migrate(db)).length).toBeGreaterThan(0);
    await db.exec(`CREATE TABLE t (v vector(3)); INSERT INTO t VALUES ('[1,2,3]')`);
    await db.close();

    const reopened = await createPglite(dataDir, options, { cacheDir });
    expect(reopened.start).toBe('existing');
    expect((await reopened.db.query<{ v: string }>(`SELECT v::text FROM t`)).rows).toEqual([{ v: '[1,2,3]' }]);
    expect(await migrate(wrapPglite(reopened.db))).toEqual([]);
    await reopened.db.close();

    const memory = await createPglite(undefined, options, { cacheDir });
    expect(memory.start).toBe('from-cache');
    expect(await signature(memory.db)).toEqual(expected);
    await memory.db.close();
  });

  it('replaces a damaged dump by running initdb, and drops dumps of other PGlite versions', async () => {
    const cacheDir = join(dir, 'cache-b');
    const file = initCacheFile(options, cacheDir);
    const stale = join(cacheDir, 'pglite-0.0.1-initdb.tar');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, 'not a tarball');
    writeFileSync(stale, 'an old dump');

    const dataDir = join(dir, 'store-b');
    const { db, start } = await createPglite(dataDir, options, { cacheDir });
    expect(start).toBe('initdb');
    expect((await db.query<{ n: number }>(`SELECT 1 AS n`)).rows).toEqual([{ n: 1 }]);
    await db.close();
    expect(statSync(file).size).toBeGreaterThan(1_000_000);
    expect(existsSync(stale)).toBe(false);
  });

  it('names the dump after the options that reach initdb, not the extensions', () => {
    const base = initCacheFile({}, dir);
    expect(initCacheFile(options, dir)).toBe(base);
    expect(initCacheFile({ username: 'other' }, dir)).not.toBe(base);
  });
});
