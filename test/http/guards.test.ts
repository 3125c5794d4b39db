/**
 * Issue 14 items 7-8 through app.request: cross-site writes refused (same-origin and Origin-less clients
 * accepted), foreign Host names refused with 421, impossible dates and non-http(s) URLs refused naming the field,
 * a Markdown export free of the HTML and javascript: links a passage carried, and 429 with Retry-After past the
 * rate limit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { createApp } from '../../src/http/app.js';
import { allowedHostNames } from '../../src/http/middleware/origin.js';
import { silentLogger } from '../../src/log.js';
import { jsonInit, seededApp, seededStore } from '../helpers/runtime.js';

type Ctx = Awaited<ReturnType<typeof seededApp>>;
let ctx: Ctx;

beforeAll(async () => {
  ctx = await seededApp();
});

const ORG = 'Testforbundet Vest';
function form(text: string, fields: Record<string, string>): FormData {
  const fd = new FormData();
  fd.set('file', new File([text], 'notat.txt'));
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}
const FIELDS = { organisation: ORG, kind: 'consultation_response', date: '2024-03-12' };

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return res.json();
}

const documentCount = async (app = ctx.app) => (await (await app.request('/documents')).json()).documents.length;

describe('Origin check on writes (csrf)', () => {
  it('refuses a cross-origin multipart upload with 403 and stores nothing', async () => {
    const before = await documentCount();
    const res = await ctx.app.request('/documents', {
      method: 'POST',
      body: form('Et notat om kommunal beredskap og lokal forankring.', { ...FIELDS, title: 'Fra en annen side' }),
      headers: { origin: 'https://ondsinnet.example', 'sec-fetch-site': 'cross-site' },
    });
    const body = await problem(res, 403);
    expect(body.code).toBe('forbidden:origin');
    expect(await documentCount()).toBe(before);
  });

  it('accepts the same upload from the page itself (same origin) and from curl (no Origin)', async () => {
    const same = await ctx.app.request('/documents', {
      method: 'POST',
      body: form('Et notat om kommunal beredskap og lokal forankring i distriktene.', {
        ...FIELDS,
        title: 'Fra siden',
      }),
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    });
    expect(same.status).toBe(201);
    const curl = await ctx.app.request('/documents', {
      method: 'POST',
      body: form('Et notat om bredbånd, mobildekning og digital infrastruktur i hele landet.', {
        ...FIELDS,
        title: 'Fra curl',
      }),
    });
    expect(curl.status).toBe(201);
  });
});

describe('Host check (ALLOWED_HOSTS)', () => {
  it('refuses a foreign Host header with 421 and serves the loopback names', async () => {
    const body = await problem(
      await ctx.app.request('/health', { headers: { host: 'rebind.ondsinnet.example' } }),
      421,
    );
    expect(body.code).toBe('misdirected:host');
    expect(body.detail).toContain('ALLOWED_HOSTS');
    for (const host of ['localhost:8787', '127.0.0.1:8787', '[::1]:8787'])
      expect((await ctx.app.request('/health', { headers: { host } })).status).toBe(200);
  });

  it('adds HOST unless it is 0.0.0.0, and ALLOWED_HOSTS replaces the list', () => {
    expect(allowedHostNames({ HOST: 'innspill.lan' })).toContain('innspill.lan');
    expect(allowedHostNames({ HOST: '0.0.0.0' })).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(allowedHostNames({ ALLOWED_HOSTS: 'Innspill.example.no, localhost' })).toEqual([
      'innspill.example.no',
      'localhost',
    ]);
  });
});

describe('Real calendar dates and http(s) links', () => {
  for (const date of ['2024-13-45', '2024-02-30', '2023-02-29', '2024-00']) {
    it(`refuses upload date=${date} with 400 naming the field`, async () => {
      const before = await documentCount();
      const res = await ctx.app.request('/documents', {
        method: 'POST',
        body: form('Et notat om jernbane og kollektivtransport.', { ...FIELDS, title: `Dato ${date}`, date }),
      });
      const body = await problem(res, 400);
      expect(body.errors).toEqual([expect.objectContaining({ field: 'date' })]);
      expect(await documentCount()).toBe(before);
    });
  }

  it('accepts 29 February in a leap year', async () => {
    const res = await ctx.app.request('/documents', {
      method: 'POST',
      body: form('Et notat om skuddår og kalendere i offentlig forvaltning.', {
        ...FIELDS,
        title: 'Skuddag',
        date: '2024-02-29',
      }),
    });
    expect(res.status).toBe(201);
  });

  it('refuses impossible dateFrom/dateTo on /search with 400 naming the field', async () => {
    const from = await problem(
      await ctx.app.request('/search', jsonInit('POST', { query: 'skyløsning', dateFrom: '2024-02-30' })),
      400,
    );
    expect(from.errors.map((e: { field: string }) => e.field)).toContain('dateFrom');
    const to = await problem(
      await ctx.app.request('/search', jsonInit('POST', { query: 'skyløsning', dateTo: '2024-13-01' })),
      400,
    );
    expect(to.errors.map((e: { field: string }) => e.field)).toContain('dateTo');
  });

  it('refuses consultation.url "javascript:alert(1)" and an impossible deadline with 400 naming the fields', async () => {
    const request = {
      consultation: {
        title: 'Høring om digital beredskap',
        issuer: 'Digitaliseringsdepartementet',
        questions: ['Hva mener dere om skyløsninger?'],
      },
      organisation: { name: 'Fagforbundet' },
    };
    const url = await problem(
      await ctx.app.request(
        '/drafts',
        jsonInit('POST', { ...request, consultation: { ...request.consultation, url: 'javascript:alert(1)' } }),
      ),
      400,
    );
    expect(url.errors.map((e: { field: string }) => e.field)).toContain('consultation.url');
    const deadline = await problem(
      await ctx.app.request(
        '/drafts',
        jsonInit('POST', { ...request, consultation: { ...request.consultation, deadline: '2025-02-30' } }),
      ),
      400,
    );
    expect(deadline.errors.map((e: { field: string }) => e.field)).toContain('consultation.deadline');
  });
});

describe('Markdown export of source text', () => {
  it('keeps neither raw HTML nor javascript: links from a cited passage', async () => {
    const rt = await seededStore();
    const app = createApp({ ...rt, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: silentLogger });
    const text =
      'Ondsinnet forbund mener at kommunene må eie sine egne skyløsninger <img src=x onerror=alert(1)> og ' +
      'ha full kontroll over dataene sine [klikk her](javascript:alert(document.cookie)) i offentlig sektor.\n\n' +
      'Ondsinnet forbund mener videre at skyløsninger i kommunene skal bygge på åpne standarder.';
    const up = await app.request('/documents', {
      method: 'POST',
      body: form(text, {
        organisation: 'Ondsinnet forbund',
        kind: 'consultation_response',
        date: '2024-05-01',
        title: 'Sky',
      }),
    });
    expect(up.status).toBe(201);
    const res = await app.request(
      '/drafts',
      jsonInit('POST', {
        consultation: {
          title: 'Høring om skyløsninger i kommunene',
          issuer: 'Digitaliseringsdepartementet',
          questions: ['Bør kommunene eie sine egne skyløsninger?'],
        },
        organisation: { name: 'Ondsinnet forbund' },
      }),
    );
    expect(res.status).toBe(201);
    const draft = await res.json();
    // The draft does quote the passage with the payload, so the export is where it must be defused.
    expect(JSON.stringify(draft.draft)).toContain('onerror');
    const md = await (await app.request(`/drafts/${draft.id}/export?format=md`)).text();
    expect(md).toContain('onerror');
    expect(md).not.toMatch(/<img/i);
    expect(md).not.toMatch(/\]\(\s*javascript:/i);
  });
});

describe('Rate limits', () => {
  it('answers 429 problem+json with Retry-After past RATE_LIMIT_WRITES_PER_MIN, and 0 turns it off', async () => {
    const rt = await seededStore();
    const limited = createApp({
      ...rt,
      config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_WRITES_PER_MIN: '2' }),
      logger: silentLogger,
    });
    const del = () => limited.request('/documents/finnes-ikke', { method: 'DELETE' });
    expect((await del()).status).toBe(404);
    expect((await del()).status).toBe(404);
    const res = await del();
    const body = await problem(res, 429);
    expect(body.code).toBe('too_many_requests:rate');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Reads are not writes: still served.
    expect((await limited.request('/health')).status).toBe(200);

    const open = createApp({
      ...rt,
      config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_WRITES_PER_MIN: '0' }),
      logger: silentLogger,
    });
    for (let i = 0; i < 5; i++)
      expect((await open.request('/documents/finnes-ikke', { method: 'DELETE' })).status).toBe(404);
  });

  it('behind a proxy (TRUST_PROXY) counts per forwarded client; without it X-Forwarded-For is ignored', async () => {
    const rt = await seededStore();
    // Every request comes from the proxy's socket; the proxy appends the client's address to X-Forwarded-For.
    const viaProxy = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
    const del = (app: ReturnType<typeof createApp>, forwardedFor: string) =>
      app.request(
        '/documents/finnes-ikke',
        { method: 'DELETE', headers: { 'x-forwarded-for': forwardedFor } },
        viaProxy,
      );
    const config = { LOG_LEVEL: 'silent', RATE_LIMIT_WRITES_PER_MIN: '1' } as const;
    const proxied = createApp({ ...rt, config: loadConfig({ ...config, TRUST_PROXY: 'true' }), logger: silentLogger });
    expect((await del(proxied, '10.0.0.1')).status).toBe(404);
    expect((await del(proxied, '10.0.0.2')).status).toBe(404);
    await problem(await del(proxied, '10.0.0.1'), 429);
    // A client that sends its own header first still counts as the address the proxy appended.
    await problem(await del(proxied, '10.9.9.9, 10.0.0.2'), 429);

    const direct = createApp({ ...rt, config: loadConfig(config), logger: silentLogger });
    expect((await del(direct, '10.0.0.1')).status).toBe(404);
    await problem(await del(direct, '10.0.0.3'), 429);
  });

  it('limits model-backed routes (/ask) by RATE_LIMIT_MODEL_PER_MIN', async () => {
    const rt = await seededStore();
    const app = createApp({
      ...rt,
      config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MODEL_PER_MIN: '1' }),
      logger: silentLogger,
    });
    const ask = () => app.request('/ask', jsonInit('POST', { question: 'Hva mener Fagforbundet om skyløsninger?' }));
    expect((await ask()).status).not.toBe(429);
    const res = await ask();
    await problem(res, 429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    // Search is neither a write nor a model call.
    expect((await app.request('/search', jsonInit('POST', { query: 'skyløsning' }))).status).toBe(200);
  });
});
