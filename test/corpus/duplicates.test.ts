import { beforeAll, describe, expect, it } from 'vitest';
import { findDuplicates } from '../../src/corpus/duplicates.js';
import { ingestText } from '../../src/ingest/index.js';
import { migrate } from '../../src/store/migrate.js';
import { openPglite, type Db, type Queryable } from '../../src/store/db.js';
import { writeDocuments } from '../../src/store/writeDocuments.js';
import { localEmbedder } from '../helpers/runtime.js';
import { TEST_META } from '../helpers/documents.js';

const STORED = 'Kommunene må få mer ansvar for digital kompetanse.';
const doc = (id: string, text: string) => ingestText(text, { ...TEST_META, id, title: id });
let db: Db;

beforeAll(async () => {
  db = await openPglite('memory://');
  await migrate(db);
  await writeDocuments(db, await localEmbedder(), [doc('lagret', STORED)]);
});

describe('findDuplicates', () => {
  it('names the stored holder of a text, not the document itself, and the first holder within a batch', async () => {
    const found = await findDuplicates(db, [
      doc('lagret', STORED), // itself: not a duplicate
      doc('kopi-av-lagret', STORED),
      doc('ny', 'Et helt nytt innhold om beredskap.'),
      doc('kopi-av-ny', 'Et helt nytt innhold om beredskap.'),
    ]);
    expect(found).toEqual([
      undefined,
      { id: 'lagret', title: 'lagret' },
      undefined,
      { id: 'ny', title: 'ny', inBatch: true },
    ]);
  });

  it('costs one query for the whole batch', async () => {
    let queries = 0;
    const counting: Queryable = {
      query: <T>(sql: string, params?: unknown[]) => {
        queries++;
        return db.query<T>(sql, params);
      },
    };
    await findDuplicates(
      counting,
      Array.from({ length: 50 }, (_, i) => doc(`d-${i}`, `Tekst nummer ${i} om noe.`)),
    );
    expect(queries).toBe(1);
  });
});
