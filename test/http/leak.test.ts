/**
 * The leak test (issue 16): two organisations, each with a public and an internal document and a draft. For every
 * operation in GET /openapi.json and every principal (anonymous, reader of A, editor of B, administrator of A, site
 * administrator, a service token limited to A), the internal text and the drafts of an organisation the principal
 * does not belong to never appear in a response body, an export (DOCX unzipped, Markdown) or an SSE stream: 0
 * leaks. Positive checks make sure each allowed read still works, so the test fails both ways.
 *
 * The internal documents carry marker words found nowhere else (KVITREFJELL, LYNGSALP); drafts carry theirs in the
 * consultation title (ALFAUTKAST, BETAUTKAST) and are also looked for by id.
 *
 * A third organisation (C) has an internal document only: to everyone but the site administrator its very name is a
 * secret (no list, error body or example names it), and a request naming it answers exactly as one naming an
 * organisation that does not exist (UNKNOWN), so nobody can probe whether it exists.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { storeFiles } from '../../src/corpus/storeFiles.js';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { ensureAnnIndex } from '../../src/store/ann.js';
import { openPglite } from '../../src/store/db.js';
import { ensureEmbedder } from '../../src/store/embeddings.js';
import { migrate } from '../../src/store/migrate.js';
import { createUser, issueToken, setRole } from '../../src/store/users.js';
import { jsonInit, localEmbedder } from '../helpers/runtime.js';

const A = 'Alfaforbundet';
const B = 'Betaforeningen';
const C = 'Skjult Forening';
const UNKNOWN = 'Ukjent Forening';
const SERVICE = 'tjenestenokkel-for-alfa-0123456789';

const db = await openPglite('memory://');
await migrate(db);
const embedder = await localEmbedder();
await ensureEmbedder(db, embedder);
const config = loadConfig({
  DATA_DIR: 'memory://',
  LOG_LEVEL: 'silent',
  API_TOKENS: SERVICE,
  API_TOKENS_ROLE: 'editor',
  API_TOKENS_ORGANISATIONS: A,
  RATE_LIMIT_WRITES_PER_MIN: '0',
  RATE_LIMIT_MODEL_PER_MIN: '0',
});
const app = createApp({ db, embedder, config, logger: silentLogger });
afterAll(() => db.close());

async function user(email: string, roles: [string, 'reader' | 'editor' | 'admin'][], isAdmin = false) {
  const u = await createUser(db, { email, isAdmin });
  for (const [organisation, role] of roles) await setRole(db, { userId: u.id, organisation, role });
  return `Bearer ${(await issueToken(db, { userId: u.id, name: 'test' })).token}`;
}
const PRINCIPALS = {
  anonymous: null,
  readerA: await user('leser@alfa.no', [[A, 'reader']]),
  editorB: await user('redaktor@beta.no', [[B, 'editor']]),
  adminA: await user('admin@alfa.no', [[A, 'admin']]),
  siteAdmin: await user('drift@example.no', [], true),
  serviceA: `Bearer ${SERVICE}`,
} as const;
type Who = keyof typeof PRINCIPALS;
const auth = (who: Who): Record<string, string> =>
  PRINCIPALS[who] ? { authorization: PRINCIPALS[who] as string } : {};

// --- The corpus: a public and an internal document per organisation, all about the same question. ---
const texts = {
  [`${A}-public`]: `${A} mener at skolematordningen bør finansieres av staten. Et sunt skolemåltid hver dag gir bedre læring. ${A} vil ha gratis skolemat for alle elever.`,
  [`${A}-internal`]: `Styret i ${A} mener internt at skolematordningen bør finansieres med Kvitrefjell-modellen. Kvitrefjell-modellen betyr at kommunene betaler skolematen alene. Styret holder Kvitrefjell-modellen hemmelig til landsmøtet.`,
  [`${B}-public`]: `${B} mener at skolematordningen bør finansieres lokalt. Foreldre bør betale en liten andel av skolematen. ${B} vil ha skolemat tre dager i uka.`,
  [`${B}-internal`]: `Styret i ${B} mener internt at skolematordningen bør finansieres med Lyngsalp-avtalen. Lyngsalp-avtalen betyr at næringslivet betaler skolematen. Styret holder Lyngsalp-avtalen hemmelig til årsmøtet.`,
  [`${C}-internal`]: `Styret i ${C} mener internt at skolematordningen bør finansieres av fylkene. Fylkene bør betale skolematen for de eldste elevene. Styret holder dette internt.`,
};
const ids: Record<string, string> = {};
for (const [key, text] of Object.entries(texts)) {
  const [organisation, visibility] = key.split(/-(?=[a-z]+$)/);
  const f = new FormData();
  f.set('file', new File([text], 'notat.txt', { type: 'text/plain' }));
  f.set('organisation', organisation);
  f.set('title', `Notat om skolemat fra ${organisation} (${visibility === 'internal' ? 'styret' : 'uttalelse'})`);
  f.set('kind', visibility === 'internal' ? 'other' : 'statement');
  f.set('date', '2025-03-01');
  f.set('language', 'nb');
  f.set('visibility', visibility);
  const res = await app.request('/documents', { method: 'POST', body: f, headers: auth('siteAdmin') });
  if (res.status !== 201) throw new Error(`setup: upload ${key} answered ${res.status} ${await res.text()}`);
  ids[key] = ((await res.json()) as { document: { id: string } }).document.id;
}
// A document stored before the id rule (a local ingest keeps the ids it is given): B's internal document under an
// id in A's namespace, made internal by a replace, which keeps stored ids. An upload of that id by A must answer as
// one of an unused id in B's namespace does, never with a 409 naming it.
const LEGACY = `${A.toLowerCase()}-myrsnipe-notat`;
const LEGACY_TEXT = `Styret i ${B} holder Myrsnipe-planen for skolemat internt til årsmøtet har behandlet den.`;
const legacyDir = mkdtempSync(join(tmpdir(), 'innspill-leak-'));
writeFileSync(join(legacyDir, 'myrsnipe.txt'), LEGACY_TEXT);
await storeFiles({ db, embedder }, [
  {
    path: join(legacyDir, 'myrsnipe.txt'),
    meta: { id: LEGACY, organisation: B, title: 'Myrsnipe', kind: 'other', date: '2025-03-01', language: 'nb' },
  },
]);
{
  const f = new FormData();
  f.set('file', new File([LEGACY_TEXT], 'myrsnipe.txt', { type: 'text/plain' }));
  f.set('visibility', 'internal');
  const res = await app.request(`/documents/${LEGACY}`, { method: 'PUT', body: f, headers: auth('siteAdmin') });
  if (res.status !== 200) throw new Error(`setup: legacy document answered ${res.status} ${await res.text()}`);
}
const passageOf = (key: string) => `${ids[key]}-p000`;
const QUESTION = 'Hvordan bør skolematordningen finansieres?';
const draftRequest = (organisation: string, marker: string) => ({
  consultation: {
    title: `Høring om skolemat ${marker}`,
    issuer: 'Kunnskapsdepartementet',
    questions: [QUESTION],
  },
  organisation: { name: organisation, allowOtherOrganisations: false },
  length: 'short',
  language: 'nb',
});
async function draftAs(who: Who, organisation: string, marker: string) {
  const res = await app.request('/drafts', jsonInit('POST', draftRequest(organisation, marker), auth(who)));
  if (res.status !== 201)
    throw new Error(`setup: draft for ${organisation} answered ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; markdown: string };
}
const draftA = await draftAs('adminA', A, 'ALFAUTKAST');
const draftB = await draftAs('editorB', B, 'BETAUTKAST');

/** What must never reach a principal: the other organisation's internal text, its id, and drafts. */
const SECRETS = {
  A: ['kvitrefjell', 'alfautkast', draftA.id, ids[`${A}-internal`]],
  B: ['lyngsalp', 'betautkast', draftB.id, ids[`${B}-internal`], 'myrsnipe', LEGACY],
  publicText: ['gratis skolemat for alle', 'tre dager i uka'],
  // C's name in any casing, and its document's id (which begins with the name's slug).
  C: [C, ids[`${C}-internal`], 'fylkene bør betale'],
};
const FORBIDDEN: Record<Who, string[]> = {
  anonymous: [...SECRETS.A, ...SECRETS.B, ...SECRETS.publicText, ...SECRETS.C],
  readerA: [...SECRETS.B, ...SECRETS.C],
  editorB: [...SECRETS.A, ...SECRETS.C],
  adminA: [...SECRETS.B, ...SECRETS.C],
  siteAdmin: [],
  serviceA: [...SECRETS.B, ...SECRETS.C],
};

