/**
 * From an imported consultation to a draft over HTTP (issue 18): POST /consultations, then POST /drafts with its
 * document id and the items to answer. With Claude (the REAL SDK against a fake Messages API on 127.0.0.1) and
 * offline: each section quotes the proposal from the consultation (held to the issuer) beside the organisation's
 * position (cited to its own documents); the model never gets the consultation as a source of the organisation's view.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../../src/llm/anthropic.js';
import { startFakeMessagesApi, type FakeMessagesApi } from '../helpers/fakeMessagesApi.js';
import { jsonInit, seededApp } from '../helpers/runtime.js';

let api: FakeMessagesApi;
let claude: Awaited<ReturnType<typeof seededApp>>;
let offline: Awaited<ReturnType<typeof seededApp>>;

async function importConsultation(app: typeof claude.app) {
  const fd = new FormData();
  const bytes = readFileSync('test/fixtures/consultations/horingsnotat-kommuneloven.pdf');
  fd.set('file', new File([bytes], 'horingsnotat.pdf'));
  const res = await app.request('/consultations', { method: 'POST', body: fd });
  expect(res.status).toBe(201);
  return (await res.json()).consultation;
}

/** The offline app's import, made once: a second import of the same document is a 409. */
let offlineImport: any;
const offlineConsultation = async () => (offlineImport ??= await importConsultation(offline.app));

const draftRequest = (c: any, items?: unknown) => ({
  consultation: {
    title: c.title.value,
    issuer: c.issuer.value,
    reference: c.reference.value,
    deadline: c.deadline.value,
    documentId: c.documentId,
    ...(items ? { items } : {}),
  },
  organisation: { name: 'Fagforbundet' },
});

beforeAll(async () => {
  api = await startFakeMessagesApi();
  const llm = createAnthropicProvider({
    apiKey: 'k',
    baseURL: api.url,
    model: 'claude-test',
    maxRetries: 0,
    timeoutMs: 2500,
  });
  [claude, offline] = await Promise.all([seededApp({ llm }), seededApp()]);
});
afterAll(() => api.close());

