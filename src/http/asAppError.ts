/**
 * Anything thrown, as the AppError a client gets: used by the app's error hook (app.ts) and by streams that fail
 * after their response has started (sse.ts). Its own module so that sse.ts, which routes import, needs nothing
 * from app.ts, which imports the routes.
 */
import { HTTPException } from 'hono/http-exception';
import { EmbeddingError } from '../embed/errors.js';
import { IngestError } from '../ingest/errors.js';
import { AppError } from './errors.js';
import { appErrorFromIngest } from './ingestProblems.js';

/** Map anything thrown to an AppError; errors from other layers carry a `code` and `httpStatus` we trust. */
export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof IngestError) return appErrorFromIngest(err);
  if (err instanceof EmbeddingError) return new AppError('unavailable:embedder', { detail: err.userMessage, cause: err });
  if (err instanceof HTTPException) {
    if (err.status === 400) return new AppError('bad_request:json', { errors: [{ field: '(body)', reason: 'ugyldig JSON' }] });
    if (err.status === 413) return new AppError('payload_too_large:body');
    if (err.status === 401) return new AppError('unauthorized:token');
  }
  const e = err as { toAppError?: () => AppError };
  if (typeof e?.toAppError === 'function') return e.toAppError();
  return new AppError('internal:server', { cause: err });
}
