/**
 * What an organisation needs from users and sign-in (the user walkthrough of session 18):
 * 1. the first administrator from INNSPILL_ADMIN_EMAIL, who has only a token, signs in to the page with it;
 * 2. disabled users stay listed (marked), are disabled and enabled over the API, and their token is told why;
 * 3. the users and session routes refuse unknown fields, and a role without an organisation, naming the field;
 * 4. a signed-in user changes their own password (with the current one); others' stay the admin's business.
 * Each runs the real app on an in-memory PGlite through app.request.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/bootstrap/firstAdmin.js';
import { hashPassword } from '../../src/http/auth/password.js';
import { silentLogger } from '../../src/log.js';
import { setPasswordHash } from '../../src/store/sessions.js';
import { createUser, issueToken, listUsers, setRole } from '../../src/store/users.js';
import { emptyApp, jsonInit } from '../helpers/runtime.js';

type Ctx = Awaited<ReturnType<typeof emptyApp>>;
let ctx: Ctx;
let adminToken = '';
let admin: Record<string, string>;

beforeAll(async () => {
  ctx = await emptyApp();
  const first = await ensureFirstAdmin(
    ctx.db,
    { INNSPILL_ADMIN_EMAIL: 'admin@ks.no', API_TOKENS: undefined },
    silentLogger,
  );
  adminToken = first!.token;
  admin = { authorization: `Bearer ${adminToken}` };
}, 120_000);

const req = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  ctx.app.request(path, body === undefined ? { method, headers } : jsonInit(method, body, headers));

/** A signed-in page session: the cookie and the CSRF token writes need. */
async function session(body: Record<string, string>) {
  const res = await req('POST', '/session', body);
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = await res.json();
  return { cookie: { cookie }, write: { cookie, 'x-csrf-token': csrfToken as string } };
}

describe('the first administrator signs in to the page', { shuffle: false }, () => {
  it('signs in with the token printed at start-up and reaches the admin API with the session', async () => {
    const res = await req('POST', '/session', { token: adminToken });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: 'admin@ks.no', admin: true });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^innspill_sesjon=/);
    expect((await req('GET', '/users', undefined, { cookie })).status).toBe(200);
  });

  it('refuses an unknown token with 401 and sets no cookie', async () => {
    const res = await req('POST', '/session', { token: 'inn_ikke-en-ekte-nokkel' });
    expect(res.status).toBe(401);
    expect((await res.json()).detail).toMatch(/ukjent eller trukket tilbake/);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('then sets a first password of their own without a current one, and signs in with it', async () => {
    const { write } = await session({ token: adminToken });
    const me = (await listUsers(ctx.db)).find((u) => u.email === 'admin@ks.no')!;
    const res = await req('PUT', `/users/${me.id}/password`, { password: 'et eget langt passord' }, write);
    expect(res.status).toBe(204);
    await session({ email: 'admin@ks.no', password: 'et eget langt passord' });
  });
});

