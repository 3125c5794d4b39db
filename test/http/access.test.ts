/**
 * Access control beyond the leak test (issue 16): open mode until the first user, the service tokens' default role,
 * unknown and revoked tokens, a citation of a source the reader may not see, and the audit log.
 */
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { createUser, issueToken, revokeToken, setRole } from '../../src/store/users.js';
import { emptyApp, jsonInit } from '../helpers/runtime.js';

const { db, embedder, config, app } = await emptyApp();
afterAll(() => db.close());

async function uploadOpen(organisation: string, visibility: string, text: string) {
  const f = new FormData();
  f.set('file', new File([text], 'notat.txt', { type: 'text/plain' }));
  for (const [k, v] of Object.entries({
    organisation,
    visibility,
    title: `Notat ${organisation} ${visibility}`,
    date: '2025-01-01',
  }))
    f.set(k, v);
  const res = await app.request('/documents', { method: 'POST', body: f });
  expect(res.status).toBe(201);
  return ((await res.json()) as { document: { id: string } }).document.id;
}

// Open mode: no user, no token. Everything is readable and writable, as before issue 16, and /health says so.
const healthOpen = (await (await app.request('/health')).json()) as { access: { open: boolean; message: string } };
const publicA = await uploadOpen(
  'Alfa',
  'public',
  'Alfa mener at skolematen bør være gratis for alle elever i landet.',
);
const internalB = await uploadOpen(
  'Beta',
  'internal',
  'Styret i Beta vil finansiere skolematen med Lyngsalp-avtalen fra næringslivet.',
);
const drafted = await app.request(
  '/drafts',
  jsonInit('POST', {
    consultation: {
      title: 'Høring om skolemat',
      issuer: 'Kunnskapsdepartementet',
      questions: ['Bør skolematen være gratis?'],
    },
    organisation: { name: 'Alfa' },
    length: 'short',
  }),
);
const draft = (await drafted.json()) as { id: string; markdown: string };
// An edit (open mode: anyone) that cites Beta's internal document in Alfa's draft.
const secretQuote = 'Styret i Beta vil finansiere skolematen med Lyngsalp-avtalen fra næringslivet.';
const edited = await app.request(
  `/drafts/${draft.id}`,
  jsonInit('PUT', {
    markdown:
      draft.markdown.replace(/\n\n(\[\^1\]:)/, `\n\nNæringslivet kan også bidra.[^99]\n\n$1`) +
      `[^99]: [${internalB}-p000] «${secretQuote}»\n`,
  }),
);
const editedBody = await edited.text();

// Users from here on: the server closes.
const reader = await createUser(db, { email: 'leser@alfa.no' });
await setRole(db, { userId: reader.id, organisation: 'Alfa', role: 'reader' });
const readerToken = await issueToken(db, { userId: reader.id, name: 'test' });
const admin = await createUser(db, { email: 'drift@example.no', isAdmin: true });
const adminToken = (await issueToken(db, { userId: admin.id, name: 'test' })).token;
const as = (token: string, init: RequestInit = {}) => ({
  ...init,
  headers: { ...(init.headers as object), authorization: `Bearer ${token}` },
});

describe('open mode', () => {
  it('reads and writes without a token while no user or token exists, and /health says so', () => {
    expect(healthOpen.access.open).toBe(true);
    expect(healthOpen.access.message).toContain('Åpen tilgang');
    expect(drafted.status).toBe(201);
    expect(edited.status, editedBody).toBe(200);
    expect(publicA).toBeTruthy();
  });

  it('closes once a user exists: reads need a token, /health stays public', async () => {
    const res = await app.request('/documents');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toContain('krever innlogging');
    const health = (await (await app.request('/health')).json()) as { access: { open: boolean } };
    expect(health.access.open).toBe(false);
  });
});

