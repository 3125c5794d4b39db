/**
 * hono-rate-limiter's Store over the database's counters (store/rateLimits.ts), for servers on PostgreSQL: several
 * of them behind one load balancer then share each client's budget, where the built-in MemoryStore would grant it
 * once per process. PGlite keeps the MemoryStore (one process owns that store; rateLimits.ts).
 */
import type { Env } from 'hono';
import type { Store } from 'hono-rate-limiter';
import type { Queryable } from '../../store/db.js';
import {
  getRateLimit,
  hitRateLimit,
  pruneRateLimits,
  resetRateLimit,
  undoRateLimitHit,
} from '../../store/rateLimits.js';

/** Expired rows are deleted at most this often per process, after a hit (not on a timer, so nothing keeps a test alive). */
const PRUNE_EVERY_MS = 60_000;

/**
 * @param name the limiter's own prefix, so two limiters on one client count apart ("writes", "model").
 * @example rateLimiter({ windowMs: 60_000, limit: 600, keyGenerator: clientIp, store: databaseRateLimitStore(db, 'writes', 60_000) })
 */
export function databaseRateLimitStore<E extends Env>(db: Queryable, name: string, windowMs: number): Store<E> {
  const keyOf = (key: string) => `${name}:${key}`;
  let prunedAt = Date.now();
  return {
    localKeys: false,
    async increment(key) {
      const { hits, resetAt } = await hitRateLimit(db, { key: keyOf(key), windowMs });
      if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = Date.now();
        // Housekeeping only: a failure here must not fail the request.
        void pruneRateLimits(db).catch(() => undefined);
      }
      return { totalHits: hits, resetTime: resetAt };
    },
    async get(key) {
      const count = await getRateLimit(db, { key: keyOf(key) });
      return count && { totalHits: count.hits, resetTime: count.resetAt };
    },
    decrement: (key) => undoRateLimitHit(db, { key: keyOf(key) }),
    resetKey: (key) => resetRateLimit(db, { key: keyOf(key) }),
  };
}
