/**
 * /openapi.json lists every route of the API the app serves, with its method, and nothing it does not serve. The
 * only routes left out are the browser's: the web pages, their assets, Swagger UI with the document itself, and
 * the OIDC sign-in redirects; a new route in none of these must be documented (or added below with a reason).
 */
import { describe, expect, it } from 'vitest';
import { seededApp } from '../helpers/runtime.js';

const { app } = await seededApp();

/** Routes outside the API, as `METHOD /path` with OpenAPI's {param}. */
const NOT_API = new Set([
  // Middleware on every path or on the page assets, not routes.
  'ALL /*',
  'ALL /assets/*',
  // The web pages (src/web/), HTML for a browser.
  'GET /',
  'GET /ny',
  'GET /utkast/{id}',
  'GET /spor',
  'GET /dokumenter',
  'GET /dokumenter/{id}',
  'GET /logg-inn',
  'GET /admin',
  // The API's own documentation and Swagger UI.
  'GET /openapi.json',
  'GET /docs',
  'GET /docs/assets/init.js',
  'GET /docs/assets/{file}',
  // OIDC sign-in: redirects to and from the identity provider.
  'GET /auth/oidc',
  'GET /auth/oidc/callback',
]);

describe('/openapi.json and the routes the app serves', () => {
  it('documents every API route and no route the app lacks', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, object> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = [...new Set(app.routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`))];
    expect(documented.length).toBeGreaterThan(20);
    expect(served.filter((r) => !NOT_API.has(r) && !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
    // Each exception is still a route: the list holds no stale entries that would hide a new route's name.
    expect([...NOT_API].filter((r) => !served.includes(r))).toEqual([]);
  });
});
