/**
 * On PGlite (one process owns the store) what every search reads — organisation names, document summaries — is
 * kept in memory until the next write; on pg it is read every time. And PGlite's buffer pool is sized to the store.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANISATIONS_SQL, search } from '../../src/retrieve/search.js';
import { PGLITE_BUILD_MEMORY_SQL } from '../../src/store/ann.js';
import { MAY_WRITE, openPglite, type Db, type Queryable } from '../../src/store/db.js';
import { getPassages, GET_PASSAGES_ONLY_SQL } from '../../src/store/documents.js';
import { MAX_SHARED_BUFFERS_MB, MIN_SHARED_BUFFERS_MB, relationBytes, sharedBuffersMb } from '../../src/store/pgliteBuffers.js';
import { generationMemo } from '../../src/store/readCache.js';
import { seededStore } from '../helpers/runtime.js';
import { pgOverSocketDriver } from '../helpers/drivers.js';

/** The store, with every statement sent through it recorded. */
function recording(db: Queryable) {
  const sent: string[] = [];
  const q: Queryable = { query: (sql, params) => (sent.push(sql), db.query(sql, params)), generation: db.generation };
  return { q, sent };
}

describe('reads kept until the next write (PGlite)', () => {
  let db: Db;
  let embedder: Awaited<ReturnType<typeof seededStore>>['embedder'];
  let ids: string[];
  beforeAll(async () => {
    ({ db, embedder } = await seededStore());
    ids = (await db.query<{ id: string }>(`SELECT id FROM passages ORDER BY id LIMIT 4`)).rows.map((r) => r.id);
  });
  afterAll(async () => db.close());

  it('fetches passages with one statement once their documents are known, and reads titles again after a write', async () => {
    const { q, sent } = recording(db);
    const first = await getPassages(q, { ids });
    expect(sent).toHaveLength(2);
    sent.length = 0;
    const second = await getPassages(q, { ids });
    expect(sent).toEqual([GET_PASSAGES_ONLY_SQL]);
    expect([...second.values()]).toEqual([...first.values()]);

    const documentId = first.get(ids[0])!.documentId;
    await db.query(`UPDATE documents SET title = 'Ny tittel' WHERE id = $1`, [documentId]);
    sent.length = 0;
    const third = await getPassages(q, { ids });
    expect(sent).toHaveLength(2);
    expect(third.get(ids[0])!.document.title).toBe('Ny tittel');
  });

  it('reads the organisation names once between writes', async () => {
    const { q, sent } = recording(db);
    const ask = () => search(q, embedder, { query: 'Hva mener Fagforbundet om skyløsning?', k: 3 });
    await ask();
    await ask();
    expect(sent.filter((s) => s === ORGANISATIONS_SQL)).toHaveLength(1);
    await db.transaction(async (tx) => void (await tx.query(`UPDATE documents SET organisation = organisation`)));
    await ask();
    expect(sent.filter((s) => s === ORGANISATIONS_SQL)).toHaveLength(2);
  });

  it('counts statements that may write, and not the ones search sends', () => {
    for (const sql of ['INSERT INTO x VALUES (1)', 'update documents set title = $1', 'DELETE FROM passages', 'VACUUM ANALYZE', 'CREATE INDEX i ON t (c)'])
      expect(MAY_WRITE.test(sql), sql).toBe(true);
    for (const sql of [ORGANISATIONS_SQL, GET_PASSAGES_ONLY_SQL, 'SELECT updated_at, created_at, deleted_count FROM t'])
      expect(MAY_WRITE.test(sql), sql).toBe(false);
  });
});

describe('reads on pg', () => {
  it('go to the database every time: other processes may write', async () => {
    const { db, close } = await pgOverSocketDriver();
    try {
      expect(db.generation).toBeUndefined();
      expect(generationMemo(db)).toBeNull();
    } finally {
      await close();
    }
  });
});

describe('PGlite buffer pool', () => {
  it('is sized to the store: its relation files and a quarter, within 128 MB and 1 GB', () => {
    const MB = 2 ** 20;
    expect(sharedBuffersMb(0)).toBe(MIN_SHARED_BUFFERS_MB);
    expect(sharedBuffersMb(97 * MB)).toBe(128);
    expect(sharedBuffersMb(400 * MB)).toBe(512);
    expect(sharedBuffersMb(676 * MB)).toBe(864);
    expect(sharedBuffersMb(5000 * MB)).toBe(MAX_SHARED_BUFFERS_MB);
  });

  it('counts the files under base/ only (not the WAL)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-buffers-'));
    try {
      mkdirSync(join(dir, 'base', '5'), { recursive: true });
      mkdirSync(join(dir, 'pg_wal'));
      writeFileSync(join(dir, 'base', '5', '16384'), Buffer.alloc(3000));
      writeFileSync(join(dir, 'base', '5', '16385'), Buffer.alloc(1000));
      writeFileSync(join(dir, 'pg_wal', '000000010000000000000001'), Buffer.alloc(9000));
      expect(relationBytes(dir)).toBe(4000);
      expect(relationBytes(join(dir, 'missing'))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is what the store opens with, and an index build gets what the pool leaves of WASM memory', async () => {
    const db = await openPglite('memory://', { sharedBuffersMb: 48 });
    try {
      expect((await db.query<{ s: string }>(`SELECT current_setting('shared_buffers') AS s`)).rows[0].s).toBe('48MB');
      const mem = await db.transaction(async (tx) => {
        await tx.query(PGLITE_BUILD_MEMORY_SQL);
        return (await tx.query<{ m: string }>(`SELECT current_setting('maintenance_work_mem') AS m`)).rows[0].m;
      });
      expect(mem).toBe('1GB');
    } finally {
      await db.close();
    }
  });
});
