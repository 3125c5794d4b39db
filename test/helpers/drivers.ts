/**
 * The two ways the store is reached, for tests that run the same checks on both: PGlite in-process, and `pg` over
 * the wire protocol against PGlite served on 127.0.0.1 by @electric-sql/pglite-socket (the path any PostgreSQL
 * with pgvector takes).
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { openPg, wrapPglite, type Db } from '../../src/store/db.js';

export interface TestDriver {
  db: Db;
  close: () => Promise<void>;
}

export async function pgliteDriver(): Promise<TestDriver> {
  const pglite = await PGlite.create({ extensions: { vector } });
  return { db: wrapPglite(pglite), close: () => pglite.close() };
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
