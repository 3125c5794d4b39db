import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { countAll } from '../../src/store/documents.js';
import { withdrawnSources } from '../../src/store/documents.js';
import { LOVDATA, fixture } from '../helpers/documents.js';
import { jsonInit, seededApp, testConfig } from '../helpers/runtime.js';

type Seeded = Awaited<ReturnType<typeof seededApp>>;
let rt: Seeded;

beforeAll(async () => {
  rt = await seededApp();
});

function form(bytes: Uint8Array, filename: string, fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  fd.set('file', new File([bytes as Uint8Array<ArrayBuffer>], filename));
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

const FIELDS = { organisation: 'Testforbundet Vest', date: '2024-03-12', kind: 'consultation_response' };

async function upload(
  bytes: Uint8Array,
  filename: string,
  fields: Record<string, string> = FIELDS,
  { method = 'POST', path = '/documents', app = rt.app } = {},
) {
  const res = await app.request(path, { method, body: form(bytes, filename, fields) });
  return { res, body: await res.json() };
}

async function problem(res: Response, body: any, status: number, code: string) {
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(body.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+|stack/i);
  return body;
}

const counts = () => countAll(rt.db);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Another app over the same store, with different settings. */
const appWith = (config: Partial<typeof testConfig>) =>
  createApp({ db: rt.db, embedder: rt.embedder, config: { ...testConfig, ...config }, logger: silentLogger });

describe('POST /documents', () => {
  it('stores a PDF with passages that carry page numbers, the id derived from the title', async () => {
    const before = await counts();
    const { res, body } = await upload(fixture('two-columns.pdf'), 'innspill.pdf');
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.outcome).toBe('created');
    expect(body.document).toMatchObject({
      id: 'testforbundet-vest-horingsinnspill-om-kommunal-digitalisering',
      title: 'Høringsinnspill om kommunal digitalisering', // from the PDF's own title
      organisation: 'Testforbundet Vest',
      format: 'pdf',
      visibility: 'public',
    });
    expect(res.headers.get('location')).toBe(
      '/documents/testforbundet-vest-horingsinnspill-om-kommunal-digitalisering',
    );
    const doc = await (
      await rt.app.request('/documents/testforbundet-vest-horingsinnspill-om-kommunal-digitalisering')
    ).json();
    expect(doc.passages.length).toBe(body.document.passageCount);
    expect(new Set(doc.passages.map((p: { page: number }) => p.page))).toEqual(new Set([1, 2]));
    expect((await counts()).passages).toBe(before.passages + doc.passages.length);
  });

  it('sniffs the type from the bytes: a DOCX named .txt is read as DOCX', async () => {
    const { res, body } = await upload(fixture('headings-list-table.docx'), 'notat.txt', {
      ...FIELDS,
      id: 'testforbundet-vest-docx',
      visibility: 'internal',
    });
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.document).toMatchObject({ id: 'testforbundet-vest-docx', format: 'docx', visibility: 'internal' });
  });

  it('reads a Lovdata statute with title, ministry and date from its header and § anchors', async () => {
    const bytes = new Uint8Array(readFileSync(LOVDATA + 'nl-19990326-017.xml'));
    const { res, body } = await upload(bytes, 'husleieloven.xml', {
      id: 'kommunal-og-distriktsdepartementet-husleieloven',
    });
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.document).toMatchObject({
      organisation: 'Kommunal- og distriktsdepartementet',
      kind: 'statute',
      date: '1999-03-26',
    });
    const doc = await (await rt.app.request('/documents/kommunal-og-distriktsdepartementet-husleieloven')).json();
    const p = doc.passages.find((x: { anchor: string }) => x.anchor === 'kapittel-3-paragraf-5');
    expect(p.headingPath).toEqual(['Kapittel 3. Leie og andre ytelser', '§ 3-5. Depositum']);
  });

  it('refuses the same content again (409 naming the stored document) and a taken id, changing nothing', async () => {
    const text = utf8('Dobbeltforbundet mener at samme dokument ikke skal lagres to ganger under ulike navn.');
    expect(
      (await upload(text, 'original.txt', { ...FIELDS, id: 'testforbundet-vest-dobbelt-original' })).res.status,
    ).toBe(201);
    const before = await counts();
    const dup = await upload(text, 'kopi.txt', { ...FIELDS, id: 'testforbundet-vest-dobbelt-kopi' });
    expect((await problem(dup.res, dup.body, 409, 'conflict:duplicate')).detail).toContain(
      '«testforbundet-vest-dobbelt-original»',
    );
    // The same text in another format is the same content: the stored text is compared, not the bytes.
    const asHtml = await upload(
      utf8(`<html><body><p>${new TextDecoder().decode(text)}</p></body></html>`),
      'kopi.html',
      { ...FIELDS, id: 'testforbundet-vest-dobbelt-html' },
    );
    await problem(asHtml.res, asHtml.body, 409, 'conflict:duplicate');
    const taken = await upload(utf8('Et helt annet innhold om kommunal beredskap.'), 'annet.txt', {
      ...FIELDS,
      id: 'testforbundet-vest-dobbelt-original',
    });
    expect((await problem(taken.res, taken.body, 409, 'conflict:document')).detail).toContain(
      'PUT /documents/testforbundet-vest-dobbelt-original',
    );
    expect(await counts()).toEqual(before);
  });

  it('400 names a missing or unknown field; 415 for a body that is not multipart', async () => {
    const before = await counts();
    const missing = await upload(fixture('article-with-chrome.html'), 'side.html', { date: '2024' });
    expect((await problem(missing.res, missing.body, 400, 'bad_request:validation')).field).toBe('organisation');
    const unknown = await upload(fixture('article-with-chrome.html'), 'side.html', { ...FIELDS, organization: 'x' });
    expect((await problem(unknown.res, unknown.body, 400, 'bad_request:validation')).field).toBe('organization');
    const badDate = await upload(fixture('article-with-chrome.html'), 'side.html', { ...FIELDS, date: 'i fjor' });
    expect((await problem(badDate.res, badDate.body, 400, 'bad_request:validation')).field).toBe('date');
    const noFile = await rt.app.request('/documents', {
      method: 'POST',
      body: (() => {
        const f = new FormData();
        f.set('title', 'x');
        return f;
      })(),
    });
    expect((await problem(noFile, await noFile.json(), 400, 'bad_request:validation')).field).toBe('file');
    const json = await rt.app.request('/documents', jsonInit('POST', { title: 'x' }));
    await problem(json, await json.json(), 415, 'unsupported_media_type:body');
    expect(await counts()).toEqual(before);
  });
});

