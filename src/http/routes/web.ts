/**
 * The web page for secretariats: one HTML shell, hand-written ES modules and one stylesheet from `src/web/public/`,
 * served by the same server as the API. No build step and nothing fetched from elsewhere: the Content-Security-
 * Policy on the shell lets the page load and call only this origin.
 *
 * Mounted last in createApp, so every API route wins; this sub-app answers `GET /`, `/assets/*` and the page's own
 * paths (Norwegian, so they never collide with the English API paths), which all get the same shell — the browser
 * script picks the view from the path.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../openapi.js';

// The page's files stay in src/web/public (static assets, no code); this sub-app serves them.
const PUBLIC_DIR = fileURLToPath(new URL('../../web/public', import.meta.url));

/** Paths the page routes itself (see src/web/public/js/main.js); each answers with the shell. */
export const PAGE_PATHS = [
  '/',
  '/ny',
  '/utkast/:id',
  '/spor',
  '/dokumenter',
  '/dokumenter/:id',
  '/logg-inn',
  '/admin',
] as const;

/**
 * NOTE: `style-src 'self'` forbids inline style attributes; the scripts set classes and `hidden` instead.
 * `connect-src 'self'` is what keeps every fetch (JSON and the SSE streams) on this machine.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

let shell: Promise<string> | undefined;
/** The shell, read once per process; a failed read is retried on the next request rather than cached. */
const readShell = () =>
  (shell ??= readFile(`${PUBLIC_DIR}/index.html`, 'utf8').catch((err) => ((shell = undefined), Promise.reject(err))));

const SHELL_HEADERS = {
  'Content-Security-Policy': CSP,
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

export function webRoutes() {
  const app = new Hono<AppEnv>();

  app.use(
    '/assets/*',
    serveStatic({
      root: PUBLIC_DIR,
      rewriteRequestPath: (p) => p.replace(/^\/assets/, ''),
      // The files change with the code; revalidate (Last-Modified) instead of caching blindly.
      onFound: (_path, c) => c.header('Cache-Control', 'no-cache'),
    }),
  );

  for (const path of PAGE_PATHS) {
    app.get(path, async (c) => c.html(await readShell(), 200, SHELL_HEADERS));
  }
  return app;
}

/**
 * A browser that opens an address nothing answers (`/ny/`, `/dokumenter/`, a mistyped path) gets the page's own
 * «Fant ikke siden» view with status 404 rather than a problem+json body; API clients (no text/html in Accept)
 * still get the problem. Called from the app's notFound handler, so every route registered anywhere wins first.
 */
export async function pageNotFound(c: Context<AppEnv>): Promise<Response | null> {
  return browserPage(c, 404);
}

/**
 * The same for a browser that is not signed in on a server that requires it, wherever it points: the shell (which
 * carries no data) with 401, and the page sends the person to «Logg inn»; an API client still gets the problem.
 */
export async function pageSignInFirst(c: Context<AppEnv>): Promise<Response | null> {
  return browserPage(c, 401);
}

async function browserPage(c: Context<AppEnv>, status: 401 | 404): Promise<Response | null> {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return null;
  if (!(c.req.header('accept') ?? '').includes('text/html')) return null;
  if (c.req.path.startsWith('/assets/')) return null;
  return c.html(await readShell(), status, SHELL_HEADERS);
}
