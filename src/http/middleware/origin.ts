/**
 * Two guards for a server on the user's own machine. A web page the user visits can POST a multipart form to
 * http://localhost:8787 without a preflight (csrf: Hono's `csrf` middleware refuses it unless it comes from the
 * page itself), and a DNS-rebinding page reaches us under its own host name (allowedHosts: only the names we are
 * served under are answered, 421 for the rest).
 */
import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../errors.js';

const ANY_INTERFACE = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The host names to answer: ALLOWED_HOSTS when set (`*` = any), else the loopback names plus HOST when it is a
 * real name (not 0.0.0.0). Lower case, IPv6 in brackets, without ports.
 * @example allowedHostNames({ HOST: 'innspill.lan' }) // ['localhost', '127.0.0.1', '[::1]', 'innspill.lan']
 */
export function allowedHostNames({ ALLOWED_HOSTS, HOST }: { ALLOWED_HOSTS?: string; HOST?: string }): string[] {
  if (ALLOWED_HOSTS?.trim())
    return ALLOWED_HOSTS.split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
  const names = ['localhost', '127.0.0.1', '[::1]'];
  const host = HOST?.trim().toLowerCase();
  if (host && !ANY_INTERFACE.has(host)) names.push(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  return [...new Set(names)];
}

/** The Host header's name without its port ("[::1]:8787" → "[::1]"). */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0] ?? h;
}

/** Refuse requests whose Host header names another server (421), unless `names` holds `*`. */
export function allowedHosts(names: string[]): MiddlewareHandler {
  const allowed = new Set(names);
  return async (c, next) => {
    if (allowed.has('*')) return next();
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!allowed.has(hostName(host)))
      throw new AppError('misdirected:host', {
        detail: `Serveren svarer ikke på vertsnavnet «${hostName(host)}». Legg det til i ALLOWED_HOSTS om det er riktig.`,
      });
    return next();
  };
}

/**
 * Hono's csrf check for writes that carry a browser's Origin or Sec-Fetch-Site: same origin only. A request with
 * neither comes from curl, the CLI or another program, which no web page can make the user's browser send.
 */
export function sameOriginWrites(corsOrigins: string[] = []): MiddlewareHandler {
  // Same origin always; the origins CORS_ORIGINS lets read cross-site may write too.
  const check = csrf(
    corsOrigins.length
      ? { origin: (origin, c) => corsOrigins.includes(origin) || origin === new URL(c.req.url).origin }
      : {},
  );
  return async (c, next) => {
    if (!c.req.header('origin') && !c.req.header('sec-fetch-site')) return next();
    try {
      return await check(c, next);
    } catch (err) {
      if (err instanceof HTTPException && err.status === 403)
        throw new AppError('forbidden:origin', {
          detail: 'Skriving er bare tillatt fra innspills egen side eller fra programmer uten nettleser (curl, CLI).',
        });
      throw err;
    }
  };
}