describe('disabled users', { shuffle: false }, () => {
  let readerId = '';
  let readerToken = '';

  beforeAll(async () => {
    const reader = await createUser(ctx.db, { email: 'reader@ff.no' });
    readerId = reader.id;
    await setRole(ctx.db, { userId: reader.id, organisation: 'Fagforbundet', role: 'reader' });
    await setPasswordHash(ctx.db, { email: 'reader@ff.no', hash: await hashPassword('leserens passord') });
    readerToken = (await issueToken(ctx.db, { userId: reader.id, name: 'test' })).token;
  });

  it('are disabled over the API: signed out, still listed and marked, their token told why', async () => {
    const { cookie } = await session({ email: 'reader@ff.no', password: 'leserens passord' });
    const res = await req('PUT', `/users/${readerId}/disabled`, { disabled: true }, admin);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: 'reader@ff.no', disabled: true });
    expect((await (await req('GET', '/session', undefined, cookie)).json()).user).toBeNull();
    const { users } = await (await req('GET', '/users', undefined, admin)).json();
    expect(users.find((u: { email: string }) => u.email === 'reader@ff.no')).toMatchObject({ disabled: true });
    const refused = await req('GET', '/drafts', undefined, { authorization: `Bearer ${readerToken}` });
    expect(refused.status).toBe(401);
    expect((await refused.json()).detail).toMatch(/deaktivert/);
  });

  it('answer a new POST /users with a 409 that says the user is disabled and how to enable them', async () => {
    const res = await req('POST', '/users', { email: 'Reader@ff.no' }, admin);
    expect(res.status).toBe(409);
    const problem = await res.json();
    expect(problem.detail).toMatch(/deaktivert/);
    expect(problem.detail).toContain(`/users/${readerId}/disabled`);
    expect(problem.detail).toContain('npm run users -- enable reader@ff.no');
  });

  it('keep their roles editable, and are enabled again: the token works once more', async () => {
    const role = await req('PUT', `/users/${readerId}/roles`, { organisation: 'Fagforbundet', role: 'editor' }, admin);
    expect(role.status).toBe(200);
    const res = await req('PUT', `/users/${readerId}/disabled`, { disabled: false }, admin);
    expect(await res.json()).toMatchObject({ disabled: false, memberships: [{ role: 'editor' }] });
    expect((await req('GET', '/drafts', undefined, { authorization: `Bearer ${readerToken}` })).status).toBe(200);
  });

  it('the last active site administrator cannot give up the role either (409); with another one they can', async () => {
    const me = (await listUsers(ctx.db)).find((u) => u.email === 'admin@ks.no')!;
    const res = await req('PUT', `/users/${me.id}/admin`, { admin: false }, admin);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'conflict:last_admin', errors: [{ field: 'admin' }] });
    expect((await listUsers(ctx.db)).find((u) => u.id === me.id)!.isAdmin).toBe(true);
    // Another administrator first; then the role may go (and comes back for the tests below).
    const other = (await listUsers(ctx.db)).find((u) => u.email === 'reader@ff.no')!;
    expect((await req('PUT', `/users/${other.id}/admin`, { admin: true }, admin)).status).toBe(200);
    expect((await req('PUT', `/users/${other.id}/admin`, { admin: false }, admin)).status).toBe(200);
  });

  it('cannot include the last enabled site administrator (409), and only a site administrator disables', async () => {
    const me = (await listUsers(ctx.db)).find((u) => u.email === 'admin@ks.no')!;
    const res = await req('PUT', `/users/${me.id}/disabled`, { disabled: true }, admin);
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('conflict:last_admin');
    const byReader = await req(
      'PUT',
      `/users/${me.id}/disabled`,
      { disabled: true },
      {
        authorization: `Bearer ${readerToken}`,
      },
    );
    expect(byReader.status).toBe(403);
    expect((await listUsers(ctx.db)).every((u) => !u.disabled)).toBe(true);
  });
});

describe('strict bodies on the users and session routes', () => {
  it('refuses an unknown field with 400 «ukjent felt» naming it, and writes nothing', async () => {
    const ola = await createUser(ctx.db, { email: 'ola@ff.no' });
    const before = (await listUsers(ctx.db)).length;
    const cases: [string, string, Record<string, unknown>][] = [
      ['POST', '/users', { email: 'ny3@ff.no', foo: 1 }],
      ['PUT', `/users/${ola.id}/roles`, { organisation: 'Fagforbundet', role: 'reader', foo: 1 }],
      ['PUT', `/users/${ola.id}/admin`, { admin: true, foo: 1 }],
      ['PUT', `/users/${ola.id}/disabled`, { disabled: true, foo: 1 }],
      ['POST', `/users/${ola.id}/tokens`, { name: 'bærbar', foo: 1 }],
      ['PUT', `/users/${ola.id}/password`, { password: 'et langt passord', foo: 1 }],
      ['POST', '/session', { email: 'ola@ff.no', password: 'et langt passord', foo: 1 }],
    ];
    for (const [method, path, body] of cases) {
      const res = await req(method, path, body, admin);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect((await res.json()).errors, `${method} ${path}`).toContainEqual({ field: 'foo', reason: 'ukjent felt' });
    }
    expect((await listUsers(ctx.db)).length).toBe(before);
    const ola2 = (await listUsers(ctx.db)).find((u) => u.id === ola.id)!;
    expect(ola2).toMatchObject({ isAdmin: false, disabled: false, memberships: [] });
    const { tokens } = await (await req('GET', '/tokens', undefined, admin)).json();
    expect(tokens.filter((t: { userId: string }) => t.userId === ola.id)).toEqual([]);
  });

  it('refuses a role without an organisation (400 on organisation) instead of dropping it', async () => {
    const res = await req('POST', '/users', { email: 'ny@ff.no', role: 'editor' }, admin);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([expect.objectContaining({ field: 'organisation' })]);
    expect((await listUsers(ctx.db)).some((u) => u.email === 'ny@ff.no')).toBe(false);
  });
});

