/**
 * The page's routes through app.request: the shell on every page path with a same-origin-only CSP, the assets with
 * their types, and the API still answering its own paths (the page is mounted last).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_PATHS } from '../../../src/http/routes/web.js';
import { seededApp, testConfig } from '../../helpers/runtime.js';

let app: Awaited<ReturnType<typeof seededApp>>['app'];

beforeAll(async () => {
  ({ app } = await seededApp());
});

describe('web page routes', () => {
  it('serves the shell on every page path, allowing only its own origin', async () => {
    for (const path of PAGE_PATHS.map((p) => p.replace(':id', 'noe-id'))) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      const html = await res.text();
      expect(html).toContain('<html lang="nb">');
      expect(html).toContain('src="/assets/js/main.js"');
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it('serves scripts, styles and the icon with their types', async () => {
    const types = {
      '/assets/js/main.js': 'text/javascript',
      '/assets/app.css': 'text/css',
      '/assets/favicon.svg': 'image/svg+xml',
    };
    for (const [path, type] of Object.entries(types)) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      // No address elsewhere (an XML namespace is a name, not a request).
      expect(await res.text()).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    }
  });

  it('leaves every other path to the API: JSON routes and problem bodies', async () => {
    expect((await app.request('/documents')).headers.get('content-type')).toContain('application/json');
    for (const path of ['/assets/finnes-ikke.js', '/assets/../package.json', '/utkast', '/ingenting']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers a browser on an unknown page address with the shell and 404, so the page shows «Fant ikke siden»', async () => {
    const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const path of ['/ny/', '/dokumenter/', '/ingenting', '/utkast', '/spor/noe']) {
      const res = await app.request(path, { headers: browser });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await res.text()).toContain('src="/assets/js/main.js"');
    }
    // A missing asset, a write, and an API client stay problems.
    for (const [path, init] of [
      ['/assets/finnes-ikke.js', { headers: browser }],
      ['/ingenting', { method: 'POST', headers: browser }],
      ['/ingenting', { headers: { accept: 'application/json' } }],
    ] as const) {
      const res = await app.request(path, init);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
    }
  });

  it('answers a browser that is not signed in on a closed server with the shell and 401, wherever it points', async () => {
    const { app: closed } = await seededApp({ config: { ...testConfig, API_TOKENS: 'hemmelig' } });
    const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const path of ['/ingenting', '/documents', '/drafts/noe']) {
      const res = await closed.request(path, { headers: browser });
      expect(res.status, path).toBe(401);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      const html = await res.text();
      expect(html).toContain('src="/assets/js/main.js"');
      expect(html).not.toContain('fagforbundet');
    }
    // An API client, a write and a wrong token stay problems.
    for (const [path, init] of [
      ['/documents', { headers: { accept: 'application/json' } }],
      ['/documents', { method: 'POST', headers: browser }],
      ['/documents', { headers: { ...browser, authorization: 'Bearer feil' } }],
    ] as const) {
      const res = await closed.request(path, init);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
    }
  });
});
