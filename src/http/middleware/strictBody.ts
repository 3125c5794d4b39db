/**
 * Request bodies on the JSON API: refuse bodies over the limit (413), bytes that are not valid UTF-8 (400) and any
 * content type but JSON (415) before any handler runs. The decoded body stays cached on the request, so handlers
 * read it as usual. Multipart goes to the upload routes (`uploadPaths`), and only to them: they read it under their
 * own limit and refuse other types themselves.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

/** application/json and its `+json` kin (as Hono's JSON validator reads them), with parameters. */
const JSON_TYPE = /^application\/([a-z0-9.-]+\+)?json\s*(;|$)/i;

const unsupported = () =>
  new AppError('unsupported_media_type:body', { detail: 'Send JSON med content-type: application/json.' });

export function strictJsonBody({
  maxBytes,
  uploadPaths = [],
}: {
  maxBytes: number;
  uploadPaths?: RegExp[];
}): MiddlewareHandler {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return async (c, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(c.req.method)) return next();
    const type = c.req.header('content-type') ?? '';
    if (uploadPaths.some((p) => p.test(c.req.path))) return next();
    if (type.toLowerCase().startsWith('multipart/')) throw unsupported();
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > maxBytes)
      throw new AppError('payload_too_large:body', { detail: `Største tillatte størrelse er ${maxBytes} byte.` });
    const buf = await c.req.arrayBuffer();
    if (buf.byteLength > maxBytes)
      throw new AppError('payload_too_large:body', { detail: `Største tillatte størrelse er ${maxBytes} byte.` });
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
    return next();
  };
}
