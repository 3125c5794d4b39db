/** Bearer-token auth for writes when API_TOKENS is set; reads stay open. */
import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';

export function requireTokenForWrites(tokens: string[], readOnlyPosts: string[] = []): MiddlewareHandler {
  const accepted = tokens.map((t) => Buffer.from(t));
  return async (c, next) => {
    const isWrite = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(c.req.method) && !readOnlyPosts.includes(c.req.path);
    if (!isWrite || accepted.length === 0) return next();
    const given = Buffer.from((c.req.header('authorization') ?? '').replace(/^Bearer\s+/i, ''));
    if (!accepted.some((t) => t.length === given.length && timingSafeEqual(t, given)))
      throw new AppError('unauthorized:token');
    return next();
  };
}