describe('POST /drafts for an imported consultation', () => {
  it('with Claude: the item prompt carries the proposal, the sources are the organisation’s, the quote is the issuer’s', async () => {
    const c = await importConsultation(claude.app);
    api.scenario = 'cite';
    const before = api.requests.length;
    const res = await claude.app.request(
      '/drafts',
      jsonInit('POST', draftRequest(c, [{ kind: 'question', index: 4 }])),
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.provenance.prompts).toEqual(expect.arrayContaining(['draft@1', 'draft-item@1']));
    const itemCall = api.requests
      .slice(before)
      .find((r) => JSON.stringify(r.body).includes('Punktet det skal svares på'));
    expect(itemCall, 'the item section called the model').toBeDefined();
    const sent = JSON.stringify(itemCall!.body);
    expect(sent).toContain('Departementet foreslår at avtaler om felles anskaffelse');
    // The documents given to the model are Fagforbundet's, never the consultation.
    const docs = itemCall!.body.messages[0].content.filter((b: any) => b.type === 'document');
    expect(docs.length).toBeGreaterThan(0);
    expect(JSON.stringify(docs)).not.toContain('Kommunal- og distriktsdepartementet');
    const section = body.draft.sections[1];
    expect(section.item).toEqual({ kind: 'question', index: 4, documentId: c.documentId });
    expect(section.paragraphs[0][0].text).toMatch(/^Departementet foreslår at avtaler om felles anskaffelse/);
    expect(section.paragraphs[0][0].verdict).toBe('supported');
    expect(
      section.paragraphs
        .slice(1)
        .flat()
        .some((t: any) => t.kind === 'claim'),
    ).toBe(true);
    expect(body.markdown).toContain('Departementet foreslår at avtaler om felles anskaffelse');
  });

  it('offline: a ticked proposal and an edited question, each its own section', async () => {
    const c = await offlineConsultation();
    const edited = 'Hvordan bør de ansattes rettigheter sikres ved overføring til et samarbeid?';
    const res = await offline.app.request(
      '/drafts',
      jsonInit(
        'POST',
        draftRequest(c, [
          { kind: 'proposal', index: 2 },
          { kind: 'question', index: 2, text: edited },
        ]),
      ),
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    const [proposal, question] = body.draft.sections.slice(1, 3);
    expect(proposal.heading).toBe('3 Arbeidsgiveransvar ved overføring av ansatte');
    expect(proposal.paragraphs[0][0].text).toMatch(/^Departementet foreslår at kommunene skal drøfte overføringen/);
    expect(question.heading).toBe(edited);
    expect(body.request.consultation.items).toHaveLength(2);
  });

  it('offline: the secretary’s own questions are answered after the items, as sections of their own', async () => {
    const c = await offlineConsultation();
    const own = 'Hvordan bør kommunene sikre at IKT-tjenestene drives av egne ansatte?';
    const res = await offline.app.request(
      '/drafts',
      jsonInit('POST', {
        ...draftRequest(c, [{ kind: 'question', index: 4 }]),
        consultation: {
          ...draftRequest(c, [{ kind: 'question', index: 4 }]).consultation,
          questions: [own],
        },
      }),
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    const sections = body.draft.sections.filter((s: any) => s.kind === 'question');
    expect(sections.map((s: any) => s.heading)).toEqual([c.questions[4].text, own]);
    expect(sections[0].item).toEqual({ kind: 'question', index: 4, documentId: c.documentId });
    expect(sections[1].item).toBeUndefined();

    // Own questions only: no item ticked.
    const onlyOwn = await offline.app.request(
      '/drafts',
      jsonInit('POST', {
        ...draftRequest(c, []),
        consultation: { ...draftRequest(c, []).consultation, questions: [own] },
      }),
    );
    expect(onlyOwn.status).toBe(201);
    expect((await onlyOwn.json()).draft.sections.filter((s: any) => s.kind === 'question')).toHaveLength(1);

    // Neither an item nor an own question: refused, naming the field.
    const nothing = await offline.app.request('/drafts', jsonInit('POST', draftRequest(c, [])));
    expect(nothing.status).toBe(400);
    const problem = await nothing.json();
    expect(JSON.stringify(problem)).toContain('consultation.items');
    expect(JSON.stringify(problem)).toContain('eller skriv et eget spørsmål');
  });

  it('offline: documentId alone is enough; title, issuer, reference, deadline and questions come from the import', async () => {
    const c = await offlineConsultation();
    const res = await offline.app.request(
      '/drafts',
      jsonInit('POST', { consultation: { documentId: c.documentId }, organisation: { name: 'Fagforbundet' } }),
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.request.consultation).toMatchObject({
      documentId: c.documentId,
      title: 'Høring – forslag til endringer i kommuneloven om interkommunalt samarbeid',
      issuer: 'Kommunal- og distriktsdepartementet',
      reference: '24/1234',
      deadline: '2025-02-14',
    });
    // Every extracted question is a section, in order.
    const sections = body.draft.sections.filter((s: any) => s.kind === 'question');
    expect(sections.map((s: any) => s.heading)).toEqual(c.questions.map((q: any) => q.text));
    // What the secretary gives still wins over what was read.
    const titled = await offline.app.request(
      '/drafts',
      jsonInit('POST', {
        consultation: {
          documentId: c.documentId,
          title: 'Interkommunalt samarbeid',
          items: [{ kind: 'question', index: 0 }],
        },
        organisation: { name: 'Fagforbundet' },
      }),
    );
    expect(titled.status).toBe(201);
    expect((await titled.json()).request.consultation).toMatchObject({
      title: 'Interkommunalt samarbeid',
      issuer: 'Kommunal- og distriktsdepartementet',
    });
  });

  it('without documentId, title and issuer are required by name', async () => {
    const res = await offline.app.request(
      '/drafts',
      jsonInit('POST', { consultation: { questions: ['Hva mener dere?'] }, organisation: { name: 'Fagforbundet' } }),
    );
    expect(res.status).toBe(400);
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['consultation.title', 'consultation.issuer']);
  });

  it('a request naming a consultation that was never imported is a 404 naming the field', async () => {
    for (const consultation of [
      { title: 'Høring', issuer: 'KD', documentId: 'finnes-ikke' },
      { documentId: 'finnes-ikke' },
    ]) {
      const res = await offline.app.request(
        '/drafts',
        jsonInit('POST', { consultation, organisation: { name: 'Fagforbundet' } }),
      );
      expect(res.status).toBe(404);
      const body = await res.json();
      expect(body.detail).toMatch(/Ingen importert høring med id «finnes-ikke»/);
      expect(body.errors).toEqual([
        { field: 'consultation.documentId', reason: 'ingen importert høring med denne id-en' },
      ]);
    }
  });

  it('items without a consultation id are refused by name', async () => {
    const res = await offline.app.request(
      '/drafts',
      jsonInit('POST', {
        consultation: {
          title: 'Høring',
          issuer: 'KD',
          questions: ['Hva mener dere?'],
          items: [{ kind: 'question', index: 0 }],
        },
        organisation: { name: 'Fagforbundet' },
      }),
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('punkter krever documentId');
  });
});