/** A response's text as a reader would get it: the DOCX unzipped, an SSE stream whole, JSON as sent. */
async function bodyText(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('wordprocessingml')) {
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
    return parts.join('\n');
  }
  // A backup is the whole store by design, for site administrators only (checked by status below).
  if (type.includes('gzip') || type.includes('application/sql')) return '';
  return res.text();
}

interface Call {
  label: string;
  path: string;
  init?: RequestInit;
}
const json = (method: string, body: unknown): RequestInit => jsonInit(method, body);
const upload = (fields: Record<string, string>, text: string): RequestInit => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  f.set('file', new File([text], 'nytt.txt', { type: 'text/plain' }));
  return { method: 'POST', body: f };
};
const everyDocument = Object.keys(ids);
const everyDraft = [draftA.id, draftB.id];

/**
 * The requests sent for each operation in /openapi.json: its path parameters filled with every object of both
 * organisations, its queries and bodies aimed at both. Writes that would change what later calls read (withdraw,
 * replace, edit) are aimed so that they leave the corpus as it was. A new operation must add its calls here.
 */
const CALLS: Record<string, () => Call[]> = {
  'GET /health': () => [{ label: 'health', path: '/health' }],
  'GET /documents': () => [
    { label: 'all', path: '/documents' },
    ...[A, B, C, UNKNOWN].map((o) => ({ label: o, path: `/documents?organisation=${encodeURIComponent(o)}` })),
  ],
  'GET /documents/{id}': () => everyDocument.map((k) => ({ label: k, path: `/documents/${ids[k]}` })),
  // Which drafts cite a document (the withdrawal dialog, library18): the other organisation's drafts never named.
  'GET /documents/{id}/drafts': () => everyDocument.map((k) => ({ label: k, path: `/documents/${ids[k]}/drafts` })),
  'GET /passages/{id}': () => everyDocument.map((k) => ({ label: k, path: `/passages/${passageOf(k)}` })),
  'POST /search': () =>
    (['text', 'vector', 'hybrid'] as const).flatMap((mode) =>
      [
        { query: 'Kvitrefjell-modellen' },
        { query: 'Lyngsalp-avtalen' },
        { query: QUESTION, k: 20 },
        { query: QUESTION, organisation: B },
        { query: QUESTION, organisation: A },
        { query: 'skolemat', documentId: [ids[`${A}-internal`], ids[`${B}-internal`]] },
        { query: QUESTION, mmr: 0.5 },
        // C named as a filter and in the question (query understanding turns a known name into a filter).
        ...[C, UNKNOWN].flatMap((o) => [
          { query: QUESTION, organisation: o },
          { query: `Hva mener ${o} om skolematordningen?` },
        ]),
      ].map((body) => ({
        label: `${mode} ${JSON.stringify(body)}`,
        path: '/search',
        init: json('POST', { ...body, mode }),
      })),
    ),
  'POST /verify': () =>
    [`${A}-internal`, `${B}-internal`].map((k) => ({
      label: k,
      path: '/verify',
      init: json('POST', {
        markdown: `Vi mener noe om skolemat.[^1]\n\n[^1]: ${passageOf(k)} «skolematordningen bør finansieres»\n`,
      }),
    })),
  'POST /ask': () =>
    [undefined, A, B, C, UNKNOWN].flatMap((organisation) =>
      [false, true].map((stream) => ({
        label: `${organisation ?? 'any'} stream=${stream}`,
        path: '/ask',
        init: json('POST', { question: QUESTION, ...(organisation ? { organisation } : {}), stream }),
      })),
    ),
  'POST /drafts': () =>
    [A, B, C, UNKNOWN].flatMap((o) =>
      [false, true].map((stream) => ({
        label: `${o} stream=${stream}`,
        path: '/drafts',
        init: json('POST', { ...draftRequest(o, 'NYTT'), stream }),
      })),
    ),
  'GET /drafts': () => [
    { label: 'all', path: '/drafts' },
    ...[A, B, C, UNKNOWN].map((o) => ({ label: o, path: `/drafts?organisation=${encodeURIComponent(o)}` })),
  ],
  'GET /drafts/{id}': () =>
    everyDraft.flatMap((id) => [
      { label: id, path: `/drafts/${id}` },
      { label: `${id} v1`, path: `/drafts/${id}?version=1` },
    ]),
  // The draft's own Markdown back: a new version with the same text, so later reads see the same markers.
  'PUT /drafts/{id}': () =>
    [draftA, draftB].map((d) => ({
      label: d.id,
      path: `/drafts/${d.id}`,
      init: json('PUT', { markdown: d.markdown }),
    })),
  'GET /drafts/{id}/export': () =>
    everyDraft.flatMap((id) =>
      ['md', 'docx'].map((format) => ({
        label: `${id} ${format}`,
        path: `/drafts/${id}/export?format=${format}&allowUnverified=true`,
      })),
    ),
  'POST /documents': () =>
    [A, B]
      .map((o) => ({
        label: o,
        path: '/documents?stream=true',
        init: upload(
          { organisation: o, title: `Nytt notat ${o}`, date: '2025-04-01', visibility: 'public' },
          `${o} har skrevet et nytt notat om leksehjelp og skolebibliotek for ${o} sine medlemmer.`,
        ),
      }))
      .concat(
        // Ids are per organisation (src/domain/documentIds.ts): the other organisation's internal title, its internal
        // id and an unused id must answer alike (compared below), never with a 409 naming the other's document.
        [
          [A, B],
          [B, A],
        ].flatMap(([o, other]) => [
          {
            label: `${o} title of ${other}-internal`,
            path: '/documents',
            init: upload(
              { organisation: o, title: `Notat om skolemat fra ${other} (styret)`, date: '2025-04-03' },
              `${o} har et eget notat om leksehjelp med samme tittel som ${other} har brukt.`,
            ),
          },
          ...[
            ['id', ids[`${other}-internal`]],
            ['unused id', `${other.toLowerCase()}-ubrukt-notat`],
          ].map(([what, id]) => ({
            label: `${o} ${what} of ${other}-internal`,
            path: '/documents',
            init: upload(
              { organisation: o, id, title: 'Leksehjelp', date: '2025-04-03' },
              `${o} skriver om leksehjelp for ${id}.`,
            ),
          })),
        ]),
      )
      .concat({
        label: `${A} legacy id of ${B}`,
        path: '/documents',
        init: upload(
          { organisation: A, id: LEGACY, title: 'Leksehjelp', date: '2025-04-03' },
          `${A} skriver om leksehjelp for ${LEGACY}.`,
        ),
      }),
  // A consultation in each organisation's name (consult18): the same upload path and the same checks as documents.
  // The last issuer reads as C (the spelling rule refuses it for everyone, naming C only to whoever may read C).
  'POST /consultations': () =>
    [A, B, 'Skjult-Forening'].map((o) => ({
      label: o,
      path: '/consultations',
      init: upload(
        { issuer: o, title: `Høring om leksehjelp ${o}`, date: '2025-04-02' },
        `Høring om leksehjelp\n\nDepartementet foreslår at ${o} skal tilby leksehjelp. Høringsfrist: 1. juni 2025.`,
      ),
    })),
  'GET /consultations/{id}': () => everyDocument.map((k) => ({ label: k, path: `/consultations/${ids[k]}` })),
  // Replacing with a file naming a document that does not exist: the access check comes first, the corpus stays.
  'PUT /documents/{id}': () =>
    everyDocument.map((k) => ({
      label: k,
      path: `/documents/${ids[k]}`,
      init: { ...upload({ id: 'en-annen-id' }, 'Erstatning.'), method: 'PUT' },
    })),
  // Withdrawing a document that is not there, and the other organisation's internal one (refused for all but the
  // site administrator, who is not sent it: it would take the markers away for the rest of the run).
  'DELETE /documents/{id}': () => [{ label: 'missing', path: '/documents/finnes-ikke', init: { method: 'DELETE' } }],
  'POST /admin/backup': () => [{ label: 'backup', path: '/admin/backup', init: json('POST', {}) }],
  'GET /audit': () => [
    { label: 'all', path: '/audit' },
    ...[A, B, C, UNKNOWN].map((o) => ({ label: o, path: `/audit?organisation=${encodeURIComponent(o)}` })),
  ],
  // Sign-in and the admin page's routes (signin16). None changes who the principals are: the user added exists
  // already (409 for the site administrator, 403 for the rest), the others name a user or token that does not.
  'GET /session': () => [{ label: 'session', path: '/session' }],
  'POST /session': () => [
    { label: 'wrong', path: '/session', init: json('POST', { email: 'leser@alfa.no', password: 'feil passord' }) },
  ],
  'DELETE /session': () => [{ label: 'sign out', path: '/session', init: { method: 'DELETE' } }],
  'GET /users': () => [{ label: 'all', path: '/users' }],
  'POST /users': () => [{ label: 'existing', path: '/users', init: json('POST', { email: 'leser@alfa.no' }) }],
  'PUT /users/{id}/roles': () => [
    { label: 'missing', path: '/users/finnes-ikke/roles', init: json('PUT', { organisation: A, role: 'admin' }) },
  ],
  'PUT /users/{id}/admin': () => [
    { label: 'missing', path: '/users/finnes-ikke/admin', init: json('PUT', { admin: true }) },
  ],
  'PUT /users/{id}/disabled': () => [
    { label: 'missing', path: '/users/finnes-ikke/disabled', init: json('PUT', { disabled: true }) },
  ],
  'PUT /users/{id}/password': () => [
    { label: 'missing', path: '/users/finnes-ikke/password', init: json('PUT', { password: 'et langt passord' }) },
  ],
  'GET /tokens': () => [{ label: 'all', path: '/tokens' }],
  'POST /users/{id}/tokens': () => [
    { label: 'missing', path: '/users/finnes-ikke/tokens', init: json('POST', { name: 'lekk' }) },
  ],
  'DELETE /tokens/{id}': () => [{ label: 'missing', path: '/tokens/finnes-ikke', init: { method: 'DELETE' } }],
};

