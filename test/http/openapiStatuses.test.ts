/**
 * /openapi.json tells the truth about failures: the real server (in-process, in-memory PGlite) is sent the failure
 * inputs a user walkthrough found undocumented (a session cookie without the CSRF token on the read-only POSTs, a
 * 5,000-character passage id, an empty edit, unknown fields, out-of-range values, a missing version, …), and each
 * status it answers must be listed for that route in the document it serves. Every problem body says what is wrong
 * in Norwegian, naming the field (no zod English such as «Invalid input: expected …»).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/http/auth/password.js';
import { silentLogger } from '../../src/log.js';
import { setPasswordHash } from '../../src/store/sessions.js';
import { createUser, setRole } from '../../src/store/users.js';
import { jsonInit, seededStore, testConfig } from '../helpers/runtime.js';

const TOKEN = 'tjeneste-nokkel-for-test';
const BEARER = { authorization: `Bearer ${TOKEN}` };
const EMAIL = 'kari@fagforbundet.no';
const PASSWORD = 'korrekt hest batteri stift';
const DRAFT_REQUEST = {
  consultation: {
    title: 'Høring om kunstig intelligens i offentlig sektor',
    issuer: 'Digitaliserings- og forvaltningsdepartementet',
    questions: ['Hvordan bør ansatte og tillitsvalgte involveres?'],
  },
  organisation: { name: 'Fagforbundet' },
  length: 'short',
};

type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
let app: ReturnType<typeof createApp>;
let doc: Doc;
let draftId: string;
let cookie: string;
let kariId: string;

beforeAll(async () => {
  const rt = await seededStore();
  app = createApp({ ...rt, config: { ...testConfig, API_TOKENS: TOKEN }, logger: silentLogger });
  const kari = await createUser(rt.db, { email: EMAIL, name: 'Kari Nordmann' });
  kariId = kari.id;
  await setRole(rt.db, { userId: kari.id, organisation: 'Fagforbundet', role: 'editor' });
  await setPasswordHash(rt.db, { email: EMAIL, hash: await hashPassword(PASSWORD) });
  const signedIn = await app.request('/session', jsonInit('POST', { email: EMAIL, password: PASSWORD }));
  cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const created = await app.request('/drafts', jsonInit('POST', DRAFT_REQUEST, BEARER));
  if (created.status !== 201) throw new Error(`setup: POST /drafts answered ${created.status}`);
  draftId = ((await created.json()) as { id: string }).id;
  doc = (await (await app.request('/openapi.json')).json()) as Doc;
}, 180_000);

/** The documented operation a concrete request reaches: its path template in /openapi.json. */
function template(method: string, url: string): string | undefined {
  const path = new URL(url, 'http://localhost').pathname;
  return Object.keys(doc.paths).find((t) => {
    if (!doc.paths[t][method.toLowerCase()]) return false;
    const re = new RegExp(`^${t.replace(/\{\w+\}/g, '[^/]+')}$`);
    return re.test(path);
  });
}

interface Case {
  label: string;
  method: string;
  url: () => string;
  init?: () => RequestInit;
  status: number;
  /** The field the problem must name, when it names one. */
  field?: string;
  /** Words the Norwegian reason or detail must contain. */
  says?: RegExp;
}

const json = (method: string, body: unknown) => () => jsonInit(method, body, BEARER);
const withCookie = (body: unknown) => () => jsonInit('POST', body, { cookie });
const long = (n: number) => 'a'.repeat(n);