describe('tokens', () => {
  it('refuses an unknown token with a Norwegian 401, and a revoked one', async () => {
    const unknown = await app.request('/documents', as('inn_finnesikke'));
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as { detail: string }).detail).toBe(
      'Tilgangsnøkkelen er ukjent eller trukket tilbake.',
    );
    const other = await issueToken(db, { userId: reader.id, name: 'kortvarig' });
    expect((await app.request('/documents', as(other.token))).status).toBe(200);
    await revokeToken(db, { id: other.id });
    expect((await app.request('/documents', as(other.token))).status).toBe(401);
  });

  it('gives API_TOKENS the admin role over every organisation by default, so nothing that worked breaks', async () => {
    const served = createApp({ db, embedder, config: { ...config, API_TOKENS: 'tjeneste' }, logger: silentLogger });
    expect((await served.request(`/documents/${internalB}`, as('tjeneste'))).status).toBe(200);
    const backup = await served.request('/admin/backup', as('tjeneste', jsonInit('POST', {})));
    expect(backup.status).toBe(200);
    await backup.arrayBuffer();
    const limited = createApp({
      db,
      embedder,
      config: { ...config, API_TOKENS: 'tjeneste', API_TOKENS_ROLE: 'reader', API_TOKENS_ORGANISATIONS: 'Alfa' },
      logger: silentLogger,
    });
    expect((await limited.request(`/documents/${internalB}`, as('tjeneste'))).status).toBe(404);
    expect((await limited.request('/admin/backup', as('tjeneste', jsonInit('POST', {})))).status).toBe(403);
  });
});

describe('a citation of a source the reader may not see', () => {
  it('shows «kilde du ikke har tilgang til» instead of the quote, in the API and both exports', async () => {
    const res = await app.request(`/drafts/${draft.id}`, as(readerToken.token));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('Næringslivet kan også bidra.');
    expect(body).toContain('kilde du ikke har tilgang til');
    expect(body).not.toContain('Lyngsalp');
    const md = await (
      await app.request(`/drafts/${draft.id}/export?format=md&allowUnverified=true`, as(readerToken.token))
    ).text();
    expect(md).toContain('«kilde du ikke har tilgang til»');
    expect(md).not.toContain('Lyngsalp');
    const docx = await app.request(
      `/drafts/${draft.id}/export?format=docx&allowUnverified=true`,
      as(readerToken.token),
    );
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')!.async('string');
    expect(xml).not.toContain('Lyngsalp');
  });

  it('shows the quote to whoever may read the source', async () => {
    const body = await (await app.request(`/drafts/${draft.id}`, as(adminToken))).text();
    expect(body).toContain('Lyngsalp-avtalen');
  });
});

describe('GET /audit', () => {
  it('records who uploaded, drafted, edited and exported, with the request id, newest first and paged', async () => {
    const exported = await app.request(`/drafts/${draft.id}/export?format=md&allowUnverified=true`, as(adminToken));
    const requestId = exported.headers.get('x-request-id');
    const page = (await (await app.request('/audit?limit=100', as(adminToken))).json()) as {
      entries: { action: string; actor: string; requestId: string; target: string }[];
      next: string | null;
    };
    expect(page.entries[0]).toMatchObject({ action: 'export', actor: 'drift@example.no', requestId, target: draft.id });
    const actions = page.entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['upload', 'draft', 'edit', 'export']));
    expect(page.entries.find((e) => e.action === 'upload')!.actor).toBe('open');
    const first = (await (await app.request('/audit?limit=1', as(adminToken))).json()) as {
      entries: { id: string }[];
      next: string;
    };
    const second = (await (await app.request(`/audit?limit=1&before=${first.next}`, as(adminToken))).json()) as {
      entries: { id: string }[];
    };
    expect(Number(second.entries[0].id)).toBeLessThan(Number(first.entries[0].id));
    const onlyEdits = (await (await app.request('/audit?action=edit', as(adminToken))).json()) as {
      entries: { action: string }[];
    };
    expect(onlyEdits.entries.map((e) => e.action)).toEqual(['edit']);
  });

  it('is for administrators only, and in the OpenAPI document', async () => {
    const res = await app.request('/audit', as(readerToken.token));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toBe('Bare administratorer kan lese revisjonsloggen.');
    const spec = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(spec.paths).toHaveProperty('/audit');
  });
});
