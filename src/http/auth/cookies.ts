/**
 * The session cookie and when it is Secure. The server speaks plain HTTP on 127.0.0.1 or behind a TLS proxy, so
 * "came over TLS" is the request's own scheme, or, with TRUST_PROXY=true, the proxy's X-Forwarded-Proto.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'innspill_sesjon';
/** Binds an OpenID Connect sign-in's `state` to the browser that started it (against login CSRF). */
export const OIDC_STATE_COOKIE = 'innspill_oidc';

/** Whether this request reached us over TLS (directly, or through a proxy we were told to trust). */
export function cameOverTls(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  const proto = (c.req.header('x-forwarded-proto') ?? '').split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (sent on top-level navigation to us, not on other sites' POSTs),
 * Path=/, Secure over TLS. `maxAgeS` undefined = a browser-session cookie.
 */
export function setAuthCookie(
  c: Context,
  name: string,
  value: string,
  opts: { trustProxy: boolean; maxAgeS?: number; path?: string },
) {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: 'Lax',
    path: opts.path ?? '/',
    secure: cameOverTls(c, opts.trustProxy),
    ...(opts.maxAgeS !== undefined ? { maxAge: opts.maxAgeS } : {}),
  });
}

export function readCookie(c: Context, name: string): string | undefined {
  return getCookie(c, name) || undefined;
}

export function clearCookie(c: Context, name: string, opts: { trustProxy: boolean; path?: string }) {
  deleteCookie(c, name, { path: opts.path ?? '/', secure: cameOverTls(c, opts.trustProxy), httpOnly: true });
}
