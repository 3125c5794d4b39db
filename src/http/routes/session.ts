/**
 * Sign-in for the page: `POST /session` (e-mail and password, or a personal access token: the first administrator
 * from INNSPILL_ADMIN_EMAIL has only that), `GET /session` (who is signed in, the CSRF token the
 * page sends on writes), `DELETE /session` (sign out), and, when OIDC_* is set, `GET /auth/oidc` → the identity
 * provider → `GET /auth/oidc/callback`. Sessions live in the database (store/sessions.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Config } from '../../config/env.js';
import type { Logger } from '../../log.js';
import type { Queryable } from '../../store/driver.js';
import {
  clearLoginFailures,
  createSession,
  deleteExpired,
  deleteSession,
  passwordByEmail,
  passwordHashOf,
  recentLoginFailures,
  recordLoginFailure,
  saveOidcLogin,
  takeOidcLogin,
  type SignInVia,
} from '../../store/sessions.js';
import { recordAudit } from '../../store/audit.js';
import { refuseOtherSpelling } from '../../store/organisations.js';
import {
  createUser,
  getUser,
  getUserByEmail,
  isTokenOfDisabledUser,
  setRole,
  userByToken,
  type User,
} from '../../store/users.js';
import { clearCookie, OIDC_STATE_COOKIE, readCookie, SESSION_COOKIE, setAuthCookie } from '../auth/cookies.js';
import { OIDC_CALLBACK_PATH, oidcClient, type OidcClient } from '../auth/oidc.js';
import { PASSWORD_MAX, verifyPassword } from '../auth/password.js';
import { audit } from '../access.js';
import { AppError } from '../errors.js';
import { clientIp } from '../middleware/rateLimits.js';
import { problemResponses, router, type AppEnv } from '../openapi.js';

export type SignInConfig = Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_MAX_HOURS' | 'TRUST_PROXY'> &
  Partial<
    Pick<
      Config,
      | 'OIDC_ISSUER'
      | 'OIDC_CLIENT_ID'
      | 'OIDC_CLIENT_SECRET'
      | 'OIDC_REDIRECT_URL'
      | 'OIDC_NAME'
      | 'OIDC_REGISTER_ORGANISATION'
    >
  >;

/** Failed password sign-ins per e-mail within the window before 429. */
/** Failed sign-ins for one e-mail from one client address in the window before that client gets 429. */
const LOGIN_MAX_FAILURES = 10;
/**
 * Failed sign-ins for one e-mail from all clients in the window before every client gets 429: guessing spread over
 * many addresses stays bounded (100 guesses per 15 minutes), while one stranger cannot lock a colleague out.
 */
const LOGIN_MAX_FAILURES_ALL_CLIENTS = 100;
const LOGIN_WINDOW_MIN = 15;

export const SIGN_IN_DEFAULTS: SignInConfig = { SESSION_IDLE_MINUTES: 480, SESSION_MAX_HOURS: 24, TRUST_PROXY: false };

const SessionUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    admin: z.boolean(),
    memberships: z.array(z.object({ organisation: z.string(), role: z.enum(['reader', 'editor', 'admin']) })),
    hasPassword: z.boolean().openapi({
      description: 'Whether a password is set: changing it asks for the current one (PUT /users/{id}/password)',
    }),
  })
  .openapi('SessionUser');

const SessionState = z
  .object({
    user: SessionUser.nullable(),
    csrfToken: z.string().openapi({ description: 'Send it as X-CSRF-Token on every write made with the cookie.' }),
    expiresAt: z.string().nullable(),
    open: z.boolean().openapi({ description: 'No user or token exists yet: the server is open to all.' }),
    oidc: z.object({ name: z.string() }).nullable(),
  })
  .openapi('SessionState');

// NOTE: one strict object rather than a union of two, so a missing or unknown field is named plainly
// (a union's errors name neither branch well); the handler asks for e-mail and password when no token is given.
const Login = z
  .object({
    email: z.string().trim().min(1).max(320).optional(),
    password: z.string().min(1).max(PASSWORD_MAX).optional(),
    token: z.string().trim().min(1).max(200).optional().openapi({
      description: 'A personal access token instead of e-mail and password (e.g. the first administrator’s)',
    }),
  })
  .strict();

