/**
 * Headers and assets (issue 16, item 6): hono/secure-headers on every response, API and page alike, with the page's
 * own Content-Security-Policy intact; Swagger UI at /docs served from the installed package (no URL off this
 * machine); CORS only for the origins CORS_ORIGINS names.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { jsonInit, seededStore, testConfig } from '../helpers/runtime.js';

type Runtime = Awaited<ReturnType<typeof seededStore>>;
let rt: Runtime;
const appWith = (config: Partial<typeof testConfig> = {}) =>
  createApp({ ...rt, config: { ...testConfig, ...config }, logger: silentLogger });

beforeAll(async () => {
  rt = await seededStore();
}, 120_000);

const SECURE = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};
const headersOf = (res: Response, names: string[]) => Object.fromEntries(names.map((n) => [n, res.headers.get(n)]));

describe('secure headers', () => {
  it('are on API answers, problems and 404s alike', async () => {
    const app = appWith();
    for (const res of [
      await app.request('/documents'),
      await app.request('/documents/finnes-ikke'),
      await app.request('/search', jsonInit('POST', { query: 'sky' }, { 'content-type': 'text/plain' })),
      await app.request('/ingen-slik-rute'),
    ]) {
      expect(res.status).toBeLessThan(500);
      expect(headersOf(res, Object.keys(SECURE))).toEqual(SECURE);
      // No HSTS from the app: the TLS proxy in front sends it (README).
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('are on the page, which keeps its own Content-Security-Policy', async () => {
    const res = await appWith().request('/');
    expect(res.status).toBe(200);
    expect(headersOf(res, Object.keys(SECURE))).toEqual(SECURE);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('/docs', () => {
  it('is Swagger UI with no asset from another host, and every asset it names answers 200', async () => {
    const app = appWith();
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="swagger-ui"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(
      expect.arrayContaining(['/docs/assets/swagger-ui-bundle.js', '/docs/assets/swagger-ui.css']),
    );
    for (const path of assets) {
      const asset = await app.request(path);
      expect({ path, status: asset.status }).toEqual({ path, status: 200 });
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(50);
    }
    const init = await (await app.request('/docs/assets/init.js')).text();
    expect(init).toContain("url: '/openapi.json'");
  });

  it('serves only the files the page needs from the package', async () => {
    const app = appWith();
    for (const path of ['/docs/assets/index.html', '/docs/assets/package.json', '/docs/assets/..%2Fpackage.json'])
      expect((await app.request(path)).status).toBe(404);
  });
});

describe('CORS', () => {
  const listed = 'https://intranett.example.no';
  const preflight = (origin: string) => ({
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  const corsHeaders = (res: Response) => {
    const names: string[] = [];
    res.headers.forEach((_, name) => names.push(name));
    return names.filter((k) => k.startsWith('access-control-'));
  };

  it('is off without CORS_ORIGINS: no Access-Control header for any origin', async () => {
    const app = appWith();
    expect(corsHeaders(await app.request('/documents', { headers: { origin: listed } }))).toEqual([]);
    expect(corsHeaders(await app.request('/search', preflight(listed)))).toEqual([]);
  });

  it('answers exactly the origins CORS_ORIGINS names', async () => {
    const app = appWith({ CORS_ORIGINS: `${listed}, https://andre.example.no` });
    const ok = await app.request('/documents', { headers: { origin: listed } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(listed);
    const pre = await app.request('/search', preflight(listed));
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(listed);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');

    const other = await app.request('/documents', { headers: { origin: 'https://uvedkommende.example.com' } });
    expect(other.status).toBe(200);
    expect(corsHeaders(other)).toEqual([]);
    expect(corsHeaders(await app.request('/search', preflight('https://uvedkommende.example.com')))).toEqual([]);
  });
});
