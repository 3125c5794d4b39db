/**
 * POST /consultations and GET /consultations/:id through the real app over an in-memory store: a consultation is
 * stored as the issuer's document of kind consultation, its fields come back with passage, quote and page, a bad
 * file is refused exactly as POST /documents refuses it, and the store is unchanged after a refusal.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { countAll, getPassage } from '../../src/store/documents.js';
import { fixture } from '../helpers/documents.js';
import { seededApp } from '../helpers/runtime.js';

let rt: Awaited<ReturnType<typeof seededApp>>;
beforeAll(async () => {
  rt = await seededApp();
});

const consultation = (name: string) => readFileSync(`test/fixtures/consultations/${name}`);

function form(bytes: Uint8Array, filename: string, fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  fd.set('file', new File([bytes as Uint8Array<ArrayBuffer>], filename));
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

async function post(bytes: Uint8Array, filename: string, fields: Record<string, string> = {}) {
  const res = await rt.app.request('/consultations', { method: 'POST', body: form(bytes, filename, fields) });
  return { res, body: await res.json() };
}

describe('POST /consultations', { shuffle: false }, () => {
  it('imports a høringsnotat PDF as the issuer’s document, with every field, its passage, quote and page', async () => {
    const { res, body } = await post(consultation('horingsnotat-kommuneloven.pdf'), 'horingsnotat.pdf');
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.document).toMatchObject({
      kind: 'consultation',
      organisation: 'Kommunal- og distriktsdepartementet',
      title: 'Høring – forslag til endringer i kommuneloven om interkommunalt samarbeid',
      format: 'pdf',
      language: 'nb',
    });
    expect(res.headers.get('location')).toBe(`/consultations/${body.document.id}`);
    const c = body.consultation;
    expect(c.documentId).toBe(body.document.id);
    expect(c.reference.value).toBe('24/1234');
    expect(c.deadline).toMatchObject({ value: '2025-02-14', source: { page: 1, quote: '14. februar 2025' } });
    expect(c.questions).toHaveLength(5);
    expect(c.proposals).toHaveLength(8);
    expect(body.messages).toEqual([]);
    // Each proposal's passage is stored, under the issuer, and holds the quoted sentence.
    for (const p of c.proposals) {
      const passage = await getPassage(rt.db, { id: p.source.passageId });
      expect(passage?.document.organisation).toBe('Kommunal- og distriktsdepartementet');
      expect(passage?.text).toContain(p.text);
      expect(passage?.page).toBe(p.source.page);
    }
    const back = await (await rt.app.request(`/consultations/${body.document.id}`)).json();
    expect(back.consultation).toEqual(c);
  });

  it('says in Norwegian which fields it did not find, and leaves them empty', async () => {
    const { res, body } = await post(consultation('horingsnotat-uten-sporsmal.pdf'), 'notat.pdf');
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.consultation.deadline).toEqual({ value: null, source: null });
    expect(body.consultation.questions).toEqual([]);
    expect(body.messages).toEqual([
      'Fant ikke saksnummeret (vår ref.) i dokumentet.',
      'Fant ikke høringsfristen i dokumentet.',
      'Fant ingen spørsmål til høringsinstansene; svar på forslagene i stedet.',
    ]);
    expect(body.consultation.proposals.length).toBeGreaterThan(0);
  });

  it('imports a regjeringen.no page (HTML) with no pages', async () => {
    const { res, body } = await post(consultation('regjeringen-horing-skoleskyss.html'), 'horing.html');
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.document).toMatchObject({ organisation: 'Kunnskapsdepartementet', date: '2024-11-20', format: 'html' });
    expect(body.consultation.deadline.value).toBe('2025-02-20');
  });

  it('refuses the same consultation twice (409), a bad file (422) and no file (400), leaving the store as it was', async () => {
    const before = await countAll(rt.db);
    const again = await post(consultation('horingsnotat-kommuneloven.pdf'), 'kopi.pdf');
    expect(again.res.status).toBe(409);
    // The id from its title is taken (checked before the text): said as «already imported», with where to read it.
    expect(again.body.code).toBe('conflict:consultation');
    expect(again.body.title).toBe('Høringen er allerede importert');
    expect(again.body.detail).toContain(`GET /consultations/${again.body.documentId}`);
    expect(again.body.detail).not.toContain('PUT');
    expect((await rt.app.request(again.body.consultation)).status).toBe(200);
    const corrupt = await post(fixture('corrupt.pdf'), 'horing.pdf');
    expect(corrupt.res.status).toBe(422);
    expect(corrupt.body.detail).toMatch(/horing\.pdf/);
    const none = await rt.app.request('/consultations', { method: 'POST', body: new FormData() });
    expect(none.status).toBe(400);
    expect((await none.json()).errors).toEqual([{ field: 'file', reason: 'feltet mangler' }]);
    const json = await rt.app.request('/consultations', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(415);
    expect(await countAll(rt.db)).toEqual(before);
  });

  it('stores a Nynorsk høyringsnotat as Nynorsk when the form gives no language', async () => {
    const { res, body } = await post(consultation('hoyringsnotat-fiskerihamner.docx'), 'hoyringsnotat.docx');
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.document.language).toBe('nn');
    // Its questions («– Kva for …?» in the letter, «… sitt syn på dette: Korleis …?» in the notat) are text in a
    // passage, citable, not headings over what follows.
    expect(body.consultation.questions).toHaveLength(3);
    for (const q of body.consultation.questions) {
      expect(q.source.passageId, q.text).not.toBeNull();
      const passage = await getPassage(rt.db, { id: q.source.passageId });
      expect(passage?.text).toContain(q.text);
    }
  });

  it('a consultation is always stored as kind consultation: another kind is refused by name', async () => {
    const { res, body } = await post(consultation('hoyringsnotat-fiskerihamner.pdf'), 'n.pdf', { kind: 'statement' });
    expect(res.status).toBe(400);
    expect(body.errors[0].field).toBe('kind');
  });

  it('a consultation that names no issuer needs one in `issuer`, not in `organisation`, and is stored under it', async () => {
    const text = new TextEncoder().encode(
      'Høring – ny lov om kommunale gebyrer\n\nVi sender forslaget på høring. Høringsfristen er 1. mars 2025.\n\n' +
        '1 Departementets forslag\n\nDepartementet foreslår at loven skal gjelde alle kommunale gebyrer.\n',
    );
    const before = await countAll(rt.db);
    const without = await post(text, 'gebyrer.txt');
    expect(without.res.status).toBe(400);
    expect(without.body.errors).toEqual([
      {
        field: 'issuer',
        reason: 'dokumentet navngir ikke avsenderen (departementet e.l.), så den må oppgis i dette feltet',
      },
    ]);
    // `organisation` names the importer, never the issuer: the ministry's text is not stored under it.
    const importer = await post(text, 'gebyrer.txt', { organisation: 'Finansdepartementet' });
    expect(importer.res.status).toBe(400);
    expect(importer.body.errors.map((e: { field: string }) => e.field)).toEqual(['issuer']);
    expect(await countAll(rt.db)).toEqual(before);
    const named = await post(text, 'gebyrer.txt', { issuer: 'Finansdepartementet' });
    expect(named.res.status, JSON.stringify(named.body)).toBe(201);
    expect(named.body.document.organisation).toBe('Finansdepartementet');
    expect(named.body.document.id).toMatch(/^finansdepartementet-/);
    expect(named.body.consultation.issuer).toEqual({ value: null, source: null });
    expect(named.body.messages).toContain('Fant ikke avsenderen (departementet) i dokumentet.');
    expect(named.body.consultation.deadline.value).toBe('2025-03-01');
  });

  it('stores a ministry’s letter under the ministry even when the importer names its own organisation', async () => {
    const letter =
      'Kommunal- og distriktsdepartementet\n\nVår ref.: 24/2200\n\nDato: 3. desember 2024\n\n' +
      'Høring – endringer i kommuneloven om folkevalgtes arbeidsvilkår\n\n' +
      'Departementet foreslår at folkevalgte skal få rett til permisjon fra arbeidet for å delta i møter. ' +
      'Høringsfristen er 3. mars 2025.\n\n' +
      'Departementet ber særlig om høringsinstansenes syn på følgende:\n' +
      '- Bør retten til permisjon gjelde alle folkevalgte organer?\n' +
      '- Hvordan bør arbeidsgiverne kompenseres for fraværet?\n\nMed hilsen\n';
    const before = await countAll(rt.db);
    // The text names its issuer: an `issuer` that contradicts it is refused, nothing stored.
    const contradicted = await post(new TextEncoder().encode(letter), 'brev.txt', { issuer: 'Fagforbundet' });
    expect(contradicted.res.status).toBe(400);
    expect(contradicted.body.errors).toEqual([
      {
        field: 'issuer',
        reason:
          'dokumentet oppgir avsenderen «Kommunal- og distriktsdepartementet»; feltet må utelates eller være den samme',
      },
    ]);
    expect(await countAll(rt.db)).toEqual(before);

    const { res, body } = await post(new TextEncoder().encode(letter), 'brev.txt', { organisation: 'Fagforbundet' });
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.document).toMatchObject({
      organisation: 'Kommunal- og distriktsdepartementet',
      kind: 'consultation',
      visibility: 'public',
    });
    expect(body.document.id).toMatch(/^kommunal-og-distriktsdepartementet-/);
    expect(body.consultation.questions.map((q: { text: string }) => q.text)).toEqual([
      'Bør retten til permisjon gjelde alle folkevalgte organer?',
      'Hvordan bør arbeidsgiverne kompenseres for fraværet?',
    ]);
    // Searching Fagforbundet's documents never finds the ministry's words as Fagforbundet's …
    const search = async (organisation?: string) => {
      const r = await rt.app.request('/search', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'rett til permisjon for folkevalgte',
          k: 50,
          ...(organisation ? { organisation } : {}),
        }),
      });
      expect(r.status).toBe(200);
      return ((await r.json()) as { hits: { passage: { documentId: string; document: { organisation: string } } }[] })
        .hits;
    };
    const own = await search('Fagforbundet');
    expect(own.length).toBeGreaterThan(0); // the seeded Fagforbundet documents answer
    expect(own.map((h) => h.passage.documentId)).not.toContain(body.document.id);
    // … while the importer still reads it, as the ministry's.
    const all = await search();
    const found = all.filter((h) => h.passage.documentId === body.document.id);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((h) => h.passage.document.organisation === 'Kommunal- og distriktsdepartementet')).toBe(true);
  });

  it('PUT /documents/:id on a consultation reads the new file as a consultation: the fields follow it', async () => {
    const page = consultation('regjeringen-horing-skoleskyss.html').toString('utf8');
    // Another wording than the page imported above, so the text is not a duplicate.
    const v1 = page.replace('om lag 8 000 flere elever', 'om lag 9 000 flere elever');
    const first = await post(new TextEncoder().encode(v1), 'skyss.html', { id: 'kunnskapsdepartementet-skyss-horing' });
    expect(first.res.status, JSON.stringify(first.body)).toBe(201);
    const html = v1
      .replace('Høringsfrist: 20.02.2025', 'Høringsfrist: 27.02.2025')
      .replace('Kunnskapsdepartementet sender på høring', 'Kunnskapsdepartementet sender nå på høring');
    const res = await rt.app.request('/documents/kunnskapsdepartementet-skyss-horing', {
      method: 'PUT',
      body: form(new TextEncoder().encode(html), 'skyss.html'),
    });
    expect(res.status).toBe(200);
    const back = await (await rt.app.request('/consultations/kunnskapsdepartementet-skyss-horing')).json();
    expect(back.document.kind).toBe('consultation');
    expect(back.consultation.deadline.value).toBe('2025-02-27');
  });

  it('is documented in /openapi.json with its multipart body and the extraction schema', async () => {
    const doc = await (await rt.app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths['/consultations'])).toEqual(['post']);
    expect(doc.paths['/consultations'].post.requestBody.content).toHaveProperty('multipart/form-data');
    expect(doc.components.schemas.ConsultationExtraction.properties).toHaveProperty('deadline');
    expect(doc.paths['/consultations/{id}']).toHaveProperty('get');
  });

  it('GET /consultations/:id of an ordinary document is 404', async () => {
    const res = await rt.app.request('/consultations/finnes-ikke');
    expect(res.status).toBe(404);
    expect((await res.json()).detail).toBe('Ingen importert høring med id «finnes-ikke».');
  });
});
