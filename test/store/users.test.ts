/** Users, memberships and personal tokens (issue 16): tokens stored only as a hash, revocation, last use. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import {
  anyUser,
  createUser,
  issueToken,
  listTokens,
  listUsers,
  revokeToken,
  setRole,
  tokenHash,
  userByToken,
  userViewer,
} from '../../src/store/users.js';
import { mayAct } from '../../src/domain/viewer.js';

let db: Db;
beforeAll(async () => {
  db = await openPglite('memory://');
  await migrate(db);
});
afterAll(() => db.close());

describe('users and tokens', { shuffle: false }, () => {
  it('starts with no user', async () => {
    expect(await anyUser(db)).toBe(false);
  });

  it('stores a token only as its SHA-256; the token finds its user until revoked', async () => {
    const kari = await createUser(db, { email: 'kari@ks.no' });
    await setRole(db, { userId: kari.id, organisation: 'KS', role: 'editor' });
    const { id, token } = await issueToken(db, { userId: kari.id, name: 'laptop' });
    expect(token).toMatch(/^inn_[A-Za-z0-9_-]{43}$/);
    const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
    expect(rows).toEqual([{ token_hash: tokenHash(token) }]);
    expect(JSON.stringify(await db.query('SELECT * FROM api_tokens'))).not.toContain(token);

    const user = await userByToken(db, { token });
    expect(user?.email).toBe('kari@ks.no');
    const viewer = userViewer(user!);
    expect(mayAct(viewer, 'ks', 'editor')).toBe(true);
    expect(mayAct(viewer, 'KS', 'admin')).toBe(false);
    expect(mayAct(viewer, 'NTL', 'reader')).toBe(false);
    expect((await listTokens(db))[0].lastUsedAt).not.toBeNull();

    expect(await userByToken(db, { token: token + 'x' })).toBeNull();
    expect(await revokeToken(db, { id })).toBe(kari.id);
    expect(await userByToken(db, { token })).toBeNull();
    expect(await revokeToken(db, { id })).toBeNull();
    expect(await anyUser(db)).toBe(true);
  });

  it('lists users with their roles; a role can be changed and removed', async () => {
    const [kari] = await listUsers(db);
    await setRole(db, { userId: kari.id, organisation: 'Ks', role: 'admin' });
    await setRole(db, { userId: kari.id, organisation: 'NTL', role: 'reader' });
    expect((await listUsers(db))[0].memberships).toEqual([
      { organisation: 'KS', key: 'ks', role: 'admin' },
      { organisation: 'NTL', key: 'ntl', role: 'reader' },
    ]);
    await setRole(db, { userId: kari.id, organisation: 'ntl', role: null });
    expect((await listUsers(db))[0].memberships.map((m) => m.key)).toEqual(['ks']);
  });

  it('refuses a second user with the same e-mail in another casing', async () => {
    await expect(createUser(db, { email: 'KARI@ks.no' })).rejects.toThrow();
  });
});
