/**
 * Rate limits on PostgreSQL live in the database (migration 013), so two servers on one store share each client's
 * budget; on PGlite each app counts in memory. "Two servers" here are two apps, each with its own `pg` pool, on one
 * database: PGlite served over pglite-socket, and PostgreSQL itself when INNSPILL_TEST_DATABASE_URL is set.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { createApp } from '../../../src/http/app.js';
import { silentLogger } from '../../../src/log.js';
import { openPg, wrapPglite, type Db } from '../../../src/store/db.js';
import { migrate } from '../../../src/store/migrate.js';
import { getRateLimit, hitRateLimit, resetRateLimit, undoRateLimitHit } from '../../../src/store/rateLimits.js';
import { localEmbedder } from '../../helpers/runtime.js';
import { postgresDriver, TEST_DATABASE_URL } from '../../helpers/drivers.js';

interface TwoPools {
  a: Db;
  b: Db;
  close: () => Promise<void>;
}

/** Two pools on one PGlite served on 127.0.0.1. */
async function socketPools(): Promise<TwoPools> {
  const pglite = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 10 });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  const [a, b] = [openPg(url, 1), openPg(url, 1)];
  return {
    a,
    b,
    close: async () => {
      await a.close();
      await b.close();
      await server.stop();
      await pglite.close();
    },
  };
}

/** Two pools on a fresh database of PostgreSQL itself. */
async function postgresPools(): Promise<TwoPools> {
  const first = await postgresDriver();
  // postgresDriver makes the database; a second pool reaches the same one through its name.
  const { rows } = await first.db.query<{ name: string }>('SELECT current_database() AS name');
  const second = new URL(TEST_DATABASE_URL!);
  second.pathname = `/${rows[0].name}`;
  const b = openPg(second.toString(), 2);
  return {
    a: first.db,
    b,
    close: async () => {
      await b.close();
      await first.close();
    },
  };
}

const pools: [string, () => Promise<TwoPools>][] = [['pg over pglite-socket', socketPools]];
if (TEST_DATABASE_URL) pools.push(['PostgreSQL itself', postgresPools]);

const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: 'memory://', RATE_LIMIT_WRITES_PER_MIN: '3' });

describe.each(pools)('Rate limits shared through the database (%s)', (_label, open) => {
  it('counts a client once across two servers: the 4th write through either is 429', async () => {
    const { a, b, close } = await open();
    try {
      await migrate(a);
      const embedder = await localEmbedder();
      const [appA, appB] = [a, b].map((db) => createApp({ db, embedder, config, logger: silentLogger }));
      const del = (app: typeof appA) => app.request('/documents/finnes-ikke', { method: 'DELETE' });
      expect((await del(appA)).status).toBe(404);
      expect((await del(appB)).status).toBe(404);
      expect((await del(appA)).status).toBe(404);
      const res = await del(appB);
      expect(res.status).toBe(429);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).detail).toContain('Høyst 3 skrivinger i minuttet');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      // Reads are not counted.
      expect(
        (
          await appA.request('/search', {
            method: 'POST',
            body: '{"query":"skyløsning"}',
            headers: { 'content-type': 'application/json' },
          })
        ).status,
      ).toBe(200);
    } finally {
      await close();
    }
  });

  it('takes a hit back and resets a key, never below zero', async () => {
    const { a, close } = await open();
    try {
      await migrate(a);
      const key = 'writes:192.0.2.1';
      expect((await hitRateLimit(a, { key, windowMs: 60_000 })).hits).toBe(1);
      const second = await hitRateLimit(a, { key, windowMs: 60_000 });
      expect(second.hits).toBe(2);
      expect(second.resetAt.getTime()).toBeGreaterThan(Date.now() - 5_000);
      await undoRateLimitHit(a, { key });
      await undoRateLimitHit(a, { key });
      await undoRateLimitHit(a, { key });
      expect((await getRateLimit(a, { key }))?.hits).toBe(0);
      await resetRateLimit(a, { key });
      expect(await getRateLimit(a, { key })).toBeUndefined();
    } finally {
      await close();
    }
  });
});

describe('Rate limits on PGlite', () => {
  it('stay in memory: the counter table is left empty', async () => {
    const pglite = await PGlite.create({ extensions: { vector } });
    const db = wrapPglite(pglite);
    try {
      await migrate(db);
      const app = createApp({ db, embedder: await localEmbedder(), config, logger: silentLogger });
      for (let i = 0; i < 3; i++)
        expect((await app.request('/documents/finnes-ikke', { method: 'DELETE' })).status).toBe(404);
      expect((await app.request('/documents/finnes-ikke', { method: 'DELETE' })).status).toBe(429);
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM rate_limit_hits');
      expect(rows[0].n).toBe(0);
    } finally {
      await pglite.close();
    }
  });
});
