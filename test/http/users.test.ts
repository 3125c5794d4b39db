/**
 * The admin page's API (site administrators only): add a user with a role, change the role, set a password (the
 * user can then sign in), issue a token (shown once, works as a bearer token), revoke it (then 401); every change
 * in the audit log; a non-admin gets 403 and changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, issueToken, listUsers, setRole } from '../../src/store/users.js';
import { jsonInit, seededApp } from '../helpers/runtime.js';

type Ctx = Awaited<ReturnType<typeof seededApp>>;
let ctx: Ctx;
let admin: Record<string, string>;
let reader: Record<string, string>;

beforeAll(async () => {
  ctx = await seededApp();
  const boss = await createUser(ctx.db, { email: 'admin@innspill.no', isAdmin: true });
  admin = { authorization: `Bearer ${(await issueToken(ctx.db, { userId: boss.id, name: 'test' })).token}` };
  const kari = await createUser(ctx.db, { email: 'kari@ks.no' });
  await setRole(ctx.db, { userId: kari.id, organisation: 'KS', role: 'admin' });
  reader = { authorization: `Bearer ${(await issueToken(ctx.db, { userId: kari.id, name: 'test' })).token}` };
}, 120_000);

const req = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
  ctx.app.request(path, body === undefined ? { method, headers } : jsonInit(method, body, headers));

describe('users and tokens over HTTP', { shuffle: false }, () => {
  let olaId = '';
  let tokenId = '';
  let token = '';

  it('adds a user with a role in one organisation', async () => {
    const res = await req(
      'POST',
      '/users',
      { email: 'ola@fagforbundet.no', name: 'Ola', organisation: 'Fagforbundet', role: 'editor' },
      admin,
    );
    expect(res.status).toBe(201);
    const ola = await res.json();
    olaId = ola.id;
    expect(ola.memberships).toEqual([{ organisation: 'Fagforbundet', key: 'fagforbundet', role: 'editor' }]);
    const again = await req('POST', '/users', { email: 'OLA@fagforbundet.no' }, admin);
    expect(again.status).toBe(409);
    expect((await again.json()).title).toBe('Brukeren finnes allerede');
  });

  it('refuses every change from someone who is not a site administrator (403), changing nothing', async () => {
    const before = (await listUsers(ctx.db)).length;
    const res = await req('POST', '/users', { email: 'per@ks.no' }, reader);
    expect(res.status).toBe(403);
    expect((await req('GET', '/users', undefined, reader)).status).toBe(403);
    expect((await req('PUT', `/users/${olaId}/admin`, { admin: true }, reader)).status).toBe(403);
    expect((await listUsers(ctx.db)).length).toBe(before);
  });

  it('changes a role and removes a membership', async () => {
    let res = await req('PUT', `/users/${olaId}/roles`, { organisation: 'Fagforbundet', role: 'reader' }, admin);
    expect((await res.json()).memberships[0].role).toBe('reader');
    res = await req('PUT', `/users/${olaId}/roles`, { organisation: 'Fagforbundet', role: null }, admin);
    expect((await res.json()).memberships).toEqual([]);
    res = await req('PUT', `/users/nobody/roles`, { organisation: 'KS', role: 'reader' }, admin);
    expect(res.status).toBe(404);
  });

  it('sets a password the user can sign in with; a short one is refused naming the field', async () => {
    const short = await req('PUT', `/users/${olaId}/password`, { password: 'kort' }, admin);
    expect(short.status).toBe(400);
    expect((await short.json()).errors[0]).toMatchObject({ field: 'password' });
    expect((await req('PUT', `/users/${olaId}/password`, { password: 'et langt passord' }, admin)).status).toBe(204);
    const login = await ctx.app.request(
      '/session',
      jsonInit('POST', { email: 'ola@fagforbundet.no', password: 'et langt passord' }),
    );
    expect(login.status).toBe(200);
  });

  it('issues a token shown once, which then works; revoking it makes it a 401', async () => {
    const res = await req('POST', `/users/${olaId}/tokens`, { name: 'bærbar' }, admin);
    expect(res.status).toBe(201);
    ({ id: tokenId, token } = await res.json());
    expect(token).toMatch(/^inn_/);
    const list = await (await req('GET', '/tokens', undefined, admin)).json();
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.tokens.find((t: { id: string }) => t.id === tokenId)).toMatchObject({
      name: 'bærbar',
      revokedAt: null,
    });
    expect((await ctx.app.request('/drafts', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await req('DELETE', `/tokens/${tokenId}`, undefined, admin)).status).toBe(204);
    expect((await ctx.app.request('/drafts', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await req('DELETE', `/tokens/${tokenId}`, undefined, admin)).status).toBe(404);
  });

  it('writes each change to the audit log with who did it', async () => {
    // Sign-ins (a user signing in with the password set here) are logged too, under that user's own name.
    const { rows } = await ctx.db.query<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_log WHERE action NOT LIKE 'sign%' ORDER BY id`,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'user.add',
      'user.role',
      'user.role',
      'user.role',
      'user.password',
      'token.issue',
      'token.revoke',
    ]);
    expect(new Set(rows.map((r) => r.actor))).toEqual(new Set(['admin@innspill.no']));
  });
});