describe('bad files are refused with a Norwegian problem and the store unchanged', () => {
  it.each([
    ['encrypted.pdf', 422, 'unprocessable:encrypted', /passordbeskyttet/],
    ['scanned.pdf', 422, 'unprocessable:no_text', /Ingen uttrekkbar tekst .* OCR støttes ikke/],
    ['corrupt.pdf', 422, 'unprocessable:corrupt', /skadet eller ufullstendig/],
    ['zip-bomb.docx', 422, 'unprocessable:archive', /pakkes ut til for mye data/],
    ['empty.pdf', 400, 'bad_request:empty_file', /er tom/],
    ['navigation-only.html', 422, 'unprocessable:no_content', /ikke noe innhold utenom navigasjon/],
  ])('%s → %i %s', async (name, status, code, message) => {
    const before = await counts();
    const { res, body } = await upload(fixture(name), name, { ...FIELDS, id: 'testforbundet-vest-skal-ikke-lagres' });
    await problem(res, body, status, code);
    expect(body.detail).toMatch(message);
    expect(body.detail).toContain(`«${name}»`);
    expect(body.field).toBe('file');
    expect(await counts()).toEqual(before);
    expect((await rt.app.request('/documents/testforbundet-vest-skal-ikke-lagres')).status).toBe(404);
  });

  it('an unsupported binary file (a PNG named .pdf) is 415', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const { res, body } = await upload(png, 'skann.pdf');
    await problem(res, body, 415, 'unsupported_media_type:file');
  });

  it('a 200 MB upload is refused by its Content-Length, before the body is read', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 65536;
        controller.enqueue(new Uint8Array(65536));
      },
    });
    const res = await rt.app.request('/documents', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * 1024 * 1024) },
    } as RequestInit);
    await problem(res, await res.json(), 413, 'payload_too_large:file');
    expect(pulled).toBeLessThanOrEqual(65536 * 2); // at most what the stream buffered ahead
  });

  it('a 200 MB upload without a Content-Length is cut off at the limit while streaming', async () => {
    const small = appWith({ MAX_UPLOAD_BYTES: 1024 * 1024 });
    const before = await counts();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 200 * 1024 * 1024) return controller.close();
        pulled += 65536;
        controller.enqueue(new Uint8Array(65536));
      },
    });
    const res = await small.request('/documents', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    } as RequestInit);
    const problemBody = await problem(res, await res.json(), 413, 'payload_too_large:file');
    expect(problemBody.detail).toMatch(/større enn grensen på 1 MB/);
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
    expect(await counts()).toEqual(before);
  });
});

