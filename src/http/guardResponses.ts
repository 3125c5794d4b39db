/**
 * The problems the app-wide guards (src/http/app.ts, middleware/) can answer on any route, added to every
 * operation of the OpenAPI document, so a client generated from /openapi.json knows them: 421 (Host not allowed),
 * on writes 403 (cross-site), 429 (rate limit) and 507 (disk full), 413 on every request with a body (the body cap),
 * and 429 on the model-backed routes; on every route that is not public (`isPublic`, middleware/principal.ts) 401
 * (no or an unknown token, once any user or token exists; a role that does not allow a write is the writes' 403).
 */
import { problemResponses } from './openapi.js';

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

interface Operation {
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

/**
 * @example withGuardResponses(doc, { readOnlyPosts: ['/search'], modelPaths: ['/ask'], isPublic: defaultIsPublic })
 */
export function withGuardResponses<D extends { paths?: object }>(
  doc: D,
  {
    readOnlyPosts,
    modelPaths,
    isPublic = () => false,
  }: { readOnlyPosts: string[]; modelPaths: string[]; isPublic?: (method: string, path: string) => boolean },
): D {
  for (const [path, item] of Object.entries(doc.paths ?? {}) as [string, object | undefined][]) {
    for (const [method, value] of Object.entries(item ?? {})) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = value as Operation;
      const write = WRITE_METHODS.has(method) && !readOnlyPosts.includes(path);
      const statuses = [
        421,
        ...(isPublic(method.toUpperCase(), path) ? [] : [401]),
        ...(write ? [403, 429, 507] : []),
        ...(op.requestBody ? [413] : []),
        ...(modelPaths.includes(path) ? [429] : []),
      ];
      // Statuses a route documents itself (with its own description) stay as they are.
      op.responses = { ...problemResponses(...statuses), ...op.responses };
    }
  }
  return doc;
}
