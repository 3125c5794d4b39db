/**
 * On PGlite (one process owns the store) what every search reads — organisation names, document summaries — is
 * kept in memory until the next write; on pg it is read every time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from '../../src/retrieve/search.js';
import { MAY_WRITE, type Db, type Queryable } from '../../src/store/db.js';
import { getPassages, GET_PASSAGES_ONLY_SQL } from '../../src/store/documents.js';
import { ORGANISATIONS_SQL } from '../../src/store/organisations.js';
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
    for (const sql of [
      'INSERT INTO x VALUES (1)',
      'update documents set title = $1',
      'DELETE FROM passages',
      'VACUUM ANALYZE',
      'CREATE INDEX i ON t (c)',
    ])
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
