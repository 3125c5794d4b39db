/**
 * Sign-in for the page through app.request (issue 16 item 2): a password sign-in sets an HttpOnly, SameSite=Lax
 * cookie (Secure only over TLS or a trusted proxy's https), the session lives in the database (another app on the
 * same store knows it; only its hash is stored), a cookie write without the CSRF token is refused and stores
 * nothing, an expired session reads nothing, and sign-out ends the session on the server.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/http/auth/password.js';
import { silentLogger } from '../../src/log.js';
import { setPasswordHash } from '../../src/store/sessions.js';
import { createUser, setRole } from '../../src/store/users.js';
import { jsonInit, seededApp, testConfig } from '../helpers/runtime.js';

type Ctx = Awaited<ReturnType<typeof seededApp>>;
let ctx: Ctx;
const ORG = 'Testforbundet Vest';
const EMAIL = 'kari@testforbundet.no';
const PASSWORD = 'korrekt hest batteri stift';

beforeAll(async () => {
  ctx = await seededApp();
  const kari = await createUser(ctx.db, { email: EMAIL, name: 'Kari Nordmann' });
  await setRole(ctx.db, { userId: kari.id, organisation: ORG, role: 'editor' });
  await setPasswordHash(ctx.db, { email: EMAIL, hash: await hashPassword(PASSWORD) });
}, 120_000);

/** Sign in; the cookie pair to send back and the page's CSRF token. */
async function signIn(app = ctx.app, url = 'http://localhost/session', headers: Record<string, string> = {}) {
  const res = await app.request(url, jsonInit('POST', { email: EMAIL, password: PASSWORD }, headers));
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const body = await res.json();
  return { res, setCookie, cookie: setCookie.split(';')[0]!, csrf: body.csrfToken as string, body };
}

function upload(title: string, headers: Record<string, string>) {
  const fd = new FormData();
  fd.set('file', new File([`${title}. Et notat om kommunal beredskap og lokal forankring i Vest.`], 'notat.txt'));
  for (const [k, v] of Object.entries({ organisation: ORG, kind: 'consultation_response', date: '2024-03-12', title }))
    fd.set(k, v);
  return ctx.app.request('/documents', { method: 'POST', body: fd, headers });
}
const documentCount = async () =>
  Number((await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0]!.n);

