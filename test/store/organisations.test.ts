/** One query lists the organisations for search (lower-cased keys) and for drafting (a stored spelling). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/viewer.js';
import { resolveOrganisation } from '../../src/draft/errors.js';
import { scoped } from '../../src/store/access.js';
import { openPglite, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { listOrganisations } from '../../src/store/organisations.js';

let db: Db;
const addDocument = (id: string, organisation: string, visibility = 'public') =>
  db.query(
    `INSERT INTO documents (id, organisation, title, kind, date, date_start, format, text, content_hash, visibility)
     VALUES ($1, $2, 'Tittel', 'uttalelse', '2024', '2024-01-01', 'md', 'Tekst.', $1, $3)`,
    [id, organisation, visibility],
  );
const member = (organisation: string): Viewer => ({
  kind: 'user',
  userId: `u-${organisation}`,
  label: `${organisation}@example.no`,
  siteAdmin: false,
  roles: { [organisation.toLowerCase()]: 'reader' },
  everyOrganisation: null,
});

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
  // An organisation with internal documents only, and NTL's own internal one beside its public one.
  await addDocument('e', 'Hemmelig Forening', 'internal');
  await addDocument('f', 'Hemmelig Forening', 'internal');
  await addDocument('g', 'NTL', 'internal');
});
afterAll(async () => db.close());

describe('listOrganisations', () => {
  it('lists each organisation once, by key, in a stored spelling (an unscoped store: every one)', async () => {
    expect(await listOrganisations(db)).toEqual([
      { key: 'fagforbundet', name: 'Fagforbundet' },
      { key: 'hemmelig forening', name: 'Hemmelig Forening' },
      { key: 'ntl', name: 'NTL' },
      { key: 'ålesund kommune', name: 'Ålesund kommune' },
    ]);
  });

  it('lists only organisations with a document the viewer may read', async () => {
    const keys = async (viewer: Viewer) => (await listOrganisations(scoped(db, viewer))).map((o) => o.key);
    expect(await keys(member('NTL'))).toEqual(['fagforbundet', 'ntl', 'ålesund kommune']);
    // Asked again by the same viewer (the memo) and by the hidden organisation's own member (a memo of its own).
    expect(await keys(member('NTL'))).toEqual(['fagforbundet', 'ntl', 'ålesund kommune']);
    expect(await keys(member('Hemmelig Forening'))).toEqual([
      'fagforbundet',
      'hemmelig forening',
      'ntl',
      'ålesund kommune',
    ]);
    const anonymous: Viewer = { ...member('NTL'), kind: 'anonymous', userId: null, roles: {} };
    expect(await keys(anonymous)).toEqual([]);
  });

  it('lets drafting resolve a name in any casing to the stored one, and name the known ones when it fails', async () => {
    expect(await resolveOrganisation(db, 'fagforbundet')).toBe('Fagforbundet');
    expect(await resolveOrganisation(db, 'ntl')).toBe('NTL');
    await expect(resolveOrganisation(db, 'Ukjent forbund')).rejects.toThrow(
      'Organisasjoner i lageret: Fagforbundet, Hemmelig Forening, NTL, Ålesund kommune.',
    );
  });

  it('answers a name the viewer may not read of exactly as an unknown one, never naming it', async () => {
    const ntl = scoped(db, member('NTL'));
    const refusal = async (name: string) =>
      resolveOrganisation(ntl, name).then(
        () => 'resolved',
        (err: Error) => err.message.replace(name, '«navnet»'),
      );
    expect(await refusal('Hemmelig Forening')).toBe(await refusal('Finnes ikke'));
    expect(await refusal('hemmelig forening')).not.toContain('Hemmelig');
    expect(await refusal('Finnes ikke')).toContain('Organisasjoner i lageret: Fagforbundet, NTL, Ålesund kommune.');
    expect(await resolveOrganisation(scoped(db, member('Hemmelig Forening')), 'hemmelig forening')).toBe(
      'Hemmelig Forening',
    );
  });
});
