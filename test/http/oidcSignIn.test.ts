/**
 * OpenID Connect sign-in through the app, against a fake issuer on 127.0.0.1: the browser's round trip (our
 * redirect out, the issuer's redirect back, our callback) ends in a session for the user with that e-mail; an
 * unknown e-mail, a callback without the browser's state cookie, or a replayed callback get no session; with
 * OIDC_REGISTER_ORGANISATION an unknown e-mail becomes a reader there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { createUser, getUserByEmail } from '../../src/store/users.js';
import { seededStore, testConfig } from '../helpers/runtime.js';
import { startFakeOidcIssuer, type FakeOidcIssuer } from '../helpers/fakeOidcIssuer.js';

let issuer: FakeOidcIssuer;
let rt: Awaited<ReturnType<typeof seededStore>>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  issuer = await startFakeOidcIssuer();
  rt = await seededStore();
  await createUser(rt.db, { email: 'Kari@Example.no', name: 'Kari' });
  app = makeApp();
}, 120_000);
afterAll(() => issuer.close());

const makeApp = (extra: Record<string, string> = {}) =>
  createApp({
    ...rt,
    logger: silentLogger,
    config: {
      ...testConfig,
      OIDC_ISSUER: issuer.issuer,
      OIDC_CLIENT_ID: issuer.clientId,
      OIDC_CLIENT_SECRET: issuer.clientSecret,
      OIDC_NAME: 'Testforbundets innlogging',
      ...extra,
    },
  });

/** Our redirect to the issuer, the issuer's back to our callback; returns the callback path and the state cookie. */
async function toCallback(a = app, next = '/ny') {
  const start = await a.request(`/auth/oidc?neste=${encodeURIComponent(next)}`);
  expect(start.status).toBe(302);
  const stateCookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
  expect(stateCookie).toMatch(/^innspill_oidc=/);
  const atIssuer = await fetch(start.headers.get('location')!, { redirect: 'manual' });
  const back = new URL(atIssuer.headers.get('location')!);
  expect(back.pathname).toBe('/auth/oidc/callback');
  return { path: back.pathname + back.search, stateCookie };
}

const sessionCookie = (res: Response) =>
  (res.headers.get('set-cookie') ?? '')
    .split(/,(?=\s*innspill_)/)
    .map((c) => c.trim().split(';')[0]!)
    .find((c) => /^innspill_sesjon=./.test(c));

describe('OIDC sign-in', () => {
  it('signs in the user with the issuer’s e-mail and returns to where they were going', async () => {
    issuer.identity = { sub: 'u-1', email: 'kari@example.no', email_verified: true };
    const { path, stateCookie } = await toCallback();
    const res = await app.request(path, { headers: { cookie: stateCookie } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/ny');
    const cookie = sessionCookie(res);
    expect(cookie).toBeDefined();
    const me = await (await app.request('/session', { headers: { cookie: cookie! } })).json();
    expect(me.user.email).toBe('Kari@Example.no');
    expect(me.oidc).toEqual({ name: 'Testforbundets innlogging' });
  });

  it('sends an unknown e-mail back to the login page without a session (no self-registration)', async () => {
    issuer.identity = { sub: 'u-2', email: 'ola@example.no', email_verified: true };
    const { path, stateCookie } = await toCallback();
    const res = await app.request(path, { headers: { cookie: stateCookie } });
    expect(res.headers.get('location')).toBe('/logg-inn?feil=ukjent');
    expect(sessionCookie(res)).toBeUndefined();
    expect(await getUserByEmail(rt.db, { email: 'ola@example.no' })).toBeNull();
  });

  it('refuses a callback without the state cookie of the browser that started it, and a replay', async () => {
    issuer.identity = { sub: 'u-1', email: 'kari@example.no', email_verified: true };
    const { path, stateCookie } = await toCallback();
    const foreign = await app.request(path);
    expect(foreign.headers.get('location')).toBe('/logg-inn?feil=avvist');
    expect(sessionCookie(foreign)).toBeUndefined();
    // The first (cookie-less) try did not use the sign-in up; the real browser's callback still works, once.
    expect(sessionCookie(await app.request(path, { headers: { cookie: stateCookie } }))).toBeDefined();
    const replay = await app.request(path, { headers: { cookie: stateCookie } });
    expect(replay.headers.get('location')).toBe('/logg-inn?feil=avvist');
  });

  it('does not let an unverified e-mail claim an existing user', async () => {
    issuer.identity = { sub: 'u-3', email: 'kari@example.no', email_verified: false };
    const { path, stateCookie } = await toCallback();
    const res = await app.request(path, { headers: { cookie: stateCookie } });
    expect(res.headers.get('location')).toBe('/logg-inn?feil=ukjent');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('with OIDC_REGISTER_ORGANISATION makes an unknown e-mail a reader of that organisation', async () => {
    const open = makeApp({ OIDC_REGISTER_ORGANISATION: 'Fagforbundet' });
    issuer.identity = { sub: 'u-4', email: 'per@example.no', email_verified: true, name: 'Per' };
    const { path, stateCookie } = await toCallback(open, '/');
    const res = await open.request(path, { headers: { cookie: stateCookie } });
    expect(sessionCookie(res)).toBeDefined();
    const per = await getUserByEmail(rt.db, { email: 'per@example.no' });
    expect(per?.memberships).toEqual([{ organisation: 'Fagforbundet', key: 'fagforbundet', role: 'reader' }]);
  });

  it('answers 404 for /auth/oidc when no issuer is configured', async () => {
    const plain = createApp({ ...rt, logger: silentLogger, config: testConfig });
    const res = await plain.request('/auth/oidc');
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('not_found:oidc');
  });
});
