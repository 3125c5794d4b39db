/**
 * Rate limits per client IP (hono-rate-limiter): one budget for writes, a smaller one for requests that call a
 * language model, each per minute, 0 = off. Past the budget a 429 problem with Retry-After. Counted in memory on
 * PGlite (one process owns the store) and in the database on PostgreSQL, where several servers share one budget
 * (rateLimitStore.ts).
 *
 * NOTE: the client is the socket's address. Only with TRUST_PROXY=true (a proxy really is in front, README) is it the
 * address the proxy appended to X-Forwarded-For, its last entry: the entries before it are whatever the client sent,
 * so a client cannot pick its own budget by sending the header. Without TRUST_PROXY the header is ignored.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { MemoryStore, rateLimiter, type Store } from 'hono-rate-limiter';
import type { Db } from '../../store/db.js';
import { AppError, toProblem } from '../errors.js';
import { databaseRateLimitStore } from './rateLimitStore.js';

/** The client's IP; requests made in-process (app.request in tests, no socket) share one key. */
export function clientIp(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'in-process';
}

const WINDOW_MS = 60_000;

/** What the limiter's handler reads from the context: the limiter's own report and the request id. */
type LimiterEnv = { Variables: { rateLimit?: { resetTime?: Date }; requestId?: string } };

function limiter(
  perMinute: number,
  counts: (c: Context) => boolean,
  what: string,
  store: Store<LimiterEnv> | undefined,
  trustProxy: boolean,
): MiddlewareHandler {
  if (perMinute <= 0) return (_c, next) => next();
  return rateLimiter<LimiterEnv>({
    windowMs: WINDOW_MS,
    // A fresh MemoryStore per limiter, as hono-rate-limiter makes when given none.
    store: store ?? new MemoryStore(),
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => clientIp(c, trustProxy),
    skip: (c) => !counts(c),
    handler: (c) => {
      const err = new AppError('too_many_requests:rate', {
        detail: `Høyst ${perMinute} ${what} i minuttet fra samme klient. Vent litt og prøv igjen.`,
      });
      const reset = c.get('rateLimit')?.resetTime;
      const retryAfter = String(reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60);
      return c.json(toProblem(err, c.get('requestId')), 429, {
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
  /** The store: on PostgreSQL the counters live there, shared by every server on it. */
  db?: Pick<Db, 'driver' | 'query'>;
  /** TRUST_PROXY: count per the address the proxy appended to X-Forwarded-For. */
  trustProxy?: boolean;
}): MiddlewareHandler[] {
  const shared = opts.db?.driver === 'pg' ? opts.db : undefined;
  const storeFor = (name: string) => (shared ? databaseRateLimitStore<LimiterEnv>(shared, name, WINDOW_MS) : undefined);
  const isWrite = (c: Context) => WRITE_METHODS.has(c.req.method) && !opts.readOnlyPosts.includes(c.req.path);
  const usesModel = (c: Context) =>
    c.req.method === 'POST' &&
    (c.req.path === '/ask' || c.req.path === '/drafts' || (opts.judge && c.req.path === '/verify'));
  return [
    limiter(opts.writesPerMin, isWrite, 'skrivinger', storeFor('writes'), opts.trustProxy ?? false),
    limiter(opts.modelPerMin, usesModel, 'forespørsler til språkmodellen', storeFor('model'), opts.trustProxy ?? false),
  ];
}