const spec = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
const OPERATIONS = Object.entries(spec.paths).flatMap(([path, ops]) =>
  Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
);
const NOT_IN_SPEC = ['GET /openapi.json', 'GET /docs'];

interface Answer {
  who: Who;
  op: string;
  label: string;
  status: number;
  text: string;
  /** What the request itself carried (path and JSON body): a secret echoed from it is not a leak (a 404 naming the id). */
  sent: string;
}
const answers: Answer[] = [];

async function sweep() {
  for (const op of OPERATIONS) {
    for (const call of CALLS[op]?.() ?? []) {
      for (const who of Object.keys(PRINCIPALS) as Who[]) {
        const init = call.init ?? {};
        // A form body can be read once: rebuild the call for each principal.
        const fresh = init.body instanceof FormData ? CALLS[op]().find((c) => c.label === call.label)!.init! : init;
        const res = await app.request(call.path, {
          ...fresh,
          headers: { ...(fresh.headers as Record<string, string>), ...auth(who) },
        });
        // A form's text fields count as sent (an upload's own id echoed in its 400 is not a leak).
        const form: string[] = [];
        if (fresh.body instanceof FormData) fresh.body.forEach((v) => typeof v === 'string' && form.push(v));
        const sent = `${call.path} ${typeof fresh.body === 'string' ? fresh.body : ''} ${form.join(' ')}`.toLowerCase();
        answers.push({
          who,
          op,
          label: call.label,
          status: res.status,
          text: (await bodyText(res)).toLowerCase(),
          sent,
        });
      }
    }
  }
  for (const extra of NOT_IN_SPEC) {
    for (const who of Object.keys(PRINCIPALS) as Who[]) {
      const res = await app.request(extra.split(' ')[1], { headers: auth(who) });
      answers.push({ who, op: extra, label: '', status: res.status, text: (await res.text()).toLowerCase(), sent: '' });
    }
  }
}
await sweep();
// ANN: the same searches through the HNSW index (built at any size here, the sequential scan switched off).
await ensureAnnIndex(db, { minPassages: 1 });
await db.query('SET enable_seqscan = off');
const before = answers.length;
for (const call of CALLS['POST /search']()) {
  for (const who of Object.keys(PRINCIPALS) as Who[]) {
    const res = await app.request(call.path, {
      ...call.init,
      headers: { ...(call.init!.headers as object), ...auth(who) },
    });
    const text = (await res.text()).toLowerCase();
    answers.push({
      who,
      op: 'POST /search (ANN)',
      label: call.label,
      status: res.status,
      text,
      sent: String(call.init!.body).toLowerCase(),
    });
  }
}
await db.query('SET enable_seqscan = on');
const annAnswers = answers.slice(before);

