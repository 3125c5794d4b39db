/**
 * The audit log reads newest first by its numeric id, past ten entries too (src/store/audit.ts): the id is read out
 * as text, and ordering by that alias put «9» before «13».
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, recordAudit } from '../../src/store/audit.js';
import type { Db } from '../../src/store/db.js';
import { emptyStore } from '../helpers/runtime.js';

let db: Db;
beforeAll(async () => {
  ({ db } = await emptyStore());
  for (let i = 1; i <= 13; i++)
    await recordAudit(db, { actorId: null, actor: 'test', action: 'upload', target: `dokument-${i}` });
});
afterAll(async () => {
  await db.close();
});

describe('listAudit', () => {
  it('lists the newest first by number, and pages below a cursor the same way', async () => {
    const all = await listAudit(db, { limit: 50 });
    expect(all.map((r) => r.target)).toEqual(Array.from({ length: 13 }, (_, i) => `dokument-${13 - i}`));
    const first = await listAudit(db, { limit: 3 });
    expect(first.map((r) => r.target)).toEqual(['dokument-13', 'dokument-12', 'dokument-11']);
    const next = await listAudit(db, { limit: 3, before: first.at(-1)!.id });
    expect(next.map((r) => r.target)).toEqual(['dokument-10', 'dokument-9', 'dokument-8']);
  });
});
