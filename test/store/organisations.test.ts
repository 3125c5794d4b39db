/** One query lists the organisations for search (lower-cased keys) and for drafting (a stored spelling). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOrganisation } from '../../src/draft/errors.js';
import { openPglite, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { listOrganisations } from '../../src/store/organisations.js';

let db: Db;
const addDocument = (id: string, organisation: string) =>
  db.query(
    `INSERT INTO documents (id, organisation, title, kind, date, date_start, format, text, content_hash)
     VALUES ($1, $2, 'Tittel', 'uttalelse', '2024', '2024-01-01', 'md', 'Tekst.', $1)`,
    [id, organisation],
  );

beforeAll(async () => {
  db = await openPglite('memory://');
  await migrate(db);
  for (const [id, organisation] of [
    ['a', 'NTL'],
    ['b', 'Fagforbundet'],
    ['c', 'Fagforbundet'],
    ['d', 'Ålesund kommune'],
  ])
    await addDocument(id, organisation);
});
afterAll(async () => db.close());

describe('listOrganisations', () => {
  it('lists each organisation once, by key, in a stored spelling', async () => {
    expect(await listOrganisations(db)).toEqual([
      { key: 'fagforbundet', name: 'Fagforbundet' },
      { key: 'ntl', name: 'NTL' },
      { key: 'ålesund kommune', name: 'Ålesund kommune' },
    ]);
  });

  it('lets drafting resolve a name in any casing to the stored one, and name the known ones when it fails', async () => {
    expect(await resolveOrganisation(db, 'fagforbundet')).toBe('Fagforbundet');
    expect(await resolveOrganisation(db, 'ntl')).toBe('NTL');
    await expect(resolveOrganisation(db, 'Ukjent forbund')).rejects.toThrow(
      'Organisasjoner i lageret: Fagforbundet, NTL, Ålesund kommune.',
    );
  });
});
