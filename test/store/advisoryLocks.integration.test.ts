/**
 * The once-only steps on PostgreSQL (src/store/advisoryLocks.ts): steps under one lock never overlap across pools
 * (as across servers), a step that throws releases the lock, and three pools building the HNSW index at once end
 * with one index and no error. Needs INNSPILL_TEST_DATABASE_URL; PGlite has no such lock (one process per store).
 */
import { describe, expect, it } from 'vitest';
import { ADVISORY_LOCKS, onceAcrossInstances } from '../../src/store/advisoryLocks.js';
import { ensureAnnIndex } from '../../src/store/ann.js';
import { openPg, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { postgresDriver, TEST_DATABASE_URL } from '../helpers/drivers.js';
import { seededStore } from '../helpers/runtime.js';

/** n more pools on the database of `db`, as n more servers would open. */
async function morePools(db: Db, n: number): Promise<Db[]> {
  const { rows } = await db.query<{ name: string }>('SELECT current_database() AS name');
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${rows[0].name}`;
  return Array.from({ length: n }, () => openPg(url.toString(), 2));
}

describe.skipIf(!TEST_DATABASE_URL)('Advisory locks on PostgreSQL (INNSPILL_TEST_DATABASE_URL; unset: skipped)', () => {
  it('runs the steps of three pools under one lock one after another, and a failed step releases it', async () => {
    const { db, close } = await postgresDriver();
    const pools = await morePools(db, 3);
    try {
      const events: string[] = [];
      await Promise.all(
        pools.map((pool, i) =>
          onceAcrossInstances(pool, ADVISORY_LOCKS.startup, async () => {
            events.push(`start ${i}`);
            // Other pools' statements go on meanwhile; only the steps under the lock wait.
            await pool.query('SELECT pg_sleep(0.2)');
            events.push(`end ${i}`);
          }),
        ),
      );
      for (let k = 0; k < events.length; k += 2) {
        expect(events[k]).toMatch(/^start /);
        expect(events[k + 1]).toBe(events[k].replace('start', 'end'));
      }
      await expect(
        onceAcrossInstances(pools[0], ADVISORY_LOCKS.startup, async () => {
          throw new Error('migrering feilet');
        }),
      ).rejects.toThrow('migrering feilet');
      expect(await onceAcrossInstances(pools[1], ADVISORY_LOCKS.startup, async () => 'fikk låsen')).toBe('fikk låsen');
    } finally {
      await Promise.all(pools.map((p) => p.close()));
      await close();
    }
  }, 60_000);

  it('builds one HNSW index when three pools ask for it at once', async () => {
    const { db, close } = await postgresDriver();
    const pools = await morePools(db, 3);
    try {
      await migrate(db);
      await seededStore(db);
      const built = await Promise.all(pools.map((pool) => ensureAnnIndex(pool, { minPassages: 0 })));
      expect(built.filter(Boolean)).toHaveLength(1);
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'passages' AND indexdef ILIKE '%USING hnsw%'`,
      );
      expect(rows[0].n).toBe(1);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
      await close();
    }
  }, 120_000);
});
