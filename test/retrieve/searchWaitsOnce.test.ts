/**
 * Issue 14: on PGlite's one connection a search's statements run as one section (Queryable.readTogether,
 * pglite/sectionGate.ts), so a save transaction that arrives while a search runs waits for the whole search instead
 * of slipping in between its statements (where the search waited for it again, once per statement: 598 ms in the database for one search
 * during bench:uploads). Seen at the driver: the real PGlite under the real driver (wrapPglite), with a recorder in
 * between that logs every statement PGlite is given and can hold one back, so the test decides the order, not
 * timing.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_VIEWER } from '../../src/domain/viewer.js';
import { search } from '../../src/retrieve/search.js';
import { scoped } from '../../src/store/access.js';
import { SESSION_SETTINGS, wrapPglite, type Db } from '../../src/store/db.js';
import type { PgliteLike, PgliteTxLike } from '../../src/store/pglite/workerHost.js';
import { seededStore } from '../helpers/runtime.js';

/** What PGlite was given, in order: the SQL and whether it ran inside a transaction. */
const log: { sql: string; inTx: boolean }[] = [];
/** Called before each statement reaches PGlite; a test sets it to hold one back. */
let beforeStatement: (sql: string) => Promise<void> = async () => undefined;

function recording(pg: PGlite): PgliteLike {
  const run = async (runner: PgliteTxLike, inTx: boolean, sql: string, params?: unknown[], opts?: { blob?: Blob }) => {
    await beforeStatement(sql);
    log.push({ sql, inTx });
    return runner.query(sql, params, opts);
  };
  return {
    query: <T>(sql: string, params?: unknown[], opts?: { blob?: Blob }) =>
      run(pg, false, sql, params, opts) as Promise<{ rows: T[] }>,
    exec: (sql) => pg.exec(sql),
    transaction: (fn) =>
      pg.transaction((tx) =>
        fn({
          query: <T>(sql: string, params?: unknown[], opts?: { blob?: Blob }) =>
            run(tx, true, sql, params, opts) as Promise<{ rows: T[] }>,
          exec: (sql) => tx.exec(sql),
        }),
      ),
    dumpDataDir: (c) => pg.dumpDataDir(c),
    close: () => pg.close(),
  };
}

let db: Db;
let embedder: Awaited<ReturnType<typeof seededStore>>['embedder'];
beforeAll(async () => {
  const pg = await PGlite.create({ extensions: { vector } });
  for (const [k, v] of Object.entries(SESSION_SETTINGS)) await pg.query(`SELECT set_config($1, $2, false)`, [k, v]);
  ({ db, embedder } = await seededStore(wrapPglite(recording(pg))));
});
afterAll(async () => db.close());

const SAVE_STEP = `SELECT 'save step' AS step`;
/** Event-loop turns: long enough for an unblocked transaction to run through, no clock involved. */
const turns = async (n: number, until: () => boolean) => {
  for (let i = 0; i < n && !until(); i++) await new Promise((r) => setImmediate(r));
};

describe('a search on PGlite', () => {
  it('runs its statements as one section: a save transaction arriving mid-search runs after it, not between', async () => {
    // Hold back the search's last statement (its passages) until a save has asked for the connection.
    let reachedLast!: () => void;
    const atLast = new Promise<void>((r) => (reachedLast = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held = false;
    beforeStatement = async (sql) => {
      if (!held && /^\s*SELECT\s+p\.id, p\.document_id[^]*FROM passages p WHERE p\.id = ANY/.test(sql)) {
        held = true;
        reachedLast();
        await released;
      }
    };
    const from = log.length;
    // As the HTTP route calls it: scoped to a viewer (here one who reads everything, the operator).
    const store = scoped(db, CLI_VIEWER);
    const searching = search(store, embedder, { query: 'opplæring av ansatte', k: 5, understandQuery: false });
    await atLast;
    let saved = false;
    const saving = db
      .transaction(
        async (tx) => {
          await tx.query(SAVE_STEP);
          await tx.query(SAVE_STEP);
        },
        { unseen: true },
      )
      .then(() => (saved = true));
    await turns(200, () => saved);
    release();
    const hits = await searching;
    await saving;
    beforeStatement = async () => undefined;

    expect(hits.length).toBe(5);
    const seen = log.slice(from);
    const saveAt = seen.map((s, i) => (s.sql === SAVE_STEP ? i : -1)).filter((i) => i >= 0);
    const searchAt = seen.map((s, i) => (s.sql === SAVE_STEP ? -1 : i)).filter((i) => i >= 0);
    expect(saveAt).toHaveLength(2);
    expect(searchAt.length).toBeGreaterThanOrEqual(4);
    // Every statement of the search before either of the save's: the save waited once, for the whole search.
    expect(Math.min(...saveAt)).toBeGreaterThan(Math.max(...searchAt));
    expect(searchAt.every((i) => !seen[i].inTx)).toBe(true);
  });

  it('reads and fills the store’s cache inside the section: a second search reads no organisation or document rows', async () => {
    await search(db, embedder, { query: 'digitalisering i kommunene', k: 5 });
    const from = log.length;
    await search(db, embedder, { query: 'digitalisering i kommunene', k: 5 });
    const again = log.slice(from).map((s) => s.sql);
    expect(again.some((sql) => /WITH RECURSIVE o AS/.test(sql))).toBe(false);
    expect(again.some((sql) => /jsonb_build_object\('id', d\.id/.test(sql))).toBe(false);
    expect(again.length).toBeGreaterThanOrEqual(3);
  });
});
