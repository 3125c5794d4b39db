/**
 * Rate-limit counters shared by every server on one database (migration 013): a fixed window per key, counted in
 * one statement, so two servers counting the same client at once both count. The HTTP layer's limiter
 * (http/middleware/rateLimitStore.ts) keys them by limiter and client IP.
 */
import type { Queryable } from './driver.js';

/**
 * One more hit for $1: a new window of $2 ms when there is none or it has run out, else the count goes up.
 * NOTE: the window is the database's clock (now()), the same for every server whatever their own clocks say.
 */
export const HIT_RATE_LIMIT_SQL = /* SQL */ `
  INSERT INTO rate_limit_hits AS r (key, hits, reset_at) VALUES ($1, 1, now() + $2::int * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
    reset_at = CASE WHEN r.reset_at <= now() THEN excluded.reset_at ELSE r.reset_at END
  RETURNING hits, reset_at`;

export const GET_RATE_LIMIT_SQL = /* SQL */ `
  SELECT hits, reset_at FROM rate_limit_hits WHERE key = $1 AND reset_at > now()`;

/** A hit taken back (hono-rate-limiter's skipFailedRequests and the like); never below 0, never a new window. */
export const UNDO_RATE_LIMIT_HIT_SQL = /* SQL */ `
  UPDATE rate_limit_hits SET hits = greatest(hits - 1, 0) WHERE key = $1 AND reset_at > now()`;

export const RESET_RATE_LIMIT_SQL = /* SQL */ `DELETE FROM rate_limit_hits WHERE key = $1`;

/** Windows that ran out; their rows would only be replaced by the next hit. */
export const PRUNE_RATE_LIMITS_SQL = /* SQL */ `
  WITH gone AS (DELETE FROM rate_limit_hits WHERE reset_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone`;

export interface RateLimitCount {
  hits: number;
  resetAt: Date;
}

type Row = { hits: number; reset_at: Date | string };
const toCount = (r: Row): RateLimitCount => ({ hits: Number(r.hits), resetAt: new Date(r.reset_at) });

/** @example const { hits, resetAt } = await hitRateLimit(db, { key: 'writes:10.0.0.7', windowMs: 60_000 }); */
export async function hitRateLimit(
  db: Queryable,
  { key, windowMs }: { key: string; windowMs: number },
): Promise<RateLimitCount> {
  const { rows } = await db.query<Row>(HIT_RATE_LIMIT_SQL, [key, Math.round(windowMs)]);
  return toCount(rows[0]);
}

/** The current window's count, or undefined when there is none. */
export async function getRateLimit(db: Queryable, { key }: { key: string }): Promise<RateLimitCount | undefined> {
  const { rows } = await db.query<Row>(GET_RATE_LIMIT_SQL, [key]);
  return rows[0] ? toCount(rows[0]) : undefined;
}

export async function undoRateLimitHit(db: Queryable, { key }: { key: string }): Promise<void> {
  await db.query(UNDO_RATE_LIMIT_HIT_SQL, [key]);
}

export async function resetRateLimit(db: Queryable, { key }: { key: string }): Promise<void> {
  await db.query(RESET_RATE_LIMIT_SQL, [key]);
}

/** @returns rows deleted. */
export async function pruneRateLimits(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(PRUNE_RATE_LIMITS_SQL);
  return rows[0].n;
}