const find = (who: Who, op: string, label?: string) =>
  answers.filter((a) => a.who === who && a.op === op && (label === undefined || a.label === label));

describe('the leak test', () => {
  it('has calls for every operation in /openapi.json', () => {
    expect(OPERATIONS.filter((op) => !CALLS[op])).toEqual([]);
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(15);
  });

  it('finds 0 leaks: no internal text or draft of another organisation in any body, export or stream', () => {
    const leaks = answers.flatMap((a) =>
      FORBIDDEN[a.who]
        .map((s) => s.toLowerCase())
        .filter((s) => a.text.includes(s) && !a.sent.includes(s))
        .map((s) => `${a.who} ${a.op} ${a.label}: «${s}»`),
    );
    expect(leaks).toEqual([]);
    expect(answers.length).toBeGreaterThan(500);
    expect(answers.every((a) => a.status < 500)).toBe(true);
  });

  it('answers a request naming C as one naming no organisation at all, to everyone who may not read C', () => {
    /**
     * The answer with the name taken out: no request id; search hits as the set of their ids (the vector leg's
     * scores and order follow the words asked, which differ).
     */
    const norm = (a: Answer, name: string) => {
      const text = a.text.replace(/"requestid":"[^"]*"/g, '').replaceAll(name.toLowerCase(), '«navn»');
      if (!a.op.startsWith('POST /search') || a.status !== 200) return [a.status, text];
      return [a.status, (JSON.parse(text).hits as { passage: { id: string } }[]).map((h) => h.passage.id).sort()];
    };
    // Every operation that takes an organisation's name (the per-document calls name C's document, not C).
    const takesName = [
      'GET /documents',
      'POST /search',
      'POST /search (ANN)',
      'POST /ask',
      'POST /drafts',
      'GET /drafts',
      'GET /audit',
    ];
    const naming = answers.filter((a) => a.who !== 'siteAdmin' && takesName.includes(a.op) && a.label.includes(C));
    expect(new Set(naming.map((a) => a.op))).toEqual(new Set(takesName));
    const differ = naming.flatMap((a) => {
      const twin = answers.find((b) => b.who === a.who && b.op === a.op && b.label === a.label.replaceAll(C, UNKNOWN))!;
      const [got, unknown] = [norm(a, C), norm(twin, UNKNOWN)];
      return JSON.stringify(got) === JSON.stringify(unknown)
        ? []
        : [`${a.who} ${a.op} ${a.label}: ${got} ≠ ${unknown}`];
    });
    expect(differ).toEqual([]);
    // The test can fail: the site administrator, who may read C, is answered from C's document.
    expect(find('siteAdmin', 'POST /ask', `${C} stream=false`)[0].status).toBe(200);
    expect(find('siteAdmin', 'POST /ask', `${UNKNOWN} stream=false`)[0].status).toBe(422);
    expect(find('readerA', 'POST /ask', `${UNKNOWN} stream=true`)[0].status).toBe(422);
    // A consultation issuer that reads as C is refused for all (one spelling per organisation), naming C only to
    // the site administrator.
    const spelling = (who: Who) => find(who, 'POST /consultations', 'Skjult-Forening')[0];
    expect([spelling('editorB').status, spelling('siteAdmin').status]).toEqual([409, 409]);
    expect(spelling('siteAdmin').text).toContain(`«${C.toLowerCase()}»`);
    // The refusal names the organisations the caller may read, and only those.
    const refusal = find('readerA', 'POST /ask', `${UNKNOWN} stream=false`)[0].text;
    expect(refusal).toContain(`organisasjoner i lageret: ${A.toLowerCase()}, ${B.toLowerCase()}.`);
  });

  it('sends the anonymous principal away from everything but the public routes', () => {
    const open = answers.filter((a) => a.who === 'anonymous' && a.status !== 401).map((a) => a.op);
    // Signing in and out is open to the anonymous principal by definition (POST /session: 401, wrong password).
    expect([...new Set(open)].sort()).toEqual([
      'DELETE /session',
      'GET /docs',
      'GET /health',
      'GET /openapi.json',
      'GET /session',
    ]);
    const health = JSON.parse(find('anonymous', 'GET /health')[0].text);
    expect(health.access.open).toBe(false);
  });

  it('still lets each principal read what it may (positive checks)', () => {
    const internalA = `GET /documents/{id}`;
    expect(find('readerA', internalA, `${A}-internal`)[0]).toMatchObject({ status: 200 });
    expect(find('readerA', internalA, `${A}-internal`)[0].text).toContain('kvitrefjell');
    expect(find('readerA', internalA, `${B}-public`)[0].text).toContain('tre dager i uka');
    expect(find('readerA', internalA, `${B}-internal`)[0].status).toBe(404);
    expect(find('editorB', internalA, `${B}-internal`)[0].text).toContain('lyngsalp');
    expect(find('serviceA', internalA, `${A}-internal`)[0].text).toContain('kvitrefjell');
    for (const who of ['siteAdmin'] as const) {
      expect(find(who, internalA, `${A}-internal`)[0].text).toContain('kvitrefjell');
      expect(find(who, internalA, `${B}-internal`)[0].text).toContain('lyngsalp');
    }
    // Search, every mode and through the index: the own organisation's internal text is found.
    for (const mode of ['text', 'vector', 'hybrid']) {
      const label = `${mode} ${JSON.stringify({ query: 'Kvitrefjell-modellen' })}`;
      expect(find('readerA', 'POST /search', label)[0].text).toContain('kvitrefjell');
      expect(annAnswers.find((a) => a.who === 'readerA' && a.label === label)!.text).toContain('kvitrefjell');
      const b = `${mode} ${JSON.stringify({ query: 'Lyngsalp-avtalen' })}`;
      expect(find('editorB', 'POST /search', b)[0].text).toContain('lyngsalp');
    }
    // Drafts: the own organisation's draft, its versions and exports; the other's is not found.
    expect(find('readerA', 'GET /drafts/{id}', draftA.id)[0].text).toContain('alfautkast');
    expect(find('readerA', 'GET /drafts/{id}', draftB.id)[0].status).toBe(404);
    expect(find('readerA', 'GET /drafts', 'all')[0].text).toContain(draftA.id);
    expect(find('editorB', 'GET /drafts', 'all')[0].text).toContain(draftB.id);
    expect(find('editorB', 'GET /drafts/{id}/export', `${draftB.id} md`)[0].status).toBe(200);
    expect(find('editorB', 'GET /drafts/{id}/export', `${draftB.id} docx`)[0].text).toContain('betautkast');
    expect(find('siteAdmin', 'GET /drafts', 'all')[0].text).toContain(draftB.id);
    // The drafts' own internal sources reach their own members.
    expect(find('adminA', 'GET /drafts/{id}', draftA.id)[0].text).toContain('kvitrefjell');
    expect(find('editorB', 'GET /drafts/{id}', draftB.id)[0].text).toContain('lyngsalp');
    expect(find('adminA', 'POST /ask', `${A} stream=false`)[0].status).toBe(200);
    // The drafts citing a document: each organisation's own draft is named to its members and the site admin.
    const citing = (who: Who, org: string) =>
      find(who, 'GET /documents/{id}/drafts').filter((a) => a.label.startsWith(org) && a.status === 200);
    expect(citing('readerA', A).some((a) => a.text.includes(draftA.id))).toBe(true);
    expect(citing('editorB', B).some((a) => a.text.includes(draftB.id))).toBe(true);
    expect(citing('siteAdmin', B).some((a) => a.text.includes(draftB.id))).toBe(true);
    expect(find('readerA', 'GET /documents/{id}/drafts', `${B}-internal`)[0].status).toBe(404);
  });

  it('answers an upload with the other organisation’s internal id (or a legacy id it holds) as one with an unused id, and its title with an id of its own', () => {
    const pairs = [
      [A, B],
      [B, A],
    ] as const;
    const strip = (text: string, id: string) => text.replace(/"requestid":"[^"]*"/, '').replaceAll(id, '«id»');
    for (const who of Object.keys(PRINCIPALS) as Who[])
      for (const [o, other] of pairs) {
        const id = ids[`${other}-internal`];
        const taken = find(who, 'POST /documents', `${o} id of ${other}-internal`)[0];
        const unused = find(who, 'POST /documents', `${o} unused id of ${other}-internal`)[0];
        expect([who, taken.status, strip(taken.text, id)]).toEqual([
          who,
          unused.status,
          strip(unused.text, `${other.toLowerCase()}-ubrukt-notat`),
        ]);
        const title = find(who, 'POST /documents', `${o} title of ${other}-internal`)[0];
        expect(title.text).not.toContain(id);
        if (title.status === 201 || title.status === 409) expect(title.text).toContain(`"${o.toLowerCase()}-notat-om`);
      }
    expect(find('editorB', 'POST /documents', `${B} id of ${A}-internal`)[0].status).toBe(400);
    // A legacy id in A's namespace held by B's internal document: as an unused id in B's namespace, for all who may
    // not read it (adminA and serviceA get the 400 on `id`); the site administrator, who may, gets the 409.
    for (const who of Object.keys(PRINCIPALS) as Who[]) {
      if (who === 'siteAdmin') continue;
      const legacy = find(who, 'POST /documents', `${A} legacy id of ${B}`)[0];
      const unused = find(who, 'POST /documents', `${A} unused id of ${B}-internal`)[0];
      expect([who, legacy.status, strip(legacy.text, LEGACY)]).toEqual([
        who,
        unused.status,
        strip(unused.text, `${B.toLowerCase()}-ubrukt-notat`),
      ]);
    }
    expect(find('adminA', 'POST /documents', `${A} legacy id of ${B}`)[0].status).toBe(400);
    expect(find('adminA', 'POST /documents', `${A} legacy id of ${B}`)[0].text).toContain('"field":"id"');
    expect(find('siteAdmin', 'POST /documents', `${A} legacy id of ${B}`)[0].status).toBe(409);
    expect(find('editorB', 'POST /documents', `${B} title of ${A}-internal`)[0].status).toBe(201);
  });

  it('lets editors write only in their own organisations’ name, with a Norwegian 403', () => {
    const status = (who: Who, op: string, label: string) => find(who, op, label)[0].status;
    expect(status('editorB', 'POST /drafts', `${B} stream=false`)).toBe(201);
    expect(status('editorB', 'POST /drafts', `${A} stream=false`)).toBe(403);
    expect(find('editorB', 'POST /drafts', `${A} stream=false`)[0].text).toContain(
      'du må være redaktør i «alfaforbundet»',
    );
    expect(status('readerA', 'POST /drafts', `${A} stream=false`)).toBe(403);
    expect(status('serviceA', 'POST /drafts', `${A} stream=false`)).toBe(201);
    expect(status('serviceA', 'POST /documents', B)).toBe(403);
    expect(status('editorB', 'POST /documents', B)).toBe(200);
    expect(status('editorB', 'PUT /drafts/{id}', draftA.id)).toBe(404);
    expect(status('readerA', 'PUT /drafts/{id}', draftA.id)).toBe(403);
    expect(status('adminA', 'PUT /drafts/{id}', draftA.id)).toBe(200);
    expect(status('editorB', 'PUT /documents/{id}', `${A}-internal`)).toBe(404);
    expect(status('editorB', 'PUT /documents/{id}', `${A}-public`)).toBe(403);
    expect(status('readerA', 'POST /admin/backup', 'backup')).toBe(403);
    expect(status('adminA', 'POST /admin/backup', 'backup')).toBe(403);
    expect(status('siteAdmin', 'POST /admin/backup', 'backup')).toBe(200);
    expect(status('readerA', 'GET /audit', 'all')).toBe(403);
    expect(status('adminA', 'GET /audit', 'all')).toBe(200);
    expect(status('siteAdmin', 'GET /audit', 'all')).toBe(200);
  });
});