const NEW_VERSION = utf8('# Ny versjon\n\nKommunene må få mer ansvar for digital kompetanse i alle tjenester.');

describe('PUT /documents/:id and DELETE /documents/:id', () => {
  it('replaces a document atomically; a bad replacement leaves the old one in place', async () => {
    const first = await upload(fixture('article-with-chrome.html'), 'side.html', {
      ...FIELDS,
      id: 'testforbundet-vest-byttes-ut',
      title: 'Nettsaken',
    });
    expect(first.res.status, JSON.stringify(first.body)).toBe(201);
    const before = await counts();
    const old = await (await rt.app.request('/documents/testforbundet-vest-byttes-ut')).json();

    const bad = await upload(
      fixture('encrypted.pdf'),
      'ny.pdf',
      {},
      { method: 'PUT', path: '/documents/testforbundet-vest-byttes-ut' },
    );
    await problem(bad.res, bad.body, 422, 'unprocessable:encrypted');
    const still = await (await rt.app.request('/documents/testforbundet-vest-byttes-ut')).json();
    expect(still.contentHash).toBe(old.contentHash);
    expect(await counts()).toEqual(before);

    // Fields left out keep their stored values; the text and passages are the new file's.
    const replaced = await upload(
      NEW_VERSION,
      'ny.md',
      {},
      { method: 'PUT', path: '/documents/testforbundet-vest-byttes-ut' },
    );
    expect(replaced.res.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body.outcome).toBe('replaced');
    expect(replaced.body.document).toMatchObject({
      id: 'testforbundet-vest-byttes-ut',
      title: 'Nettsaken',
      organisation: 'Testforbundet Vest',
      format: 'markdown',
    });
    const now = await (await rt.app.request('/documents/testforbundet-vest-byttes-ut')).json();
    expect(now.passages.map((p: { text: string }) => p.text)).toEqual([
      'Kommunene må få mer ansvar for digital kompetanse i alle tjenester.',
    ]);
    expect((await counts()).passages).toBe(before.passages - old.passages.length + 1);

    const same = await upload(
      NEW_VERSION,
      'ny.md',
      { title: 'Ny tittel' },
      { method: 'PUT', path: '/documents/testforbundet-vest-byttes-ut' },
    );
    expect(same.body.outcome).toBe('metadata');
    expect(same.body.document.title).toBe('Ny tittel');

    const missing = await upload(
      fixture('article-with-chrome.html'),
      'side.html',
      {},
      { method: 'PUT', path: '/documents/finnes-ikke' },
    );
    await problem(missing.res, missing.body, 404, 'not_found:document');
  });

  it('deletes a document with its passages: the count is back, search never returns it, drafts can see it was withdrawn', async () => {
    const before = await counts();
    const text = utf8('Trekkforbundet mener at kvantesikker kryptering må innføres i alle kommuner innen 2030.');
    const created = await upload(text, 'trekk.txt', {
      ...FIELDS,
      id: 'testforbundet-vest-trekkes-tilbake',
      title: 'Skal trekkes tilbake',
    });
    expect(created.res.status, JSON.stringify(created.body)).toBe(201);
    const search = async () =>
      (
        await (
          await rt.app.request('/search', jsonInit('POST', { query: 'kvantesikker kryptering Trekkforbundet', k: 50 }))
        ).json()
      ).hits as { passage: { documentId: string } }[];
    expect((await search()).some((h) => h.passage.documentId === 'testforbundet-vest-trekkes-tilbake')).toBe(true);

    const res = await rt.app.request('/documents/testforbundet-vest-trekkes-tilbake', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      documentId: 'testforbundet-vest-trekkes-tilbake',
      title: 'Skal trekkes tilbake',
      passagesRemoved: 1,
    });
    expect(await counts()).toEqual(before);
    expect((await search()).some((h) => h.passage.documentId === 'testforbundet-vest-trekkes-tilbake')).toBe(false);
    expect((await rt.app.request('/documents/testforbundet-vest-trekkes-tilbake')).status).toBe(404);
    expect((await rt.app.request('/passages/testforbundet-vest-trekkes-tilbake-p000')).status).toBe(404);
    const gone = await withdrawnSources(rt.db, {
      passageIds: ['testforbundet-vest-trekkes-tilbake-p000', 'ntl-prinsipprogram-2019-p001'],
    });
    expect([...gone.keys()]).toEqual(['testforbundet-vest-trekkes-tilbake-p000']);
    expect(gone.get('testforbundet-vest-trekkes-tilbake-p000')?.title).toBe('Skal trekkes tilbake');

    const again = await rt.app.request('/documents/testforbundet-vest-trekkes-tilbake', { method: 'DELETE' });
    await problem(again, await again.json(), 404, 'not_found:document');
  });
});

