/**
 * The session cookie as a principal: a resolver for access16's principal middleware (http/middleware/principal.ts)
 * that turns a live session into its user's viewer, and refuses a write made with the cookie unless the page sent
 * the session's CSRF token in `X-CSRF-Token` (the origin check of hono/csrf stays in front of it).
 */
import type { Context } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { findSession } from '../../store/sessions.js';
import { getUser, userViewer } from '../../store/users.js';
import type { Queryable } from '../../store/driver.js';
import { AppError } from '../errors.js';
import type { PrincipalResolver, SessionInfo } from '../middleware/principal.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes that need no CSRF token: signing in (no session yet to hold one). */
const CSRF_EXEMPT = new Set(['POST /session']);

/**
 * Whether a request made with the session cookie must carry the CSRF token (else 403 forbidden:csrf): every write,
 * read-only POSTs (/search, /ask, /verify) included, but signing in. /openapi.json documents the 403 from this.
 */
export const needsCsrfToken = (method: string, path: string) =>
  !SAFE_METHODS.has(method.toUpperCase()) && !CSRF_EXEMPT.has(`${method.toUpperCase()} ${path}`);

export const CSRF_HEADER = 'x-csrf-token';

export function sessionResolver({ db, idleMinutes }: { db: Queryable; idleMinutes: number }): PrincipalResolver {
  return async (c: Context) => {
    // The page's static files are public and carry no data: no session lookup (two queries) for each of them.
    if (c.req.path.startsWith('/assets/')) return null;
    const token = readCookie(c, SESSION_COOKIE);
    if (!token) return null;
    const session = await findSession(db, { token, idleMinutes });
    const user = session ? await getUser(db, { id: session.userId }) : null;
    // An expired or logged-out cookie is no credential: the request goes on as anonymous (401 where that is not
    // enough), which is what sends the page to its login view.
    if (!session || !user) return null;
    if (needsCsrfToken(c.req.method, c.req.path)) {
      const given = Buffer.from(c.req.header(CSRF_HEADER) ?? '');
      const expected = Buffer.from(session.csrfToken);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new AppError('forbidden:csrf', {
          detail:
            'Skriving med innloggingen krever sikkerhetsnøkkelen siden sender i X-CSRF-Token. Last siden på nytt og prøv igjen.',
        });
    }
    c.set('session', { csrfToken: session.csrfToken, expiresAt: session.expiresAt } satisfies SessionInfo);
    return userViewer(user);
  };
}
