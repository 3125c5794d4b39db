/**
 * hnsw.ef_search follows the store's size: 100 for small stores, 200 from EF_SEARCH_LARGE_FROM passages, on
 * PGlite by tuneEfSearch and on pg whenever a pool connection opens.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EF_SEARCH_LARGE_FROM, ensureAnnIndex, tuneEfSearch } from '../../src/store/ann.js';
import { wrapPglite } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { pgOverSocket } from '../helpers/drivers.js';

const SHOW = `SELECT current_setting('hnsw.ef_search') AS ef`;

// pg 8 queues a statement sent on a connection that is still running one, with a deprecation warning (once per
// process); pg 9 will refuse it. The tuning must be awaited before the statement, not queued beside it.
const overlapping: string[] = [];
const onWarning = (w: Error) => void (/already executing a query/.test(w.message) && overlapping.push(w.message));
beforeAll(() => void process.on('warning', onWarning));
afterAll(() => void process.off('warning', onWarning));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function migratedPglite() {
  const pglite = await PGlite.create({ extensions: { vector } });
  cleanups.push(() => pglite.close());
  const db = wrapPglite(pglite);
  await migrate(db);
  return { pglite, db };
}

describe('ef_search by store size', () => {
  it('is 100 for a small store and 200 once it holds EF_SEARCH_LARGE_FROM passages', async () => {
    const { db } = await migratedPglite();
    await db.query(`SELECT set_config('hnsw.ef_search', '7', false)`);
    expect(await tuneEfSearch(db)).toBe(100);
    expect((await db.query<{ ef: string }>(SHOW)).rows[0].ef).toBe('100');
    // The count is corpus_stats' (kept by the passages triggers); set it directly rather than insert 20k rows.
    await db.query('UPDATE corpus_stats SET passages = $1', [EF_SEARCH_LARGE_FROM - 1]);
    expect(await tuneEfSearch(db)).toBe(100);
    await db.query('UPDATE corpus_stats SET passages = $1', [EF_SEARCH_LARGE_FROM]);
    await ensureAnnIndex(db, { minPassages: Number.MAX_SAFE_INTEGER });
    expect((await db.query<{ ef: string }>(SHOW)).rows[0].ef).toBe('200');
  });

  it('is set on every new pg connection', async () => {
    const { pglite, db } = await migratedPglite();
    await db.query(`SELECT set_config('hnsw.ef_search', '7', false)`);
    const { db: pg, close } = await pgOverSocket(pglite);
    cleanups.push(close);
    expect((await pg.query<{ ef: string }>(SHOW)).rows[0].ef).toBe('100');
  });

  it('follows a write on pg connections that are already open', async () => {
    const { pglite } = await migratedPglite();
    const { db: pg, close } = await pgOverSocket(pglite);
    cleanups.push(close);
    expect((await pg.query<{ ef: string }>(SHOW)).rows[0].ef).toBe('100');
    // The same connection, no tuneEfSearch: the write alone makes its next use set ef_search again.
    await pg.transaction(
      async (tx) => void (await tx.query('UPDATE corpus_stats SET passages = $1', [EF_SEARCH_LARGE_FROM])),
    );
    expect((await pg.query<{ ef: string }>(SHOW)).rows[0].ef).toBe('200');
  });

  it('is set before the statement on the same connection, never sent beside it', async () => {
    const { pglite } = await migratedPglite();
    const { db: pg, close } = await pgOverSocket(pglite);
    cleanups.push(close);
    await Promise.all([pg.query(SHOW), pg.query(SHOW), pg.exec('SELECT 1')]);
    await pg.transaction(
      async (tx) => void (await tx.query('UPDATE corpus_stats SET passages = $1', [EF_SEARCH_LARGE_FROM])),
    );
    expect((await pg.query<{ ef: string }>(SHOW)).rows[0].ef).toBe('200');
    // Warnings are emitted on the next tick.
    await new Promise((r) => setImmediate(r));
    expect(overlapping).toEqual([]);
  });
});