describe('progress and the API description', () => {
  it('?stream=true reports read, embed and save, then done', async () => {
    const bytes = utf8(
      'Strømforbundet mener at alle kommuner må ha en plan for digital beredskap.\n\nPlanen skal øves hvert år.',
    );
    const res = await rt.app.request('/documents?stream=true', {
      method: 'POST',
      body: form(bytes, 'strom.txt', { ...FIELDS, id: 'testforbundet-vest-strom' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = (await res.text())
      .split('\n\n')
      .filter(Boolean)
      .map((frame) => ({
        event: /^event: (.*)$/m.exec(frame)?.[1],
        data: JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? 'null'),
      }));
    expect(events.map((e) => (e.event === 'progress' ? e.data.phase : e.event))).toEqual([
      'read',
      'embed',
      'save',
      'done',
    ]);
    expect(events.at(-1)?.data).toMatchObject({
      outcome: 'created',
      document: { id: 'testforbundet-vest-strom', format: 'text' },
    });

    const refused = await rt.app.request('/documents?stream=true', {
      method: 'POST',
      body: form(fixture('scanned.pdf'), 'skann.pdf', { ...FIELDS, id: 'testforbundet-vest-skann' }),
    });
    const frames = await refused.text();
    expect(frames).toContain('event: error');
    expect(frames).toContain('unprocessable:no_text');
  });

  it('lists the upload, replace and delete routes in /openapi.json', async () => {
    const doc = await (await rt.app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths['/documents'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/documents/{id}'])).toEqual(expect.arrayContaining(['get', 'put', 'delete']));
    expect(doc.paths['/documents'].post.requestBody.content['multipart/form-data']).toBeDefined();
  });

  it('needs a token for uploads and deletes when API_TOKENS is set', async () => {
    const locked = appWith({ API_TOKENS: 'hemmelig' });
    const res = await locked.request('/documents', {
      method: 'POST',
      body: form(fixture('two-columns.pdf'), 'x.pdf', FIELDS),
    });
    expect(res.status).toBe(401);
    expect((await locked.request('/documents/ntl-prinsipprogram-2019', { method: 'DELETE' })).status).toBe(401);
    const authorised = await locked.request('/documents/finnes-ikke', {
      method: 'DELETE',
      headers: { authorization: 'Bearer hemmelig' },
    });
    expect(authorised.status).toBe(404);
  });
});
