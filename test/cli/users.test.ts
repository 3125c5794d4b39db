/** `npm run users` commands (issue 16) against an in-memory store: Norwegian output, the token shown once, the audit log. */
import { afterAll, describe, expect, it } from 'vitest';
import { runUsersCommand } from '../../src/cli/usersCommands.js';
import { listAudit } from '../../src/store/audit.js';
import { openPglite, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { anyUser, listTokens, userByToken } from '../../src/store/users.js';

const db: Db = await openPglite('memory://');
await migrate(db);
afterAll(() => db.close());
const run = (command: string, args: string[] = [], opts: Record<string, unknown> = {}) =>
  runUsersCommand(db, { command, args, ...opts });

describe('npm run users', { shuffle: false }, () => {
  it('adds an administrator and an editor of an organisation', async () => {
    expect(await run('add', ['kari@ks.no'], { admin: true })).toContain(
      'Opprettet kari@ks.no som administrator for hele tjenesten.',
    );
    expect(await run('add', ['ola@ks.no'], { org: 'KS', role: 'editor' })).toContain(
      'Opprettet ola@ks.no, redaktør i KS.',
    );
    await expect(run('add', ['ola@KS.no'])).rejects.toThrow('det finnes allerede en bruker med e-post ola@KS.no.');
    await expect(run('add', ['per@ks.no'], { org: 'KS', role: 'sjef' })).rejects.toThrow('ukjent rolle «sjef»');
  });

  it('prints a new token once; it works, and list never shows it', async () => {
    const out = await run('token', ['ola@ks.no'], { name: 'bærbar' });
    const token = /(inn_[A-Za-z0-9_-]{43})/.exec(out)![1];
    expect(out).toContain('Den vises bare nå');
    expect((await userByToken(db, { token }))?.email).toBe('ola@ks.no');
    const list = await run('list');
    expect(list).toContain('ola@ks.no\n    KS: redaktør');
    expect(list).toContain('«bærbar»');
    expect(list).not.toContain(token);
  });

  it('changes a role and revokes a token, each in the audit log', async () => {
    expect(await run('role', ['ola@ks.no', 'NTL', 'reader'])).toBe('ola@ks.no er nå leser i NTL.\n');
    const [t] = await listTokens(db);
    expect(await run('revoke', [t.id])).toBe(`Nøkkelen ${t.id} er trukket tilbake.\n`);
    await expect(run('revoke', [t.id])).rejects.toThrow(`fant ingen gyldig nøkkel med id ${t.id}.`);
    const actions = (await listAudit(db, {})).map((e) => e.action);
    expect(actions).toEqual(['token.revoke', 'user.role', 'token.issue', 'user.role', 'user.add', 'user.add']);
  });

  it('disables a user (tokens stop working, audit) and enables them again; the last site admin stays', async () => {
    const out = await run('token', ['ola@ks.no'], { name: 'telefon' });
    const token = /(inn_[A-Za-z0-9_-]{43})/.exec(out)![1]!;
    expect((await userByToken(db, { token }))?.email).toBe('ola@ks.no');
    expect(await run('disable', ['ola@ks.no'])).toBe(
      'ola@ks.no er deaktivert: logget ut overalt, og nøklene virker ikke lenger.\n',
    );
    expect(await userByToken(db, { token })).toBeNull();
    // Still listed, marked: an administrator must find a disabled user to enable them again.
    expect(await run('list')).toContain('ola@ks.no – deaktivert (enable ola@ks.no aktiverer igjen)\n');
    expect(await run('disable', ['ola@ks.no'])).toBe('ola@ks.no er allerede deaktivert.\n');
    await expect(run('add', ['OLA@ks.no'])).rejects.toThrow(
      'er deaktivert; aktiver den igjen med npm run users -- enable ola@ks.no',
    );
    expect(await run('enable', ['ola@ks.no'])).toBe('ola@ks.no er aktiv igjen.\n');
    expect((await userByToken(db, { token }))?.email).toBe('ola@ks.no');
    await expect(run('disable', ['kari@ks.no'])).rejects.toThrow(
      'kari@ks.no er den siste aktive administratoren for hele tjenesten.',
    );
    // Nor can the last one lose the role: nobody could manage users from the page or the API then.
    await expect(run('admin', ['kari@ks.no', 'off'])).rejects.toThrow(
      'kari@ks.no er den siste aktive administratoren for hele tjenesten.',
    );
    expect(await anyUser(db)).toBe(true);
    const actions = (await listAudit(db, {})).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['user.enable', 'user.disable']);
  });

  it('names an unknown command', async () => {
    await expect(run('slett')).rejects.toThrow('ukjent kommando «slett»');
  });
});
