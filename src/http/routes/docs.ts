/**
 * GET /docs: Swagger UI over /openapi.json, its files served from the installed `swagger-ui-dist` package, so the
 * page works on a network without internet access and no third party sees who reads the API documentation.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../openapi.js';

const DIST_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The package's files the page loads, and nothing else of it (its own index.html points at the petstore). */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

// The start script is a file of its own, not inline, so the page needs no 'unsafe-inline' for scripts.
const INIT_JS = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

const HTML = `<!doctype html>
<html lang="nb">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>innspill API</title>
    <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" />
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/docs/assets/init.js"></script>
  </body>
</html>
`;

/**
 * NOTE: Swagger UI sets inline styles and shows images from data: URLs; scripts and everything fetched stay on
 * this origin.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function docsRoutes() {
  const app = new Hono<AppEnv>();
  const files = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  app.get('/docs', (c) => c.html(HTML, 200, { 'Content-Security-Policy': CSP }));
  app.get('/docs/assets/init.js', (c) => c.body(INIT_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) return c.notFound();
    // Read once per process; a failed read is retried on the next request rather than cached.
    let bytes = files.get(file);
    if (!bytes) {
      bytes = readFile(`${DIST_DIR}/${file}`).then((b) => new Uint8Array(b));
      files.set(file, bytes);
      bytes.catch(() => files.delete(file));
    }
    return c.body(await bytes, 200, { 'content-type': type, 'cache-control': 'no-cache' });
  });
  return app;
}
