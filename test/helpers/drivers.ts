/**
 * The ways the store is reached, for tests that run the same checks on each: PGlite in-process, PGlite on its worker
 * thread (what a server on a data directory runs), `pg` over the wire
 * protocol against PGlite served on 127.0.0.1 by @electric-sql/pglite-socket (the path any PostgreSQL with pgvector
 * takes), and PostgreSQL itself when INNSPILL_TEST_DATABASE_URL is set.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { openPg, openPglite, wrapPglite, type Db } from '../../src/store/db.js';

export interface TestDriver {
  db: Db;
  close: () => Promise<void>;
}

async function pgliteDriver(): Promise<TestDriver> {
  const pglite = await PGlite.create({ extensions: { vector } });
  return { db: wrapPglite(pglite), close: () => pglite.close() };
}

/** PGlite on a worker thread (store/pglite/workerHost.ts), in memory: the same driver a data directory gets. */
async function pgliteWorkerDriver(): Promise<TestDriver> {
  const db = await openPglite('memory://', { thread: 'worker' });
  return { db, close: () => db.close() };
}

/** `pg` (a pool of one) to an existing PGlite, served on 127.0.0.1; close stops both, not the PGlite. */
export async function pgOverSocket(pglite: PGlite): Promise<TestDriver> {
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 10 });
  await server.start();
  const db = openPg(`postgres://postgres@${server.getServerConn()}/postgres`, 1);
  return {
    db,
    close: async () => {
      await db.close();
      await server.stop();
    },
  };
}

export async function pgOverSocketDriver(): Promise<TestDriver> {
  const pglite = await PGlite.create({ extensions: { vector } });
  const { db, close } = await pgOverSocket(pglite);
  return {
    db,
    close: async () => {
      await close();
      await pglite.close();
    },
  };
}

/**
 * PostgreSQL itself, when INNSPILL_TEST_DATABASE_URL names a server with pgvector available (scripts/postgres.sh
 * starts one; .ci/run does when it can): each driver gets a database of its own, dropped on close.
 */
export const TEST_DATABASE_URL = process.env.INNSPILL_TEST_DATABASE_URL || undefined;

export async function postgresDriver(): Promise<TestDriver> {
  if (!TEST_DATABASE_URL) throw new Error('INNSPILL_TEST_DATABASE_URL is not set');
  const name = `innspill_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client(TEST_DATABASE_URL);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = openPg(url.toString(), 4);
  return {
    db,
    close: async () => {
      await db.close();
      const drop = new pg.Client(TEST_DATABASE_URL);
      await drop.connect();
      try {
        // Clients that were just ended may still hold a backend: terminated by FORCE, such a client gets a FATAL
        // 57P01 after its pool has stopped listening, and vitest reports it as an unhandled error. Wait (up to 5 s)
        // until they are gone; FORCE is for what is left after that.
        for (let i = 0; i < 50; i++) {
          const { rows } = await drop.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await drop.end();
      }
    },
  };
}

/**
 * The drivers every store suite runs on: PGlite in-process, PGlite on its worker thread (when the suite names it),
 * pg over pglite-socket, and PostgreSQL itself if given.
 */
export function storeDrivers(labels: {
  pglite: string;
  worker?: string;
  socket: string;
  postgres: string;
}): [string, () => Promise<TestDriver>][] {
  const drivers: [string, () => Promise<TestDriver>][] = [
    [labels.pglite, pgliteDriver],
    ...(labels.worker ? [[labels.worker, pgliteWorkerDriver] as [string, () => Promise<TestDriver>]] : []),
    [labels.socket, pgOverSocketDriver],
  ];
  if (TEST_DATABASE_URL) drivers.push([labels.postgres, postgresDriver]);
  return drivers;
}
