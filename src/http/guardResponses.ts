/**
 * The problems the app-wide guards (src/http/app.ts, middleware/, auth/) and the shared validation hook
 * (openapi.ts `router`) can answer on any route, added to every operation of the OpenAPI document they apply to,
 * so a client generated from /openapi.json knows them. Each status is derived from the predicate the guard itself
 * runs, not listed by hand per route:
 * - 421 everywhere (Host not allowed, middleware/origin.ts);
 * - 401 on every route that is not public (`isPublic`, middleware/principal.ts);
 * - 403 on every write (`needsCsrfToken`, auth/session.ts, and the cross-site check of middleware/origin.ts), the
 *   read-only POSTs (/search, /ask, /verify) included: a cookie without the CSRF token, or a foreign Origin;
 * - 400, 413 and 415 on every method whose body is read (`BODY_METHODS`, middleware/strictBody.ts: an empty or
 *   non-UTF-8 body, the body cap, a body that is not JSON), and 400 on every operation with parameters or a body
 *   (the validation hook);
 * - 429 and 507 on writes but the read-only POSTs (rate limit, disk full), and 429 on the model-backed routes;
 * - 503 everywhere (the server is stopping, http/shutdown.ts).
 */
import { needsCsrfToken } from './auth/session.js';
import { BODY_METHODS } from './middleware/strictBody.js';
import { problemResponses } from './openapi.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface Operation {
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

/**
 * The statuses the guards can answer for one operation (method in lower case, path with OpenAPI's {param}).
 * @example guardStatuses('post', '/search', {}, { readOnlyPosts: ['/search'], modelPaths: [] }) // includes 403, not 507
 */
export function guardStatuses(
  method: string,
  path: string,
  op: Operation,
  {
    readOnlyPosts,
    modelPaths,
    isPublic = () => false,
  }: { readOnlyPosts: string[]; modelPaths: string[]; isPublic?: (method: string, path: string) => boolean },
): number[] {
  const M = method.toUpperCase();
  const write = M !== 'GET' && !(M === 'POST' && readOnlyPosts.includes(path));
  const body = BODY_METHODS.includes(M);
  return [
    421,
    ...(isPublic(M, path) ? [] : [401]),
    ...(M !== 'GET' ? [403] : []),
    ...(needsCsrfToken(M, path) ? [403] : []),
    ...(body || op.requestBody || op.parameters?.length ? [400] : []),
    ...(body ? [413, 415] : []),
    ...(write ? [429, 507] : []),
    ...(modelPaths.includes(path) ? [429] : []),
    503,
  ];
}

/**
 * @example withGuardResponses(doc, { readOnlyPosts: ['/search'], modelPaths: ['/ask'], isPublic: defaultIsPublic })
 */
export function withGuardResponses<D extends { paths?: object }>(
  doc: D,
  options: Parameters<typeof guardStatuses>[3],
): D {
  for (const [path, item] of Object.entries(doc.paths ?? {}) as [string, object | undefined][]) {
    for (const [method, value] of Object.entries(item ?? {})) {
      if (!METHODS.includes(method)) continue;
      const op = value as Operation;
      const statuses = [...new Set(guardStatuses(method, path, op, options))];
      // Statuses a route documents itself (with its own description) stay as they are.
      op.responses = { ...problemResponses(...statuses), ...op.responses };
    }
  }
  return doc;
}