const CASES: Case[] = [
  // A session cookie without the page's CSRF token: refused on the read-only POSTs too.
  {
    label: 'cookie without CSRF',
    method: 'POST',
    url: () => '/ask',
    init: withCookie({ question: 'Hva mener vi?' }),
    status: 403,
  },
  {
    label: 'cookie without CSRF',
    method: 'POST',
    url: () => '/search',
    init: withCookie({ query: 'skyløsning' }),
    status: 403,
  },
  {
    label: 'cookie without CSRF',
    method: 'POST',
    url: () => '/verify',
    init: withCookie({ markdown: 'Vi mener.' }),
    status: 403,
  },
  {
    label: 'cross-site form post',
    method: 'POST',
    url: () => '/search',
    init: () => ({
      method: 'POST',
      body: '{"query":"x"}',
      headers: { ...BEARER, 'content-type': 'text/plain', origin: 'https://ondsinnet.example' },
    }),
    status: 403,
  },
  // Over-long path parameters.
  {
    label: '5,000-character id',
    method: 'GET',
    url: () => `/passages/${long(5000)}`,
    init: () => ({ headers: BEARER }),
    status: 400,
    field: 'id',
    says: /høyst 300 tegn/,
  },
  {
    label: '5,000-character id',
    method: 'GET',
    url: () => `/documents/${long(5000)}`,
    init: () => ({ headers: BEARER }),
    status: 400,
    field: 'id',
  },
  {
    label: '5,000-character id',
    method: 'DELETE',
    url: () => `/documents/${long(5000)}`,
    init: () => ({ method: 'DELETE', headers: BEARER }),
    status: 400,
    field: 'id',
  },
  {
    label: 'unknown document',
    method: 'DELETE',
    url: () => '/documents/finnes-ikke',
    init: () => ({ method: 'DELETE', headers: BEARER }),
    status: 404,
  },
  {
    label: 'unknown imported consultation',
    method: 'POST',
    url: () => '/drafts',
    init: json('POST', {
      ...DRAFT_REQUEST,
      consultation: { ...DRAFT_REQUEST.consultation, documentId: 'finnes-ikke' },
    }),
    status: 404,
    field: 'consultation.documentId',
  },
  {
    label: 'another spelling of a known organisation',
    method: 'PUT',
    url: () => `/users/${kariId}/roles`,
    init: json('PUT', { organisation: 'Oslo-Arbeiderparti', role: 'reader' }),
    status: 409,
  },
  // Edits.
  {
    label: 'empty edit',
    method: 'PUT',
    url: () => `/drafts/${draftId}`,
    init: json('PUT', {}),
    status: 400,
    field: 'markdown',
    says: /mangler/,
  },
  {
    label: 'structured draft of numbers',
    method: 'PUT',
    url: () => `/drafts/${draftId}`,
    init: json('PUT', { structured: { sections: [1] } }),
    status: 400,
    field: 'structured.sections.0',
    says: /må være et objekt/,
  },
  {
    label: 'structured draft of numbers',
    method: 'POST',
    url: () => '/verify',
    init: json('POST', { structured: { sections: [1] } }),
    status: 400,
    field: 'structured.sections.0',
    says: /må være et objekt/,
  },
  {
    label: 'unknown draft',
    method: 'PUT',
    url: () => '/drafts/finnes-ikke',
    init: json('PUT', { markdown: 'Vi mener.' }),
    status: 404,
  },
  // Unknown fields, named by their path.
  {
    label: 'unknown field',
    method: 'POST',
    url: () => '/ask',
    init: json('POST', { question: 'Hva mener vi om sky?', foo: 1 }),
    status: 400,
    field: 'foo',
    says: /ukjent felt/,
  },
  {
    label: 'unknown field',
    method: 'POST',
    url: () => '/search',
    init: json('POST', { query: 'sky', foo: 1 }),
    status: 400,
    field: 'foo',
  },
  {
    label: 'unknown nested field',
    method: 'POST',
    url: () => '/drafts',
    init: json('POST', { ...DRAFT_REQUEST, organisation: { name: 'Fagforbundet', foo: 1 } }),
    status: 400,
    field: 'organisation.foo',
  },
  {
    label: 'unknown nested field',
    method: 'POST',
    url: () => '/drafts',
    init: json('POST', { ...DRAFT_REQUEST, consultation: { ...DRAFT_REQUEST.consultation, extra: 'x' } }),
    status: 400,
    field: 'consultation.extra',
  },
  // Values out of range or outside the allowed set: the bound and the values are said.
  {
    label: 'k: -1',
    method: 'POST',
    url: () => '/search',
    init: json('POST', { query: 'sky', k: -1 }),
    status: 400,
    field: 'k',
    says: /må være minst 1/,
  },
  {
    label: 'mode',
    method: 'POST',
    url: () => '/search',
    init: json('POST', { query: 'sky', mode: 'alt' }),
    status: 400,
    field: 'mode',
    says: /«hybrid», «vector», «text»/,
  },
  {
    label: 'kind: 5',
    method: 'POST',
    url: () => '/search',
    init: json('POST', { query: 'sky', kind: 5 }),
    status: 400,
    field: 'kind',
    says: /tekst eller en liste/,
  },
  {
    label: 'length',
    method: 'POST',
    url: () => '/drafts',
    init: json('POST', { ...DRAFT_REQUEST, length: 'lang' }),
    status: 400,
    field: 'length',
    says: /«short», «medium», «long»/,
  },
  {
    label: 'format',
    method: 'GET',
    url: () => `/drafts/${draftId}/export?format=pdf`,
    init: () => ({ headers: BEARER }),
    status: 400,
    field: 'format',
    says: /«md», «docx»/,
  },
  {
    label: 'version 9',
    method: 'GET',
    url: () => `/drafts/${draftId}/export?version=9`,
    init: () => ({ headers: BEARER }),
    status: 404,
    says: /ingen versjon 9/,
  },
  {
    label: 'version 9',
    method: 'GET',
    url: () => `/drafts/${draftId}?version=9`,
    init: () => ({ headers: BEARER }),
    status: 404,
    says: /ingen versjon 9/,
  },
  // Bodies the guards refuse before any route: empty, not JSON.
  {
    label: 'empty body',
    method: 'POST',
    url: () => '/admin/backup',
    init: () => ({ method: 'POST', headers: BEARER }),
    status: 400,
  },
  {
    label: 'text/plain body',
    method: 'POST',
    url: () => '/ask',
    init: () => jsonInit('POST', '{}', { ...BEARER, 'content-type': 'text/plain' }),
    status: 415,
  },
  { label: 'no token', method: 'GET', url: () => '/drafts', status: 401 },
];

