/**
 * Anything thrown, as the AppError a client gets: used by the app's error hook (app.ts) and by streams that fail
 * after their response has started (sse.ts). Its own module so that sse.ts, which routes import, needs nothing
 * from app.ts, which imports the routes.
 */
import { HTTPException } from 'hono/http-exception';
import { AppError, toAppError } from '../errors.js';

/** Map anything thrown to an AppError: Hono's own HTTP exceptions here, every stage's errors through src/errors.ts. */
export function asAppError(err: unknown): AppError {
  if (err instanceof HTTPException) {
    if (err.status === 400)
      return new AppError('bad_request:json', { errors: [{ field: '(body)', reason: 'ugyldig JSON' }] });
    if (err.status === 413) return new AppError('payload_too_large:body');
    if (err.status === 401) return new AppError('unauthorized:token');
  }
  return toAppError(err);
}
