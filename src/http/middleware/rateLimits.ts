/**
 * Rate limits per client IP (hono-rate-limiter, in memory): one budget for writes, a smaller one for requests that
 * call a language model, each per minute, 0 = off. Past the budget a 429 problem with Retry-After.
 *
 * NOTE: the client is the socket's address, not X-Forwarded-For, which any client can set; behind a reverse proxy
 * every client shares the proxy's budget, so raise the limits (or set them to 0) there.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { AppError, toProblem } from '../errors.js';

/** The client's IP; requests made in-process (app.request in tests, no socket) share one key. */
export function clientIp(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'in-process';
}

function limiter(perMinute: number, counts: (c: Context) => boolean, what: string): MiddlewareHandler {
  if (perMinute <= 0) return (_c, next) => next();
  return rateLimiter({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: clientIp,
    skip: (c) => !counts(c),
    handler: (c) => {
      const err = new AppError('too_many_requests:rate', {
        detail: `Høyst ${perMinute} ${what} i minuttet fra samme klient. Vent litt og prøv igjen.`,
      });
      const reset = (c.get('rateLimit') as { resetTime?: Date } | undefined)?.resetTime;
      const retryAfter = String(reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60);
      return c.json(toProblem(err, c.get('requestId') as string | undefined), 429, {
        'content-type': 'application/problem+json',
        'Retry-After': retryAfter,
      });
    },
  });
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * @example app.use('*', ...rateLimits({ writesPerMin: 600, modelPerMin: 30, readOnlyPosts: ['/search'], judge: false }))
 */
export function rateLimits(opts: {
  writesPerMin: number;
  modelPerMin: number;
  /** POST routes that only read (search, ask, verify): not writes. */
  readOnlyPosts: string[];
  /** Whether /verify calls a model (VERIFY_JUDGE=claude). */
  judge: boolean;
}): MiddlewareHandler[] {
  const isWrite = (c: Context) => WRITE_METHODS.has(c.req.method) && !opts.readOnlyPosts.includes(c.req.path);
  const usesModel = (c: Context) =>
    c.req.method === 'POST' &&
    (c.req.path === '/ask' || c.req.path === '/drafts' || (opts.judge && c.req.path === '/verify'));
  return [
    limiter(opts.writesPerMin, isWrite, 'skrivinger'),
    limiter(opts.modelPerMin, usesModel, 'forespørsler til språkmodellen'),
  ];
}
