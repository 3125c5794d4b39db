/**
 * /drafts offline (no key: the extractive drafter), end to end through app.request: draft the example
 * consultation, list, read, revise, export as Markdown and DOCX, stream progress, refuse bad input.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { countDrafts } from '../../src/store/drafts.js';
import { jsonInit, seededApp, testConfig } from '../helpers/runtime.js';
import { readSse } from '../helpers/sse.js';

const FISH = 'Hvordan bør fiskekvotene fordeles mellom kystflåten og havfiskeflåten?';
type Ctx = Awaited<ReturnType<typeof seededApp>>;
let ctx: Ctx;
let request: any;
let created: any;

beforeAll(async () => {
  ctx = await seededApp();
  request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
  const res = await ctx.app.request(
    '/drafts',
    jsonInit('POST', {
      ...request,
      consultation: { ...request.consultation, questions: [...request.consultation.questions, FISH] },
    }),
  );
  expect(res.status).toBe(201);
  created = await res.json();
});

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return res.json();
}

describe('POST /drafts (offline)', () => {
  it('returns an extractive Norwegian draft, one section per question, every claim cited and verified', () => {
    const questions = created.draft.sections.filter((s: any) => s.kind === 'question');
    expect(questions.map((s: any) => s.heading)).toEqual([...request.consultation.questions, FISH]);
    expect(questions.slice(0, 3).every((s: any) => s.status === 'drafted')).toBe(true);
    expect(created.draft.extractive).toBe(true);
    expect(created.verification.ok).toBe(true);
    const claims = created.draft.sections
      .flatMap((s: any) => s.paragraphs.flat())
      .filter((s: any) => s.kind === 'claim');
    expect(claims.every((s: any) => s.citations.length > 0 && s.verdict === 'supported')).toBe(true);
    expect(created.version).toBe(1);
    expect(created.provenance.provider).toBe('extractive');
  });

  it('answers the off-corpus question with "no recorded position"', () => {
    const fish = created.draft.sections.find((s: any) => s.question === FISH);
    expect(fish.status).toBe('no_position');
    expect(fish.paragraphs.flat().map((s: any) => s.text)).toEqual(['Vi har ikke tidligere uttalt oss om dette.']);
  });

  it('streams progress as Server-Sent Events and saves the draft', async () => {
    const before = await countDrafts(ctx.db);
    const res = await ctx.app.request('/drafts', jsonInit('POST', { ...request, stream: true }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = await readSse(res);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('retrieval');
    expect(names.filter((n) => n === 'section')).toHaveLength(5);
    expect(names.slice(-2)).toEqual(['verification', 'done']);
    const done = events.at(-1)!.data;
    expect(done.id).toBeTruthy();
    expect((await countDrafts(ctx.db)).drafts).toBe(before.drafts + 1);
  });

  it('saves nothing when the client has gone away', async () => {
    const before = await countDrafts(ctx.db);
    const res = await ctx.app.request('/drafts', { ...jsonInit('POST', request), signal: AbortSignal.abort() });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await countDrafts(ctx.db)).toEqual(before);
  });

  it('refuses invalid input with a 400 naming the field, and an unknown organisation with 422', async () => {
    const bad = await problem(
      await ctx.app.request(
        '/drafts',
        jsonInit('POST', { ...request, consultation: { ...request.consultation, questions: [] } }),
      ),
      400,
    );
    expect(bad.field).toBe('consultation.questions');
    const extra = await problem(await ctx.app.request('/drafts', jsonInit('POST', { ...request, temperatur: 2 })), 400);
    expect(extra.errors[0].reason).toBe('ukjent felt');
    const org = await problem(
      await ctx.app.request('/drafts', jsonInit('POST', { ...request, organisation: { name: 'Fiskebåt' } })),
      422,
    );
    expect(org.detail).toMatch(/Fiskebåt/);
  });
});

describe('GET /drafts and /drafts/:id', () => {
  it('lists saved drafts', async () => {
    const body = await (await ctx.app.request('/drafts?organisation=fagforbundet')).json();
    expect(body.drafts.map((d: any) => d.id)).toContain(created.id);
    expect(body.drafts.every((d: any) => d.organisation === 'Fagforbundet')).toBe(true);
    expect(body.drafts.find((d: any) => d.id === created.id).consultationTitle).toBe(request.consultation.title);
    // The målform tells a Bokmål and a Nynorsk draft of one consultation apart (the home list shows it).
    expect(body.drafts.find((d: any) => d.id === created.id).language).toBe(request.language ?? 'nb');
  });

  it('reads a draft with its versions', async () => {
    // Other tests in this file may have added versions (test order is shuffled).
    const body = await (await ctx.app.request(`/drafts/${created.id}`)).json();
    expect(body.versions[0]).toMatchObject({ version: 1, origin: 'generated', provider: 'extractive' });
    expect(body.current.version).toBe(body.latestVersion);
    const v1 = await (await ctx.app.request(`/drafts/${created.id}?version=1`)).json();
    expect(v1.current.markdown).toBe(created.markdown);
    expect(v1.current.retrievedPassageIds).toEqual(created.retrievedPassageIds);
  });

  it('404s an unknown draft or version', async () => {
    await problem(await ctx.app.request('/drafts/finnes-ikke'), 404);
    await problem(await ctx.app.request(`/drafts/${created.id}?version=9`), 404);
  });
});

describe('PUT /drafts/:id', () => {
  it('saves an edit as a new version, verified again, and keeps the old one', async () => {
    const id = created.id;
    const latest = (await (await ctx.app.request(`/drafts/${id}`)).json()).latestVersion;
    // Break one quote: the verifier must notice in the new version.
    const footnote = created.markdown.match(/^\[\^1\]: \[[^\]]+\] «([^»]+)»/m)![1];
    const edited = created.markdown
      .replace(`«${footnote}»`, `«${footnote.replace(/\S+\.$/, 'helt oppdiktet avslutning.')}»`)
      .replace(/ \(tegn \d+–\d+\)$/m, '');
    const res = await ctx.app.request(`/drafts/${id}`, jsonInit('PUT', { markdown: edited }));
    expect(res.status).toBe(200);
    const v2 = await res.json();
    expect(v2).toMatchObject({ version: latest + 1, origin: 'edited', provenance: { provider: 'person' } });
    expect(v2.verification.ok).toBe(false);
    expect(v2.verification.sentences.some((s: any) => s.citations.some((c: any) => c.status !== 'ok'))).toBe(true);
    const body = await (await ctx.app.request(`/drafts/${id}`)).json();
    expect(body.versions[0].origin).toBe('generated');
    expect(body.versions.at(-1).origin).toBe('edited');
    const v1 = await (await ctx.app.request(`/drafts/${id}?version=1`)).json();
    expect(v1.current.verification.ok).toBe(true);
  });

  it('accepts the structured form', async () => {
    const res = await ctx.app.request(
      `/drafts/${created.id}`,
      jsonInit('PUT', {
        structured: {
          title: 'Kort svar',
          sections: [{ heading: 'Innledning', sentences: [{ text: 'Vi viser til høringen.' }] }],
        },
      }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).draft.title).toBe('Kort svar');
  });

  it('refuses broken Markdown (400 naming the footnote) and an unknown draft (404)', async () => {
    const bad = await problem(
      await ctx.app.request(`/drafts/${created.id}`, jsonInit('PUT', { markdown: 'Vi støtter dette.[^9]\n' })),
      400,
    );
    expect(bad.detail).toMatch(/\[\^9\]/);
    await problem(await ctx.app.request('/drafts/finnes-ikke', jsonInit('PUT', { markdown: 'Hei.\n' })), 404);
    await problem(await ctx.app.request(`/drafts/${created.id}`, jsonInit('PUT', {})), 400);
  });
});

describe('GET /drafts/:id/export', () => {
  it('exports Markdown with the extractive label', async () => {
    const res = await ctx.app.request(`/drafts/${created.id}/export?format=md&version=1`);
    expect(res.headers.get('content-type')).toContain('text/markdown');
    // The name says whose answer, to which consultation, from which day (UTC date of the saved version).
    const day = new Date().toISOString().slice(0, 10);
    const slug = 'horing-forslag-til-lov-om-bruk-av-kunstig-intelligens-og';
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="hoeringsinnspill-fagforbundet-${slug}-${day}-v1.md"`,
    );
    const md = await res.text();
    expect(md).toContain('*Versjon 1 av utkastet*');
    expect(md).toContain('*Uttrekksbasert utkast:');
    // The export goes back in as an edit unchanged, on top of the latest version when that is asked for
    // (baseVersion); sent back as it is, it is held to the version it names, which is no longer the latest.
    const latest = (await (await ctx.app.request(`/drafts/${created.id}`)).json()).latestVersion;
    const put = await ctx.app.request(`/drafts/${created.id}`, jsonInit('PUT', { markdown: md, baseVersion: latest }));
    expect((await put.json()).verification.ok).toBe(true);
    const old = await ctx.app.request(`/drafts/${created.id}`, jsonInit('PUT', { markdown: md }));
    expect(old.status).toBe(409);
  });

  it('exports a DOCX høringssvar: addressee, reference, sections and footnoted sources', async () => {
    const res = await ctx.app.request(`/drafts/${created.id}/export?format=docx&version=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const doc = await zip.file('word/document.xml')!.async('string');
    const notes = await zip.file('word/footnotes.xml')!.async('string');
    expect(doc).toContain('Digitaliserings- og forvaltningsdepartementet');
    expect(doc).toContain('Deres ref.: 25/1873');
    for (const q of [...request.consultation.questions, FISH]) expect(doc).toContain(q);
    expect(doc).toContain('Vi har ikke tidligere uttalt oss om dette.');
    expect(doc).toContain('w:footnoteReference');
    const firstQuote = created.draft.sections[0].paragraphs[1][0].citations[0].quote;
    expect(notes).toContain(firstQuote.slice(0, 40));
    expect(notes).toContain('Innspill til ny nasjonal digitaliseringsstrategi (Fagforbundet, 2023)');
    // Word's «Sist endret av»: the organisation, never the docx package's «Un-named».
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<cp:lastModifiedBy>Fagforbundet</cp:lastModifiedBy>');
    expect(core).not.toContain('Un-named');
  });
});

describe('API surface', () => {
  it('documents the routes in /openapi.json', async () => {
    const doc = await (await ctx.app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/drafts', '/drafts/{id}', '/drafts/{id}/export', '/ask']),
    );
    expect(doc.paths['/drafts'].post.responses['200'].content).toHaveProperty('text/event-stream');
  });

  it('needs a token to draft and, since issue 16, to ask when API_TOKENS is set', async () => {
    const locked = await seededApp({ config: { ...testConfig, API_TOKENS: 'hemmelig' } });
    await problem(await locked.app.request('/drafts', jsonInit('POST', request)), 401);
    const ok = await locked.app.request('/drafts', jsonInit('POST', request, { authorization: 'Bearer hemmelig' }));
    expect(ok.status).toBe(201);
    const question = { question: 'Hva mener NTL om digitalisering?' };
    await problem(await locked.app.request('/ask', jsonInit('POST', question)), 401);
    const asked = await locked.app.request('/ask', jsonInit('POST', question, { authorization: 'Bearer hemmelig' }));
    expect(asked.status).toBe(200);
  });
});