describe('POST /session (password)', () => {
  it('refuses a wrong password and an unknown e-mail with the same 401 and sets no cookie', async () => {
    for (const body of [
      { email: EMAIL, password: 'feil passord her' },
      { email: 'ingen@example.no', password: PASSWORD },
    ]) {
      const res = await ctx.app.request('/session', jsonInit('POST', body));
      expect(res.status).toBe(401);
      const problem = await res.json();
      expect(problem.code).toBe('unauthorized:login');
      expect(problem.detail).toMatch(/E-postadressen eller passordet er feil/);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('sets an HttpOnly, SameSite=Lax session cookie (not Secure over plain HTTP) and stores only its hash', async () => {
    const { setCookie, cookie, body } = await signIn();
    expect(setCookie).toMatch(/^innspill_sesjon=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    expect(body.user).toMatchObject({ email: EMAIL, name: 'Kari Nordmann', admin: false });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = (await ctx.db.query('SELECT * FROM sessions')).rows;
    expect(JSON.stringify(rows)).not.toContain(cookie.split('=')[1]);
  });

  it('refuses an e-mail after 10 failed sign-ins in 15 minutes with 429, even with the right password', async () => {
    const email = 'ola@testforbundet.no';
    const ola = await createUser(ctx.db, { email });
    await setPasswordHash(ctx.db, { email, hash: await hashPassword(PASSWORD) });
    for (let i = 0; i < 10; i++)
      expect((await ctx.app.request('/session', jsonInit('POST', { email, password: `gjett ${i}` }))).status).toBe(401);
    const res = await ctx.app.request('/session', jsonInit('POST', { email: email.toUpperCase(), password: PASSWORD }));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('900');
    expect((await res.json()).detail).toMatch(/For mange mislykkede innlogginger/);
    expect(res.headers.get('set-cookie')).toBeNull();
    // Once the window has passed, the right password works again.
    await ctx.db.query(`UPDATE login_failures SET at = at - interval '16 minutes'`);
    expect((await ctx.app.request('/session', jsonInit('POST', { email, password: PASSWORD }))).status).toBe(200);
    expect(ola.email).toBe(email);
  });

  it('locks out the address that guessed, not the real user at another; 100 failures from anywhere lock all', async () => {
    const email = 'siri@testforbundet.no';
    await createUser(ctx.db, { email });
    await setPasswordHash(ctx.db, { email, hash: await hashPassword(PASSWORD) });
    // Behind a trusted proxy the client is the address the proxy appended to X-Forwarded-For.
    const app = createApp({ ...ctx, config: { ...testConfig, TRUST_PROXY: true }, logger: silentLogger });
    const from = (ip: string, password: string) =>
      app.request('/session', jsonInit('POST', { email, password }, { 'x-forwarded-for': ip }));
    for (let i = 0; i < 10; i++) expect((await from('203.0.113.7', `gjett ${i}`)).status).toBe(401);
    const stranger = await from('203.0.113.7', PASSWORD);
    expect(stranger.status).toBe(429);
    expect((await stranger.json()).detail).toMatch(/For mange mislykkede innlogginger/);
    // The real user, at another address, signs in.
    expect((await from('198.51.100.20', PASSWORD)).status).toBe(200);
    // Guesses spread over many addresses: after 100 in the window every address waits.
    for (let i = 0; i < 90; i++)
      await ctx.db.query(`INSERT INTO login_failures (email_key, client) VALUES ($1, $2)`, [email, `192.0.2.${i}`]);
    expect((await from('198.51.100.20', PASSWORD)).status).toBe(429);
  });

  it('marks the cookie Secure over TLS, and behind a proxy only with TRUST_PROXY', async () => {
    expect((await signIn(ctx.app, 'https://localhost/session')).setCookie).toContain('Secure');
    const proxied = { 'x-forwarded-proto': 'https' };
    expect((await signIn(ctx.app, 'http://localhost/session', proxied)).setCookie).not.toContain('Secure');
    const trusting = createApp({ ...ctx, config: { ...testConfig, TRUST_PROXY: true }, logger: silentLogger });
    expect((await signIn(trusting, 'http://localhost/session', proxied)).setCookie).toContain('Secure');
  });
});

describe('the session cookie as a principal', () => {
  it('reads with the cookie; without it a server with users answers 401', async () => {
    const { cookie } = await signIn();
    expect((await ctx.app.request('/drafts', { headers: { cookie } })).status).toBe(200);
    expect((await ctx.app.request('/drafts')).status).toBe(401);
    const me = await (await ctx.app.request('/session', { headers: { cookie } })).json();
    expect(me.user.email).toBe(EMAIL);
    expect(me.open).toBe(false);
  });

  it('refuses a write made with the cookie but without the CSRF token (403, nothing stored)', async () => {
    const { cookie, csrf } = await signIn();
    const before = await documentCount();
    const attempts: Record<string, string>[] = [{ cookie }, { cookie, 'x-csrf-token': 'gjettet' }];
    for (const headers of attempts) {
      const res = await upload('Uten nøkkel', headers);
      expect(res.status).toBe(403);
      const problem = await res.json();
      expect(problem.code).toBe('forbidden:csrf');
      expect(problem.title).toBe('Skjemaet mangler sikkerhetsnøkkelen');
    }
    expect(await documentCount()).toBe(before);
    const res = await upload('Med nøkkel', { cookie, 'x-csrf-token': csrf });
    expect(res.status).toBe(201);
    expect(await documentCount()).toBe(before + 1);
  });

  it('is known to a second app on the same database (sessions are not in process memory)', async () => {
    const { cookie } = await signIn();
    const other = createApp({ ...ctx, config: testConfig, logger: silentLogger });
    const me = await (await other.request('/session', { headers: { cookie } })).json();
    expect(me.user?.email).toBe(EMAIL);
  });

  it('an expired session reads nothing: 401, and GET /session shows nobody', async () => {
    const { cookie } = await signIn();
    await ctx.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second'`);
    expect((await ctx.app.request('/drafts', { headers: { cookie } })).status).toBe(401);
    const me = await (await ctx.app.request('/session', { headers: { cookie } })).json();
    expect(me.user).toBeNull();
  });

  it('signs out: 204, the cookie cleared and the session gone from the database', async () => {
    const { cookie, csrf } = await signIn();
    const res = await ctx.app.request('/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/innspill_sesjon=;.*Max-Age=0/);
    expect((await ctx.app.request('/drafts', { headers: { cookie } })).status).toBe(401);
  });
});

describe('the audit log of signing in and out', () => {
  const entries = async (requestIds: string[]) =>
    (
      await ctx.db.query<{ action: string; actor: string; actor_id: string | null; detail: unknown }>(
        'SELECT action, actor, actor_id, detail FROM audit_log WHERE request_id = ANY($1) ORDER BY id',
        [requestIds],
      )
    ).rows;

  it('records a sign-in, a refused sign-in (the e-mail typed, never the password) and a sign-out', async () => {
    const email = 'audit-ola@testforbundet.no';
    const ola = await createUser(ctx.db, { email, name: 'Ola' });
    await setRole(ctx.db, { userId: ola.id, organisation: ORG, role: 'reader' });
    await setPasswordHash(ctx.db, { email, hash: await hashPassword(PASSWORD) });
    const refused = await ctx.app.request('/session', jsonInit('POST', { email, password: 'feil passord her' }));
    expect(refused.status).toBe(401);
    const ok = await ctx.app.request('/session', jsonInit('POST', { email, password: PASSWORD }));
    expect(ok.status).toBe(200);
    const cookie = (ok.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await ok.json()) as { csrfToken: string };
    const out = await ctx.app.request('/session', {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    const ids = [refused, ok, out].map((r) => r.headers.get('x-request-id') ?? '');
    expect(ids.every(Boolean)).toBe(true);
    const rows = await entries(ids);
    expect(rows.map((r) => r.action)).toEqual(['signin.refused', 'signin', 'signout']);
    expect(rows[0]).toMatchObject({ actor: email, actor_id: null, detail: { via: 'password' } });
    expect(rows[1]).toMatchObject({ actor: email, actor_id: ola.id, detail: { via: 'password' } });
    expect(rows[2]).toMatchObject({ actor_id: ola.id });
    expect(JSON.stringify(rows)).not.toContain('feil passord her');
  });
});
