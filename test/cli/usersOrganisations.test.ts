/**
 * `npm run users -- organisations` (cli/organisationsCommand.ts): organisations stored under two spellings from
 * before the rule, found by the same name table the doors use, with what each spelling carries. The legacy rows are
 * written with SQL here because no door lets a second spelling in any more.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runUsersCommand, USERS_HELP } from '../../src/cli/usersCommands.js';
import { countAll } from '../../src/store/documents.js';
import { createUser, listUsers, setRole } from '../../src/store/users.js';
import { emptyStore, seededStore } from '../helpers/runtime.js';

const { db } = await seededStore();
afterAll(() => db.close());
const report = () => runUsersCommand(db, { command: 'organisations', args: [] });

/** A membership or a draft under a spelling no door would take today. */
async function legacyMember(email: string, organisation: string) {
  const user = await createUser(db, { email });
  await db.query(
    `INSERT INTO memberships (user_id, organisation_key, organisation, role) VALUES ($1, lower($2), $2, 'reader')`,
    [user.id, organisation],
  );
}
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
    await legacyDraft('utkast-1', 'Norsk Tjenestemannslag');
    await legacyDraft('utkast-2', 'NTL');
    const before = { counts: await countAll(db), users: await listUsers(db) };
    expect(await report()).toBe(
      '2 organisasjoner er lagret under flere skrivemåter som leses som samme navn. Medlemmer, dokumenter og utkast ' +
        'under hver skrivemåte hører til hver sin organisasjon:\n' +
        '\n' +
        '  «Norsk Tjenestemannslag»: 2 medlemmer, 0 dokumenter, 1 utkast\n' +
        '  «NTL» / «ntl»: 1 medlem, 1 dokument, 1 utkast\n' +
        '\n' +
        '  «Oslo Arbeiderparti»: 0 medlemmer, 1 dokument, 0 utkast\n' +
        '  «Oslo-Ap»: 1 medlem, 0 dokumenter, 0 utkast\n' +
        '\n' +
        'Nye skrivemåter slippes ikke inn lenger. De gamle slås ikke sammen av seg selv: gi medlemmene roller under ' +
        'skrivemåten som skal stå (npm run users -- role …), og last opp dokumentene på nytt under den.\n',
    );
    expect({ counts: await countAll(db), users: await listUsers(db) }).toEqual(before);
  });

  it('is in the help', () => {
    expect(USERS_HELP).toContain('organisations');
    expect(USERS_HELP).toContain('«NTL» og «Norsk Tjenestemannslag»');
  });

  it('finds nothing in an empty store', async () => {
    const empty = await emptyStore();
    expect(await runUsersCommand(empty.db, { command: 'organisations', args: [] })).toBe(
      'Ingen organisasjon er lagret under mer enn én skrivemåte.\n',
    );
    await empty.db.close();
  });
});
