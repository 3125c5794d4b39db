/**
 * Every bad input a 4xx (issue 16, item 5): a table-driven fuzz over every operation in GET /openapi.json. For each
 * one it sends NUL bytes in each string field, path parameter and query parameter, huge numbers, over-long ids and
 * wrong content types, and asserts what a client sees: no 5xx, a problem+json body naming the field for every 400,
 * 415 for a body in another format, every status documented for its operation in /openapi.json, and the store
 * unchanged (documents, passages, drafts and their versions).
 */
import { describe, expect, it } from 'vitest';
import { countAll } from '../../src/store/documents/read.js';
import { listDrafts } from '../../src/store/drafts.js';
import { jsonInit, seededApp } from '../helpers/runtime.js';

const { app, db } = await seededApp();
type Op = { method: string; path: string; params: { in: string; name: string }[]; body?: string };
const doc = (await (await app.request('/openapi.json')).json()) as {
  paths: Record<
    string,
    Record<string, { parameters?: { in: string; name: string }[]; requestBody?: any; responses: object }>
  >;
};
const operations: Op[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    params: op.parameters ?? [],
    body: Object.keys(op.requestBody?.content ?? {})[0],
  })),
);

// Real ids, so a request differs from a valid one only in the input under test.
const passageId = 'fagforbundet-innspill-digitaliseringsstrategi-2023-p004';
const documentId = passageId.replace(/-p\d+$/, '');
const DRAFT_REQUEST = {
  consultation: {
    title: 'Høring om kunstig intelligens i offentlig sektor',
    issuer: 'Digitaliserings- og forvaltningsdepartementet',
    reference: '25/1873',
    deadline: '2025-11-14',
    questions: ['Hvordan bør ansatte og tillitsvalgte involveres?'],
    background: 'Departementet foreslår nye regler.',
  },
  organisation: { name: 'Fagforbundet', voice: 'saklig', allowOtherOrganisations: false },
  length: 'short',
  language: 'nb',
  stream: false,
};
const created = await app.request('/drafts', jsonInit('POST', DRAFT_REQUEST));
const draft = (await created.json()) as { id: string; markdown: string };
if (created.status !== 201) throw new Error(`setup: POST /drafts answered ${created.status}`);

// Users and tokens that do not exist (the server stays open: a user would close it to anonymous requests).
const PATH_IDS: Record<string, string> = {
  documents: documentId,
  passages: passageId,
  drafts: draft.id,
  users: 'fuzz-bruker',
  tokens: 'fuzz-nokkel',
};
const idFor = (path: string) => PATH_IDS[path.split('/')[1]];

/** A valid body for each operation that takes JSON; a new JSON route must add one here (a test checks). */
const JSON_BODIES: Record<string, Record<string, unknown>> = {
  'POST /search': {
    query: 'offentlig skyløsning',
    k: 5,
    organisation: 'Fagforbundet',
    documentId: [documentId],
    kind: 'consultation_response',
    dateFrom: '2020-01-01',
    dateTo: '2025-12-31',
    mode: 'hybrid',
    mmr: 0.5,
  },
  'POST /verify': { markdown: draft.markdown, organisation: 'Fagforbundet' },
  // An empty object: the backup takes no fields; the fuzz still sends it every wrong content type.
  'POST /admin/backup': {},
  'POST /drafts': DRAFT_REQUEST,
  'PUT /drafts/{id}': { markdown: draft.markdown },
  'POST /ask': { question: 'Hva mener Fagforbundet om skyløsning?', organisation: 'Fagforbundet', maxSentences: 2 },
  // Sign-in and the admin page's routes (signin16).
  'POST /session': { email: 'kari@ks.no', password: 'korrekt hest batteri' },
  'POST /users': { email: 'fuzz@ks.no', name: 'Fuzz', organisation: 'KS', role: 'reader' },
  'PUT /users/{id}/roles': { organisation: 'KS', role: 'editor' },
  'PUT /users/{id}/admin': { admin: false },
  'PUT /users/{id}/disabled': { disabled: false },
  'PUT /users/{id}/password': { password: 'et langt nok passord' },
  'POST /users/{id}/tokens': { name: 'bærbar' },
};
/** A valid upload (POST and PUT /documents) but for the input under test. */
const UPLOAD_FIELDS: Record<string, string> = {
  id: documentId,
  organisation: 'Fagforbundet',
  title: 'Innspill til digitaliseringsstrategien',
  kind: 'consultation_response',
  date: '2023-05-02',
  language: 'nb',
  source: 'https://fagforbundet.no/innspill',
  visibility: 'internal',
};

/** Every string and number leaf of a body, with its dotted path as zod names it. */
function leaves(value: unknown, path: string[] = []): { path: string[]; value: string | number }[] {
  if (typeof value === 'string' || typeof value === 'number') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}
const withLeaf = (body: unknown, path: string[], leaf: unknown): unknown => {
  const copy = structuredClone(body) as Record<string, unknown>;
  let at: any = copy;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path.at(-1)!] = leaf;
  return copy;
};

