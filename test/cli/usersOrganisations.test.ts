/**
 * `npm run users -- organisations` (cli/organisationsCommand.ts): organisations stored under two spellings from
 * before the rule, found by the same name table the doors use, with what each spelling carries. The legacy rows are
 * written with SQL here because no door lets a second spelling in any more.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runUsersCommand, USERS_HELP } from '../../src/cli/usersCommands.js';
import { countAll } from '../../src/store/documents.js';
import { listAudit } from '../../src/store/audit.js';
import { createUser, getUserByEmail, listUsers, setRole } from '../../src/store/users.js';
import { emptyStore, seededStore } from '../helpers/runtime.js';

const { db } = await seededStore();
afterAll(() => db.close());
const report = () => runUsersCommand(db, { command: 'organisations', args: [] });

/** A membership or a draft under a spelling no door would take today. */
async function legacyMember(email: string, organisation: string, role = 'reader') {
  const user = (await getUserByEmail(db, { email })) ?? (await createUser(db, { email }));
  await db.query(
    `INSERT INTO memberships (user_id, organisation_key, organisation, role) VALUES ($1, lower($2), $2, $3)`,
    [user.id, organisation, role],
  );
}
const merge = (...args: string[]) => runUsersCommand(db, { command: 'organisations', args: ['merge', ...args] });
const roles = async () =>
  (await listUsers(db)).flatMap((u) => u.memberships.map((m) => `${u.email} ${m.organisation} ${m.role}`)).sort();
const organisationsOf = async (table: 'documents' | 'drafts') =>
  (await db.query<{ organisation: string }>(`SELECT DISTINCT organisation FROM ${table} ORDER BY 1`)).rows.map(
    (r) => r.organisation,
  );
const legacyDraft = (id: string, organisation: string) =>
  db.query(`INSERT INTO drafts (id, title, organisation, consultation) VALUES ($1, 'Utkast', $2, '{}')`, [
    id,
    organisation,
  ]);