describe('every failure the server answers is documented for its route in /openapi.json', () => {
  it('has a documented operation for every case', () => {
    expect(CASES.filter((c) => !template(c.method, c.url())).map((c) => `${c.method} ${c.url()}`)).toEqual([]);
  });

  it('answers each failure input with the expected status, documented, in Norwegian, naming the field', async () => {
    const wrong: string[] = [];
    for (const c of CASES) {
      const res = await app.request(c.url(), { method: c.method, ...(c.init?.() ?? {}) });
      const text = await res.text();
      const at = `${c.method} ${template(c.method, c.url())} (${c.label})`;
      const why = (s: string) => wrong.push(`${at}: ${s} — ${res.status} ${text.slice(0, 200)}`);
      if (res.status !== c.status) why(`expected ${c.status}`);
      const documented = Object.keys(
        doc.paths[template(c.method, c.url())!]?.[c.method.toLowerCase()]?.responses ?? {},
      );
      if (!documented.includes(String(res.status))) why(`${res.status} is not documented (${documented.join(', ')})`);
      if (res.status < 400) continue;
      const problem = JSON.parse(text) as {
        field?: string;
        detail?: string;
        errors?: { field: string; reason: string }[];
      };
      if (c.field && !problem.errors?.some((e) => e.field === c.field)) why(`does not name ${c.field}`);
      if (/Invalid|expected|received|Too (big|small)|Unrecognized/.test(text)) why('English from a library');
      if (c.says && !c.says.test(text)) why(`does not say ${c.says}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
