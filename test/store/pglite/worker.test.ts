/**
 * PGlite on its worker thread (src/store/pglite/workerHost.ts), the driver a data directory gets: statements run
 * there while this thread keeps turning; transactions commit and roll back as in-process; errors arrive with the
 * fields our code reads (SQLSTATE → 409/507 mapping); the write count readCache.ts relies on moves as in-process;
 * a dump restores; a worker that dies fails every statement with `unavailable:store` instead of hanging.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, toAppError } from '../../../src/errors.js';
import { openPglite, wrapPglite, type Db } from '../../../src/store/db.js';
import { PgliteWorker } from '../../../src/store/pglite/workerHost.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-pglite-worker-'));
let db: Db;

beforeAll(async () => {
  db = await openPglite(join(dir, 'store'));
  await db.exec(`CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, tags text[], meta jsonb, at timestamptz)`);
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (d: Db = db) => (await d.query<{ n: number }>(`SELECT count(*)::int AS n FROM items`)).rows[0].n;

/** The error a promise rejects with. */
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err as Error & Record<string, unknown>,
  );

describe('PGlite on its worker thread', () => {
  it('is what openPglite gives a data directory, and this thread keeps turning while a statement runs', async () => {
    let turns = 0;
    let running = true;
    const spin = async () => {
      while (running) {
        await new Promise((r) => setTimeout(r, 1));
        turns++;
      }
    };
    const spinning = spin();
    // Heavy enough to take a while inside PostgreSQL; in-process it would hold this thread for all of it.
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM generate_series(1, 3000000) g WHERE g % 7 = 0`,
    );
    running = false;
    await spinning;
    expect(rows[0].n).toBe(428571);
    expect(turns).toBeGreaterThanOrEqual(10); // in-process: 1 (measured)
  });

  it('round-trips values: arrays, JSON, timestamps, NULL', async () => {
    const at = new Date('2025-03-01T12:00:00Z');
    await db.query(`INSERT INTO items VALUES ($1, $2, $3, $4, $5)`, [100, 'verdi', ['a', 'ø'], { k: [1, 2] }, at]);
    const { rows } = await db.query<{ tags: string[]; meta: unknown; at: Date; none: null }>(
      `SELECT tags, meta, at, NULL AS none FROM items WHERE id = 100`,
    );
    expect(rows).toEqual([{ tags: ['a', 'ø'], meta: { k: [1, 2] }, at, none: null }]);
    await db.query(`DELETE FROM items WHERE id = 100`);
  });

  it('commits a transaction whole, and rolls it back whole when fn throws', async () => {
    const before = await count();
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO items (id, name) VALUES (1, 'en')`);
      await tx.insertRows(
        'items',
        [
          { name: 'id', type: 'int4' },
          { name: 'name', type: 'text' },
        ],
        [
          [2, 'to'],
          [3, 'tre'],
        ],
      );
    });
    expect(await count()).toBe(before + 3);

    const err = await rejection(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO items (id, name) VALUES (4, 'fire')`);
        await tx.exec(`UPDATE items SET name = 'endret'`);
        throw new Error('avbrutt');
      }),
    );
    expect(err.message).toBe('avbrutt');
    expect(await count()).toBe(before + 3);
    const { rows } = await db.query<{ name: string }>(`SELECT name FROM items WHERE id = 1`);
    expect(rows[0].name).toBe('en');
  });

  it('lets a statement outside a transaction wait until the transaction ends, as in-process', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = db.transaction(async (t) => {
      await t.query(`INSERT INTO items (id, name) VALUES (10, 'ti')`);
      await held;
    });
    // Sent while the transaction is open: it sees the committed row, never a half state.
    const outside = db.query<{ n: number }>(`SELECT count(*)::int AS n FROM items WHERE id = 10`);
    release();
    await tx;
    expect((await outside).rows[0].n).toBe(1);
  });

  it('fails a statement whose parameter cannot cross the thread, and goes on serving', async () => {
    const err = await rejection(db.query(`SELECT $1::text AS x`, [() => 'en funksjon']));
    expect(err.name).toBe('DataCloneError');
    expect((await db.query<{ x: string }>(`SELECT $1::text AS x`, ['videre'])).rows).toEqual([{ x: 'videre' }]);
  });

  it('brings PostgreSQL errors across with their fields: a unique violation and a full disk', async () => {
    await db.query(`INSERT INTO items (id, name) VALUES (20, 'tjue') ON CONFLICT DO NOTHING`);
    const unique = await rejection(db.query(`INSERT INTO items (id, name) VALUES (20, 'igjen')`));
    expect(unique).toMatchObject({ code: '23505', constraint: 'items_pkey', table: 'items' });
    expect(unique.message).toContain('duplicate key value violates unique constraint "items_pkey"');

    // The SQLSTATE PostgreSQL gives when it cannot extend a file: the HTTP layer's 507.
    const full = await rejection(
      db.transaction(async (tx) => {
        await tx.exec(
          `DO $$ BEGIN RAISE EXCEPTION 'could not extend file "base/5/16390": No space left on device' USING ERRCODE = 'disk_full'; END $$`,
        );
      }),
    );
    expect(full.code).toBe('53100');
    const app = toAppError(full);
    expect([app.code, app.status]).toEqual(['insufficient_storage:disk', 507]);
  });

  it('counts writes as in-process: a read keeps the generation, a write or transaction moves it', async () => {
    const g0 = db.generation!();
    await db.query(`SELECT name FROM items`);
    expect(db.generation!()).toBe(g0);
    await db.query(`UPDATE items SET name = name WHERE id = 1`);
    const g1 = db.generation!();
    expect(g1).toBeGreaterThan(g0);
    await db.transaction(async (tx) => tx.query(`SELECT 1`));
    expect(db.generation!()).toBeGreaterThan(g1);
  });

  it('keeps a transaction out of a readTogether section until it ends, and leaves the generation alone', async () => {
    const g0 = db.generation!();
    let saved = false;
    let write: Promise<unknown> | undefined;
    const seen = await db.readTogether!(async (q) => {
      const first = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM items`)).rows[0].n;
      write = db
        .transaction(async (tx) => tx.query(`INSERT INTO items (id, name) VALUES (900, 'inne')`), { unseen: true })
        .then(() => (saved = true));
      for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
      const second = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM items`)).rows[0].n;
      return { first, second, savedMeanwhile: saved };
    });
    await write;
    expect(seen.savedMeanwhile).toBe(false);
    expect(seen.second).toBe(seen.first);
    expect(await count()).toBe(seen.first + 1);
    // Neither the section nor an unseen transaction moves the generation.
    expect(db.generation!()).toBe(g0);
    await db.query(`DELETE FROM items WHERE id = 900`);
  });

  it('moves the generation after a transaction whose result says it wrote what readers see', async () => {
    const unseen = (r: string) => r === 'pending';
    const g0 = db.generation!();
    await db.transaction(async () => 'pending', { unseen });
    expect(db.generation!()).toBe(g0);
    await db.transaction(async () => 'visible', { unseen });
    const g1 = db.generation!();
    expect(g1).toBeGreaterThan(g0);
    await expect(
      db.transaction(
        async () => {
          throw new Error('rolled back');
        },
        { unseen: true },
      ),
    ).rejects.toThrow('rolled back');
    expect(db.generation!()).toBeGreaterThan(g1);
  });

  it('dumps a data directory that opens as an equal store', async () => {
    const dump = await db.dumpDataDir!();
    const restoredDir = join(dir, 'restored');
    const restored = await openPglite(restoredDir, { loadDataDir: dump });
    try {
      const all = `SELECT id, name, tags, meta FROM items ORDER BY id`;
      expect((await restored.query(all)).rows).toEqual((await db.query(all)).rows);
      expect(readdirSync(restoredDir).length).toBeGreaterThan(0);
    } finally {
      await restored.close();
    }
  });
});

describe('a PGlite worker that dies', () => {
  it('fails the statement waiting on it and every later one with unavailable:store, and close still returns', async () => {
    const host = await PgliteWorker.open({ dataDir: undefined });
    const store = wrapPglite(host);
    const waiting = store.query(`SELECT count(*) FROM generate_series(1, 20000000)`);
    await host.thread.terminate();
    const err = await rejection(waiting);
    expect(err).toBeInstanceOf(AppError);
    expect((err as unknown as AppError).code).toBe('unavailable:store');
    expect((err as unknown as AppError).status).toBe(503);
    expect(err.message).toContain('Databasetråden stoppet uventet');
    const later = await rejection(store.query(`SELECT 1`));
    expect((later as unknown as AppError).code).toBe('unavailable:store');
    await store.close();
  });

  it('rejects start-up with the opening error itself', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const err = await rejection(PgliteWorker.open({ dataDir: file }));
    expect(err.code).toBe('ENOTDIR');
  });
});