/** The key under which failed token sign-ins are counted per client (no e-mail is typed). */
const TOKEN_FAILURES_KEY = '(tilgangsnøkkel)';

const getRoute = createRoute({
  method: 'get',
  path: '/session',
  summary: 'Who is signed in (the page asks first), and the CSRF token for writes',
  responses: { 200: { description: 'OK', content: { 'application/json': { schema: SessionState } } } },
});

const postRoute = createRoute({
  method: 'post',
  path: '/session',
  summary:
    'Sign in with e-mail and password, or with a personal access token: sets the session cookie (HttpOnly, ' +
    'SameSite=Lax, Secure over TLS)',
  request: { body: { required: true, content: { 'application/json': { schema: Login } } } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: SessionState } } },
    ...problemResponses(400, 401, 415, 429),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/session',
  summary: 'Sign out: the session ends on the server and the cookie is cleared',
  responses: { 204: { description: 'Signed out' }, ...problemResponses(403) },
});

const publicUser = (u: User, hasPassword: boolean): z.infer<typeof SessionUser> => ({
  id: u.id,
  email: u.email,
  name: u.name,
  admin: u.isAdmin,
  memberships: u.memberships.map((m) => ({ organisation: m.organisation, role: m.role })),
  hasPassword,
});

export function sessionRoutes({ db, config, logger }: { db: Queryable; config: SignInConfig; logger: Logger }) {
  const oidc: OidcClient | null =
    config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET
      ? oidcClient({
          issuer: config.OIDC_ISSUER,
          clientId: config.OIDC_CLIENT_ID,
          clientSecret: config.OIDC_CLIENT_SECRET,
          redirectUrl: config.OIDC_REDIRECT_URL,
        })
      : null;
  const oidcInfo = oidc ? { name: config.OIDC_NAME ?? 'organisasjonens innlogging' } : null;
  const cookieOpts = { trustProxy: config.TRUST_PROXY };

  /** Start a session for the user: the cookie, and the state the page needs. */
  async function signIn(c: Context<AppEnv>, user: User, via: SignInVia) {
    // Sign-ins are rare next to requests: a good moment to drop expired sessions and abandoned OIDC round trips.
    await deleteExpired(db);
    const s = await createSession(db, {
      userId: user.id,
      via,
      idleMinutes: config.SESSION_IDLE_MINUTES,
      maxHours: config.SESSION_MAX_HOURS,
    });
    setAuthCookie(c, SESSION_COOKIE, s.token, { ...cookieOpts, maxAgeS: config.SESSION_MAX_HOURS * 3600 });
    logger.info({ requestId: c.get('requestId'), userId: user.id, via }, 'signed in');
    // The request's principal is still anonymous here: the entry names the user who signed in.
    await recordAudit(db, {
      actorId: user.id,
      actor: user.email,
      action: 'signin',
      requestId: c.get('requestId'),
      detail: { via },
    });
    const hasPassword = via === 'password' || (await passwordHashOf(db, { userId: user.id })) !== null;
    return {
      user: publicUser(user, hasPassword),
      csrfToken: s.csrfToken,
      expiresAt: s.expiresAt,
      open: false,
      oidc: oidcInfo,
    };
  }

  const api = router()
    .openapi(getRoute, async (c) => {
      const viewer = c.get('viewer');
      const session = c.get('session');
      const user = viewer.kind === 'user' && viewer.userId ? await getUser(db, { id: viewer.userId }) : null;
      return c.json(
        {
          user: user ? publicUser(user, (await passwordHashOf(db, { userId: user.id })) !== null) : null,
          csrfToken: session?.csrfToken ?? '',
          expiresAt: session?.expiresAt ?? null,
          open: c.get('openMode'),
          oidc: oidcInfo,
        },
        200,
      );
    })
    .openapi(postRoute, async (c) => {
      const body = c.req.valid('json');
      if (body.token !== undefined) {
        if (body.email !== undefined || body.password !== undefined)
          throw new AppError('bad_request:validation', {
            detail: 'Logg inn enten med tilgangsnøkkel eller med e-post og passord, ikke begge.',
            errors: [{ field: 'token', reason: 'kan ikke gis sammen med email og password' }],
          });
        return c.json(await signInWithToken(c, body.token), 200);
      }
      const missing = (['email', 'password'] as const).filter((f) => body[f] === undefined);
      if (missing.length)
        throw new AppError('bad_request:validation', {
          detail: 'Oppgi e-post og passord, eller en tilgangsnøkkel (token).',
          errors: missing.map((field) => ({ field, reason: 'feltet mangler' })),
        });
      const email = body.email!;
      const password = body.password!;
      // NOTE: counted in the database (every server sees the same count), before any hash is checked, so a guesser
      // costs us one count query. Per e-mail and client address: wrong guesses from one address lock that address
      // out, not the real user at another; LOGIN_MAX_FAILURES_ALL_CLIENTS bounds guesses from many addresses.
      const client = clientIp(c, config.TRUST_PROXY);
      const failures = await recentLoginFailures(db, { email, client, minutes: LOGIN_WINDOW_MIN });
      if (failures.fromClient >= LOGIN_MAX_FAILURES || failures.total >= LOGIN_MAX_FAILURES_ALL_CLIENTS)
        throw new AppError('too_many_requests:rate', {
          detail: `For mange mislykkede innlogginger for ${email}. Vent ${LOGIN_WINDOW_MIN} minutter og prøv igjen.`,
          retryAfterS: LOGIN_WINDOW_MIN * 60,
        });
      const found = await passwordByEmail(db, { email });
      // Unknown e-mail, no password set, wrong password: one answer, and as slow (verifyPassword checks a decoy).
      const ok = await verifyPassword(found?.hash, password);
      const user = ok && found ? await getUser(db, { id: found.userId }) : null;
      if (!user) {
        // Only site admins read an entry with no organisation: the e-mail typed is kept for them, never a password.
        await refused(c, { key: email, client, via: 'password' });
        throw new AppError('unauthorized:login', {
          detail: 'E-postadressen eller passordet er feil. Prøv igjen, eller be en administrator om et nytt passord.',
        });
      }
      await clearLoginFailures(db, { email, client });
      return c.json(await signIn(c, user, 'password'), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const token = readCookie(c, SESSION_COOKIE);
      if (token) await deleteSession(db, { token });
      if (c.get('viewer').kind === 'user') await audit(c, db, { action: 'signout' });
      clearCookie(c, SESSION_COOKIE, cookieOpts);
      return c.body(null, 204);
    });

  /** A refused sign-in: counted against the e-mail (or the token key) and the client, logged and audited. */
  async function refused(c: Context<AppEnv>, { key, client, via }: { key: string; client: string; via: string }) {
    await recordLoginFailure(db, { email: key, client });
    logger.info({ requestId: c.get('requestId'), via }, 'sign-in refused');
    await recordAudit(db, {
      actorId: null,
      actor: key,
      action: 'signin.refused',
      requestId: c.get('requestId'),
      detail: { via },
    });
  }

  /**
   * A personal access token typed on the sign-in page opens a session for its user. Tokens are 256 random bits, so
   * failures are counted per client only to keep a flood of attempts cheap.
   */
  async function signInWithToken(c: Context<AppEnv>, token: string) {
    const client = clientIp(c, config.TRUST_PROXY);
    const failures = await recentLoginFailures(db, { email: TOKEN_FAILURES_KEY, client, minutes: LOGIN_WINDOW_MIN });
    if (failures.fromClient >= LOGIN_MAX_FAILURES)
      throw new AppError('too_many_requests:rate', {
        detail: `For mange mislykkede innlogginger med tilgangsnøkkel. Vent ${LOGIN_WINDOW_MIN} minutter og prøv igjen.`,
        retryAfterS: LOGIN_WINDOW_MIN * 60,
      });
    const user = await userByToken(db, { token });
    if (!user) {
      await refused(c, { key: TOKEN_FAILURES_KEY, client, via: 'token' });
      // Only the holder of a real token can be told that its account is disabled (see middleware/principal.ts).
      throw new AppError('unauthorized:token', {
        detail: (await isTokenOfDisabledUser(db, { token }))
          ? 'Brukerkontoen til denne tilgangsnøkkelen er deaktivert. Be en administrator om å aktivere den igjen.'
          : 'Tilgangsnøkkelen er ukjent eller trukket tilbake. Be en administrator om en ny, eller logg inn med e-post og passord.',
      });
    }
    return signIn(c, user, 'token');
  }

  // The browser's round trip through the identity provider: plain redirects, not part of the JSON API.
  const web = new Hono<AppEnv>();
  web.get('/auth/oidc', async (c) => {
    if (!oidc) throw new AppError('not_found:oidc', { detail: 'Serveren har ikke OIDC_ISSUER satt.' });
    const { url, pending } = await oidc.start(publicOrigin(c, config.TRUST_PROXY));
    await saveOidcLogin(db, { ...pending, returnTo: safeNext(c.req.query('neste')) });
    // The state also goes in a cookie: a callback link made in another browser (login CSRF) has no such cookie.
    setAuthCookie(c, OIDC_STATE_COOKIE, pending.state, { ...cookieOpts, maxAgeS: 600, path: '/auth/oidc' });
    return c.redirect(url.href, 302);
  });
  web.get(OIDC_CALLBACK_PATH, async (c) => {
    if (!oidc) throw new AppError('not_found:oidc', { detail: 'Serveren har ikke OIDC_ISSUER satt.' });
    const state = c.req.query('state') ?? '';
    const fromCookie = readCookie(c, OIDC_STATE_COOKIE);
    clearCookie(c, OIDC_STATE_COOKIE, { ...cookieOpts, path: '/auth/oidc' });
    const pending = state && fromCookie === state ? await takeOidcLogin(db, { state }) : null;
    if (!pending) return c.redirect('/logg-inn?feil=avvist', 302);
    let identity;
    try {
      identity = await oidc.finish(new URL(c.req.url), pending);
    } catch (err) {
      logger.warn({ requestId: c.get('requestId'), err }, 'OIDC sign-in refused');
      const why = err instanceof AppError && err.code === 'unavailable:oidc' ? 'utilgjengelig' : 'avvist';
      return c.redirect(`/logg-inn?feil=${why}`, 302);
    }
    // NOTE: an issuer that says the e-mail is unverified does not get to claim an existing user by it.
    // getUser again: it leaves out disabled users, which getUserByEmail does not.
    const known = identity.emailVerified === false ? null : await getUserByEmail(db, { email: identity.email });
    let user = known ? await getUser(db, { id: known.id }) : null;
    if (!known && identity.emailVerified !== false && config.OIDC_REGISTER_ORGANISATION) {
      const organisation = config.OIDC_REGISTER_ORGANISATION;
      // Checked before the user is created (setRole refuses another spelling of a known organisation too).
      await refuseOtherSpelling(db, { organisation });
      const created = await createUser(db, { email: identity.email, name: identity.name ?? '' });
      await setRole(db, { userId: created.id, organisation, role: 'reader' });
      user = await getUser(db, { id: created.id });
    }
    if (!user) {
      logger.info({ requestId: c.get('requestId') }, 'OIDC sign-in by an unknown e-mail refused');
      await recordAudit(db, {
        actorId: null,
        actor: identity.email,
        action: 'signin.refused',
        requestId: c.get('requestId'),
        detail: { via: 'oidc' },
      });
      return c.redirect('/logg-inn?feil=ukjent', 302);
    }
    await signIn(c, user, 'oidc');
    return c.redirect(pending.returnTo, 302);
  });
  return { api, web };
}

/** The origin the browser used: the request's own, or the proxy's (X-Forwarded-Proto/Host) with TRUST_PROXY. */
function publicOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (!trustProxy) return url.origin;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() || url.host;
  return `${proto}://${host}`;
}

/** A same-origin path to return to after sign-in; anything else becomes the front page. */
export function safeNext(value: string | undefined): string {
  return value && /^\/(?![/\\])/.test(value) && !value.startsWith('/logg-inn') ? value : '/';
}