interface Case {
  label: string;
  path?: Record<string, string>;
  query?: Record<string, string>;
  init?: RequestInit;
  /** The status the case must get, when one is certain; otherwise any 4xx; `'not 5xx'` where the input may be valid. */
  status?: number | 'not 5xx';
  /** The field the problem must name. */
  field?: string;
}

const NUL = 'a\u0000b';
const HUGE_NUMBERS = ['2147483648', '99999999999999999999999', '1e309', '-2147483649'];
const LONG_ID = 'a'.repeat(1000);

function form(fields: Record<string, string>, file = 'Fagforbundet mener at offentlige data skal lagres i Norge.') {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  f.set('file', new File([file], 'innspill.txt', { type: 'text/plain' }));
  return f;
}

/** The valid body of an operation as a RequestInit, so each case changes one thing. */
function validInit(op: Op): RequestInit {
  const key = `${op.method} ${op.path}`;
  if (op.body === 'multipart/form-data') return { method: op.method, body: form(UPLOAD_FIELDS) };
  if (op.body) return jsonInit(op.method, JSON_BODIES[key]);
  return { method: op.method };
}

function casesFor(op: Op): Case[] {
  const key = `${op.method} ${op.path}`;
  // A parameter a read does not know is ignored, whatever it holds (this gives routes without input a case too).
  // NOTE: only on reads: elsewhere the rest of the request is valid, so the write would happen.
  const cases: Case[] =
    op.method === 'GET' ? [{ label: 'NUL in an unknown parameter', query: { ukjent: NUL }, status: 'not 5xx' }] : [];
  for (const p of op.params.filter((p) => p.in === 'path')) {
    cases.push({ label: `NUL in path ${p.name}`, path: { [p.name]: NUL }, status: 400, field: p.name });
    cases.push({ label: `${LONG_ID.length}-character ${p.name}`, path: { [p.name]: LONG_ID }, field: p.name });
  }
  for (const p of op.params.filter((p) => p.in === 'query')) {
    cases.push({ label: `NUL in ?${p.name}`, query: { [p.name]: NUL }, status: 400, field: p.name });
    cases.push({ label: `long ?${p.name}`, query: { [p.name]: 'a'.repeat(5000) }, field: p.name });
    // A number is a valid value of a text parameter (?organisation=2147483648); what counts is no 5xx.
    for (const n of HUGE_NUMBERS)
      cases.push({ label: `?${p.name}=${n}`, query: { [p.name]: n }, status: 'not 5xx', field: p.name });
  }
  if (op.body === 'application/json') {
    const body = JSON_BODIES[key];
    for (const leaf of leaves(body)) {
      const field = leaf.path.join('.');
      if (typeof leaf.value === 'string')
        cases.push({
          label: `NUL in ${field}`,
          init: jsonInit(op.method, withLeaf(body, leaf.path, `${leaf.value}\u0000`)),
          status: 400,
          field,
        });
      else
        for (const n of [2147483648, 1e308, -2147483649])
          cases.push({ label: `${field}: ${n}`, init: jsonInit(op.method, withLeaf(body, leaf.path, n)), field });
    }
    const text = JSON.stringify(body);
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', ''])
      cases.push({
        label: `content-type «${type}»`,
        init: jsonInit(op.method, text, { 'content-type': type }),
        status: 415,
      });
    cases.push({ label: 'multipart body', init: { method: op.method, body: form({ query: 'x' }) }, status: 415 });
  }
  if (op.body === 'multipart/form-data') {
    for (const name of Object.keys(UPLOAD_FIELDS))
      cases.push({
        label: `NUL in form field ${name}`,
        init: { method: op.method, body: form({ ...UPLOAD_FIELDS, [name]: `${UPLOAD_FIELDS[name]}\u0000` }) },
        status: 400,
        field: name,
      });
    cases.push({
      label: 'JSON instead of multipart',
      init: jsonInit(op.method, UPLOAD_FIELDS),
      status: 415,
    });
    cases.push({
      label: 'text/plain instead of multipart',
      init: jsonInit(op.method, 'tekst', { 'content-type': 'text/plain' }),
      status: 415,
    });
  }
  return cases;
}