describe('changing one’s own password', { shuffle: false }, () => {
  let kariId = '';
  beforeAll(async () => {
    const kari = await createUser(ctx.db, { email: 'kari@ks.no' });
    kariId = kari.id;
    await setRole(ctx.db, { userId: kari.id, organisation: 'KS', role: 'reader' });
    await setPasswordHash(ctx.db, { email: 'kari@ks.no', hash: await hashPassword('kari sitt gamle passord') });
  });

  it('needs the current password, names the field when it is missing or wrong, and keeps the old one then', async () => {
    const { write } = await session({ email: 'kari@ks.no', password: 'kari sitt gamle passord' });
    const missing = await req('PUT', `/users/${kariId}/password`, { password: 'kari sitt nye passord' }, write);
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    const wrong = await req(
      'PUT',
      `/users/${kariId}/password`,
      { password: 'kari sitt nye passord', currentPassword: 'feil passord her' },
      write,
    );
    expect(wrong.status).toBe(400);
    const problem = await wrong.json();
    expect(problem.errors).toEqual([{ field: 'currentPassword', reason: 'passordet er feil' }]);
    // The detail the page shows names the field in Norwegian, not by its JSON name.
    expect(problem.detail).toBe('Nåværende passord: passordet er feil');
    await session({ email: 'kari@ks.no', password: 'kari sitt gamle passord' });
  });

  it('changes it with the current one: this session stays, the others end, the new password signs in', async () => {
    const other = await session({ email: 'kari@ks.no', password: 'kari sitt gamle passord' });
    const here = await session({ email: 'kari@ks.no', password: 'kari sitt gamle passord' });
    const res = await req(
      'PUT',
      `/users/${kariId}/password`,
      { password: 'kari sitt nye passord', currentPassword: 'kari sitt gamle passord' },
      here.write,
    );
    expect(res.status).toBe(204);
    expect((await (await req('GET', '/session', undefined, here.cookie)).json()).user).toMatchObject({
      email: 'kari@ks.no',
    });
    expect((await (await req('GET', '/session', undefined, other.cookie)).json()).user).toBeNull();
    expect((await req('POST', '/session', { email: 'kari@ks.no', password: 'kari sitt gamle passord' })).status).toBe(
      401,
    );
    await session({ email: 'kari@ks.no', password: 'kari sitt nye passord' });
  });

  it('refuses the 11th wrong current password in 15 minutes with 429, even the right one', async () => {
    const per = await createUser(ctx.db, { email: 'per@ks.no' });
    await setPasswordHash(ctx.db, { email: 'per@ks.no', hash: await hashPassword('pers riktige passord') });
    const { write } = await session({ email: 'per@ks.no', password: 'pers riktige passord' });
    const change = (currentPassword: string) =>
      req('PUT', `/users/${per.id}/password`, { password: 'pers nye passord', currentPassword }, write);
    for (let i = 0; i < 10; i++) expect((await change(`gjett nummer ${i}`)).status).toBe(400);
    const res = await change('pers riktige passord');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('900');
  });

  it('still may not set someone else’s password (403)', async () => {
    const { write } = await session({ email: 'kari@ks.no', password: 'kari sitt nye passord' });
    const me = (await listUsers(ctx.db)).find((u) => u.email === 'admin@ks.no')!;
    const res = await req('PUT', `/users/${me.id}/password`, { password: 'overtatt passord!' }, write);
    expect(res.status).toBe(403);
  });
});