describe('npm run users -- organisations', { shuffle: false }, () => {
  it('says so when every organisation has one spelling', async () => {
    const kari = await createUser(db, { email: 'kari@ntl.no' });
    await setRole(db, { userId: kari.id, organisation: 'ntl', role: 'editor' });
    expect(await report()).toBe('Ingen organisasjon er lagret under mer enn én skrivemåte.\n');
  });

  it('lists spellings that read as one organisation, with members, documents and drafts each, and changes nothing', async () => {
    await legacyMember('ola@ntl.no', 'Norsk Tjenestemannslag');
    await legacyMember('per@ntl.no', 'Norsk Tjenestemannslag');
    await legacyMember('nina@oslo-ap.no', 'Oslo-Ap');
    await legacyMember('kari@ntl.no', 'Norsk Tjenestemannslag', 'admin');
    await legacyDraft('utkast-1', 'Norsk Tjenestemannslag');
    await legacyDraft('utkast-2', 'NTL');
    const before = { counts: await countAll(db), users: await listUsers(db) };
    expect(await report()).toBe(
      '2 organisasjoner er lagret under flere skrivemåter som leses som samme navn. Medlemmer, dokumenter og utkast ' +
        'under hver skrivemåte hører til hver sin organisasjon:\n' +
        '\n' +
        '  «Norsk Tjenestemannslag»: 3 medlemmer, 0 dokumenter, 1 utkast\n' +
        '  «NTL» / «ntl»: 1 medlem, 1 dokument, 1 utkast\n' +
        '\n' +
        '  «Oslo Arbeiderparti»: 0 medlemmer, 1 dokument, 0 utkast\n' +
        '  «Oslo-Ap»: 1 medlem, 0 dokumenter, 0 utkast\n' +
        '\n' +
        'Nye skrivemåter slippes ikke inn lenger. Slå sammen to med: ' +
        'npm run users -- organisations merge <skrivemåte> <skrivemåte som skal stå>\n',
    );
    expect({ counts: await countAll(db), users: await listUsers(db) }).toEqual(before);
  });

  it('refuses to merge names that are not two stored spellings of one organisation, changing nothing', async () => {
    const before = { roles: await roles(), counts: await countAll(db) };
    await expect(merge('KS', 'NTL')).rejects.toThrow(
      '«KS» og «NTL» er ikke lagret som to skrivemåter av samme organisasjon; se npm run users -- organisations.',
    );
    await expect(merge('Oslo Ap', 'Oslo Arbeiderparti')).rejects.toThrow('er ikke lagret som to skrivemåter');
    await expect(merge('NTL', 'ntl')).rejects.toThrow('«NTL» og «ntl» er samme skrivemåte; ingenting å slå sammen.');
    await expect(merge('Oslo-Ap')).rejects.toThrow('oppgi skrivemåten som skal bort og skrivemåten som skal stå');
    expect({ roles: await roles(), counts: await countAll(db) }).toEqual(before);
  });

  it('merges one spelling into the other in one go: members (the higher role kept), drafts, the audit log', async () => {
    const counts = await countAll(db);
    expect(await merge('Norsk Tjenestemannslag', 'NTL')).toBe(
      'Slo sammen «Norsk Tjenestemannslag» med «NTL»: 3 medlemmer, 0 dokumenter og 1 utkast står nå under «NTL».\n',
    );
    expect(await merge('oslo-ap', 'Oslo Arbeiderparti')).toBe(
      'Slo sammen «Oslo-Ap» med «Oslo Arbeiderparti»: 1 medlem, 0 dokumenter og 0 utkast står nå under «Oslo Arbeiderparti».\n',
    );
    expect(await roles()).toEqual([
      'kari@ntl.no ntl admin',
      'nina@oslo-ap.no Oslo Arbeiderparti reader',
      'ola@ntl.no NTL reader',
      'per@ntl.no NTL reader',
    ]);
    expect(await organisationsOf('drafts')).toEqual(['NTL']);
    expect(await organisationsOf('documents')).toEqual(['Fagforbundet', 'KS', 'NTL', 'Oslo Arbeiderparti']);
    expect(await countAll(db)).toEqual(counts);
    expect(await report()).toBe('Ingen organisasjon er lagret under mer enn én skrivemåte.\n');
    const [entry] = await listAudit(db, { action: 'organisation.merge' });
    expect(entry).toMatchObject({ actor: 'cli', target: 'Oslo-Ap', detail: { members: 1, documents: 0, drafts: 0 } });
  });

  it('merges documents too, under the kept spelling, and their ids stay', async () => {
    await db.query(`UPDATE documents SET organisation = 'Kommunesektorens organisasjon' WHERE organisation = 'KS'`);
    const ids = (await db.query<{ id: string }>(`SELECT id FROM documents ORDER BY id`)).rows;
    await legacyMember('siri@ks.no', 'KS', 'editor');
    expect(await merge('Kommunesektorens organisasjon', 'KS')).toBe(
      'Slo sammen «Kommunesektorens organisasjon» med «KS»: 0 medlemmer, 1 dokument og 0 utkast står nå under «KS».\n',
    );
    expect(await organisationsOf('documents')).toContain('KS');
    expect((await db.query<{ id: string }>(`SELECT id FROM documents ORDER BY id`)).rows).toEqual(ids);
  });

  it('is in the help', () => {
    expect(USERS_HELP).toContain('organisations');
    expect(USERS_HELP).toContain('«NTL» og «Norsk Tjenestemannslag»');
    expect(USERS_HELP).toContain('organisations merge <skrivemåte> <skrivemåte som skal stå>');
  });

  it('finds nothing in an empty store', async () => {
    const empty = await emptyStore();
    expect(await runUsersCommand(empty.db, { command: 'organisations', args: [] })).toBe(
      'Ingen organisasjon er lagret under mer enn én skrivemåte.\n',
    );
    await empty.db.close();
  });
});
