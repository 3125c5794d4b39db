/** VACUUM ANALYZE after a bulk write: runs on a large write (outside any transaction), not on a small one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tidyAfterBulkWrite } from '../../src/store/maintenance.js';
import type { Db } from '../../src/store/db.js';
import { seededStore } from '../helpers/runtime.js';

let db: Db;
beforeAll(async () => {
  ({ db } = await seededStore());
});
afterAll(async () => db.close());

const analyzed = async () =>
  (
    await db.query<{ n: number }>(
      `SELECT coalesce(max(analyze_count + autoanalyze_count), 0)::int AS n FROM pg_stat_user_tables WHERE relname = 'passages'`,
    )
  ).rows[0].n;

describe('tidyAfterBulkWrite', () => {
  it('leaves a small write alone and analyses after a bulk one', async () => {
    const before = await analyzed();
    expect(await tidyAfterBulkWrite(db, 57)).toBe(false);
    expect(await analyzed()).toBe(before);
    expect(await tidyAfterBulkWrite(db, 57, { minPassages: 10 })).toBe(true);
    expect(await analyzed()).toBeGreaterThan(before);
    // The planner now knows how many passages there are.
    const { rows } = await db.query<{ reltuples: number; n: number }>(
      `SELECT reltuples, (SELECT count(*)::int FROM passages) AS n FROM pg_class WHERE relname = 'passages'`,
    );
    expect(Number(rows[0].reltuples)).toBe(Number(rows[0].n));
  });
});