function urlOf(op: Op, c: Case): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(c.path?.[name] ?? idFor(op.path)));
  const query = new URLSearchParams(c.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

async function storeCounts() {
  const drafts = await listDrafts(db, { limit: 200 });
  return { ...(await countAll(db)), drafts: drafts.length, versions: drafts.reduce((n, d) => n + d.latestVersion, 0) };
}

/** Send every case; return what went wrong, so one failure shows them all. */
async function failures(op: Op, cases: Case[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const c of cases) {
    const init = c.init ?? validInit(op);
    const res = await app.request(urlOf(op, c), init);
    const text = await res.text();
    const why = (s: string) =>
      wrong.push(`${op.method} ${op.path} — ${c.label}: ${s} (${res.status} ${text.slice(0, 160)})`);
    if (res.status >= 500) {
      why('5xx');
      continue;
    }
    if (typeof c.status === 'number' && res.status !== c.status) why(`expected ${c.status}`);
    // Whatever the status, /openapi.json lists it for this operation.
    if (!Object.keys(doc.paths[op.path][op.method.toLowerCase()].responses).includes(String(res.status)))
      why('status not documented in /openapi.json');
    else if (c.status === undefined && (res.status < 400 || res.status >= 500)) why('expected a 4xx');
    if (res.status === 400) {
      if (!res.headers.get('content-type')?.startsWith('application/problem+json')) why('not problem+json');
      const problem = JSON.parse(text) as { field?: string; errors?: { field: string }[] };
      if (!problem.field) why('problem names no field');
      else if (c.field && !problem.errors?.some((e) => e.field === c.field || e.field.startsWith(`${c.field}.`)))
        why(`problem does not name ${c.field}`);
    }
  }
  return wrong;
}

describe('every operation in /openapi.json answers bad input with a 4xx problem', () => {
  it('has a valid body for every JSON operation (so the fuzz reaches each field)', () => {
    const json = operations.filter((op) => op.body === 'application/json').map((op) => `${op.method} ${op.path}`);
    expect(json.length).toBeGreaterThanOrEqual(5);
    expect(json.filter((k) => !JSON_BODIES[k])).toEqual([]);
  });

  for (const op of operations) {
    it(`${op.method} ${op.path}: NUL bytes, huge numbers, long ids, wrong content types`, async () => {
      const before = await storeCounts();
      const cases = casesFor(op);
      expect(await failures(op, cases)).toEqual([]);
      expect(await storeCounts()).toEqual(before);
    }, 180_000);
  }

  it('the issue’s own examples: a 201-character id on PUT /documents/:id, ?version=2147483648, text/plain on /search', async () => {
    const put = await app.request(`/documents/${'a'.repeat(201)}`, { method: 'PUT', body: form(UPLOAD_FIELDS) });
    expect(put.status).toBe(400);
    expect((await put.json()).field).toBe('id');
    const version = await app.request(`/drafts/${draft.id}?version=2147483648`);
    expect(version.status).toBe(400);
    expect(await version.json()).toMatchObject({
      field: 'version',
      errors: [{ reason: 'versjonsnummeret kan være høyst 2147483647' }],
    });
    const search = await app.request(
      '/search',
      jsonInit('POST', { query: 'skyløsning' }, { 'content-type': 'text/plain' }),
    );
    expect(search.status).toBe(415);
    expect(await search.json()).toMatchObject({ code: 'unsupported_media_type:body', title: 'Formatet støttes ikke' });
    const nul = await app.request('/search', jsonInit('POST', { query: 'sky\u0000løsning' }));
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({
      field: 'query',
      errors: [{ reason: 'kan ikke inneholde NUL-tegn (\\u0000)' }],
    });
  });

  it('multipart still reaches the upload routes: a valid upload is stored', async () => {
    const before = await countAll(db);
    const fields = { ...UPLOAD_FIELDS, id: 'fagforbundet-fuzz-gyldig-opplasting', title: 'En gyldig opplasting' };
    const res = await app.request('/documents', {
      method: 'POST',
      body: form(fields, 'Testforbundet mener at høringsfristene må være minst seks uker for alle saker.'),
    });
    expect(res.status).toBe(201);
    expect((await countAll(db)).documents).toBe(before.documents + 1);
    await app.request('/documents/fagforbundet-fuzz-gyldig-opplasting', { method: 'DELETE' });
  });

  // DATES: impossible calendar dates belong to the `calendarDate` schema (src/domain/, another engineer's change).
  // These cases are here so they can be seen to pass once that lands; until then they are skipped on this branch.
  const BAD_DATES = ['2024-02-30', '2023-02-29', '2024-13-01', '0000-00-00'];
  it('impossible dates answer 400 naming the field', async () => {
    const search = JSON_BODIES['POST /search'];
    const upload = operations.find((op) => op.method === 'POST' && op.path === '/documents')!;
    const drafts = operations.find((op) => op.method === 'POST' && op.path === '/drafts')!;
    const searchOp = operations.find((op) => op.method === 'POST' && op.path === '/search')!;
    const cases = (op: Op, make: (d: string) => [string, RequestInit]): Case[] =>
      BAD_DATES.map((d) => {
        const [field, init] = make(d);
        return { label: `${field}=${d}`, init, status: 400, field };
      });
    const wrong = [
      ...(await failures(
        searchOp,
        cases(searchOp, (d) => ['dateFrom', jsonInit('POST', { ...search, dateFrom: d })]),
      )),
      ...(await failures(
        searchOp,
        cases(searchOp, (d) => ['dateTo', jsonInit('POST', { ...search, dateTo: d })]),
      )),
      ...(await failures(
        upload,
        cases(upload, (d) => ['date', { method: 'POST', body: form({ ...UPLOAD_FIELDS, id: 'fuzz-dato', date: d }) }]),
      )),
      ...(await failures(
        drafts,
        cases(drafts, (d) => [
          'consultation.deadline',
          jsonInit('POST', { ...DRAFT_REQUEST, consultation: { ...DRAFT_REQUEST.consultation, deadline: d } }),
        ]),
      )),
    ];
    expect(wrong).toEqual([]);
  });
});
