/**
 * Request bodies on the JSON API: refuse bodies over the limit (413) and bytes that are not valid UTF-8 (400)
 * before any handler runs. The decoded body stays cached on the request, so handlers read it as usual.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

export function strictJsonBody({ maxBytes }: { maxBytes: number }): MiddlewareHandler {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return async (c, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(c.req.method)) return next();
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('multipart/')) return next();
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
    if (!type.includes('json') && !type.startsWith('text/')) {
      throw new AppError('unsupported_media_type:body', { detail: 'Send JSON med content-type: application/json.' });
    }
    return next();
  };
}
