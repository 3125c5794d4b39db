/**
 * Who is asking: one middleware that turns a request into a principal (a `Viewer`, src/domain/viewer.ts) and puts
 * it on the Hono context, `c.get('viewer')`, before any route runs. Routes pass it down to the store
 * (`scoped(db, c.get('viewer'))`, src/store/access.ts), which filters every read by it, and check roles with
 * `mayAct` / `requireRole` (http/access.ts) before a write.
 *
 * The interface, kept small on purpose:
 *   principal({ db, serviceTokens, serviceRole, serviceOrganisations, resolvers, isPublic }): MiddlewareHandler
 *   type PrincipalResolver = (c: Context) => Promise<Viewer | null>
 * Resolution, first match wins:
 *   1. `Authorization: Bearer <token>`: a token of API_TOKENS (compared timing-safe) is a service principal with
 *      API_TOKENS_ROLE in every organisation, or only in API_TOKENS_ORGANISATIONS when set; any other token is looked
 *      up by its SHA-256 among the users' personal tokens. An unknown or revoked token is a 401, whatever the route.
 *   2. each extra resolver in order (a session cookie, from the sign-in work), null meaning "not mine";
 *   3. no credentials: the open principal (everything, as before issue 16) while no user and no service token
 *      exists, else the anonymous one, which gets only the public routes (`isPublic`: health, the OpenAPI
 *      document, /docs, the page's shell and assets); any other route is a 401.
 * `c.get('openMode')` says which of the two a server is in (health shows it).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { ANONYMOUS_VIEWER, OPEN_VIEWER, type Role, type Viewer } from '../../domain/viewer.js';
import type { Queryable } from '../../store/driver.js';
import { anyUser, isTokenOfDisabledUser, userByToken, userViewer } from '../../store/users.js';
import { AppError } from '../errors.js';

/** Another way to find the principal (e.g. a session cookie): a viewer, or null when the request has none of its kind. */
export type PrincipalResolver = (c: Context) => Promise<Viewer | null>;

export interface PrincipalOptions {
  db: Queryable;
  /** API_TOKENS. */
  serviceTokens: string[];
  /** API_TOKENS_ROLE: the service tokens' role. */
  serviceRole: Role;
  /** API_TOKENS_ORGANISATIONS: the organisations that role holds in; empty = every organisation. */
  serviceOrganisations?: string[];
  resolvers?: PrincipalResolver[];
  /** Routes the anonymous principal may call on a server that has users or tokens. */
  isPublic?: (method: string, path: string) => boolean;
}

/** Health, the API's description and the page's shell and assets (which then ask for sign-in). */
export function defaultIsPublic(method: string, path: string): boolean {
  // Signing in and out (http/routes/session.ts) is open to the anonymous principal by definition.
  if (path === '/session' && (method === 'POST' || method === 'DELETE')) return true;
  if (method !== 'GET' && method !== 'HEAD') return false;
  return (
    path === '/health' ||
    path === '/openapi.json' ||
    path === '/docs' ||
    path === '/session' ||
    path.startsWith('/auth/oidc') ||
    path.startsWith('/docs/') ||
    path.startsWith('/assets/') ||
    PAGE_SHELLS.some((re) => re.test(path))
  );
}
// The page's own paths (http/routes/web.ts PAGE_PATHS): the shell carries no data, the data comes from the API.
const PAGE_SHELLS = [
  /^\/$/,
  /^\/ny\/?$/,
  /^\/utkast\/[^/]+\/?$/,
  /^\/spor\/?$/,
  /^\/dokumenter(\/[^/]+)?\/?$/,
  /^\/logg-inn\/?$/,
  /^\/admin\/?$/,
];

/** The page's session behind a request (http/auth/session.ts): what GET /session hands the page. */
export interface SessionInfo {
  csrfToken: string;
  expiresAt: string;
}

/** `session`: set when the principal came from the page's session cookie (http/auth/session.ts). */
export type PrincipalVariables = { viewer: Viewer; openMode: boolean; session?: SessionInfo };

export function principal(opts: PrincipalOptions): MiddlewareHandler<{ Variables: PrincipalVariables }> {
  const accepted = opts.serviceTokens.map((t) => Buffer.from(t));
  const service = serviceViewer(opts.serviceRole, opts.serviceOrganisations ?? []);
  const isPublic = opts.isPublic ?? defaultIsPublic;
  // Once a user or token exists the server is closed for good (users are disabled, never deleted).
  let closed = accepted.length > 0;
  const isOpen = async () => !(closed ||= await anyUser(opts.db));

  return async (c, next) => {
    const viewer = await resolve(c);
    c.set('viewer', viewer);
    c.set('openMode', viewer.kind === 'open');
    if (viewer.kind === 'anonymous' && !isPublic(c.req.method, c.req.path))
      throw new AppError('unauthorized:token', {
        detail: 'Denne tjenesten krever innlogging. Send en tilgangsnøkkel: Authorization: Bearer <nøkkel>.',
      });
    return next();
  };

  async function resolve(c: Context): Promise<Viewer> {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const given = header.replace(/^Bearer\s+/i, '').trim();
      const bytes = Buffer.from(given);
      if (accepted.some((t) => t.length === bytes.length && timingSafeEqual(t, bytes))) return service;
      const user = given ? await userByToken(opts.db, { token: given }) : null;
      if (user) return userViewer(user);
      // Open mode has no tokens to be wrong about: a stray header is ignored as before.
      if (await isOpen()) return OPEN_VIEWER;
      // Only the holder of a real token gets here with one of a disabled user: telling them why is no leak.
      if (given && (await isTokenOfDisabledUser(opts.db, { token: given })))
        throw new AppError('unauthorized:token', {
          detail:
            'Brukerkontoen til denne tilgangsnøkkelen er deaktivert. Be en administrator om å aktivere den igjen.',
        });
      throw new AppError('unauthorized:token', { detail: 'Tilgangsnøkkelen er ukjent eller trukket tilbake.' });
    }
    for (const r of opts.resolvers ?? []) {
      const v = await r(c);
      if (v) return v;
    }
    return (await isOpen()) ? OPEN_VIEWER : ANONYMOUS_VIEWER;
  }
}

function serviceViewer(role: Role, organisations: string[]): Viewer {
  const limited = organisations.length > 0;
  return Object.freeze({
    kind: 'service',
    userId: null,
    label: 'service',
    siteAdmin: !limited && role === 'admin',
    roles: limited ? Object.fromEntries(organisations.map((o) => [o.toLowerCase(), role])) : {},
    everyOrganisation: limited ? null : role,
  });
}
