/**
 * Request bodies on the JSON API: refuse bodies over the limit (413), bytes that are not valid UTF-8 (400) and any
 * content type but JSON (415) before any handler runs. The body is counted as it streams in and the read stops at
 * the limit, so a chunked body (no Content-Length) of any size costs at most `maxBytes` of memory. The decoded body
 * stays cached on the request, so handlers read it as usual. Multipart goes to the upload routes (`uploadPaths`), and
 * only to them: they read it under their own limit (MAX_UPLOAD_BYTES) and refuse other types themselves.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import { readCapped } from '../readCapped.js';

const tooLarge = (maxBytes: number) =>
  new AppError('payload_too_large:body', { detail: `Største tillatte størrelse er ${maxBytes} byte.` });

/** application/json and its `+json` kin (as Hono's JSON validator reads them), with parameters. */
const JSON_TYPE = /^application\/([a-z0-9.-]+\+)?json\s*(;|$)/i;

const unsupported = () =>
  new AppError('unsupported_media_type:body', { detail: 'Send JSON med content-type: application/json.' });

/** The methods whose body this reads; each can answer 400 (empty, not UTF-8), 413 and 415 on any route. */
export const BODY_METHODS = ['POST', 'PUT', 'PATCH'];

export function strictJsonBody({
  maxBytes,
  uploadPaths = [],
}: {
  maxBytes: number;
  uploadPaths?: RegExp[];
}): MiddlewareHandler {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return async (c, next) => {
    if (!BODY_METHODS.includes(c.req.method)) return next();
    const type = c.req.header('content-type') ?? '';
    if (uploadPaths.some((p) => p.test(c.req.path))) return next();
    if (type.toLowerCase().startsWith('multipart/')) throw unsupported();
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > maxBytes) throw tooLarge(maxBytes);
    const buf = await readCapped(c.req.raw.body, maxBytes, () => tooLarge(maxBytes));
    if (buf.byteLength === 0) {
      throw new AppError('bad_request:body', {
        detail: 'Forespørselen har ingen innhold.',
        errors: [{ field: '(body)', reason: 'tom forespørsel' }],
      });
    }
    try {
      decoder.decode(buf);
    } catch {
      throw new AppError('bad_request:encoding', { errors: [{ field: '(body)', reason: 'ugyldig UTF-8' }] });
    }
    if (!JSON_TYPE.test(type)) throw unsupported();
    // NOTE: the raw stream is spent; handlers and validators read the body from Hono's cache instead (Hono keeps
    // promises there at runtime though its type says ArrayBuffer, hence Object.assign rather than a typed write).
    Object.assign(c.req.bodyCache, { arrayBuffer: Promise.resolve(buf.buffer) });
    return next();
  };
}
