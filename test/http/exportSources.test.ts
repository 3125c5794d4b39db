/**
 * Exports say the truth about where the sentences come from: an edited version no longer claims its sentences are
 * taken verbatim from the organisation's documents (Markdown, the DOCX body and its core properties), and every
 * sentence citing an internal document is marked in both exports and counted in the review summary, its verdict
 * unchanged. The real app on an in-memory PGlite with the seed corpus.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { jsonInit, seededApp } from '../helpers/runtime.js';

const P = 'fagforbundet-uttalelse-2024-p002';
const Q = 'Fagforbundet ønsker en skytjeneste som drives og utvikles av offentlig sektor';
const FAITHFUL = 'Fagforbundet ønsker en skytjeneste som drives og utvikles av offentlig sektor.';
const INTERNAL_TITLE = 'Intern streikeplan';
const PLAN = 'Intern streikeplan: 412 medlemmer er klare til å streike i mars';
const SECRET = 'Styret holder planen hemmelig til forhandlingene er over';
const VERBATIM = /Uttrekksbasert|hentet ordrett|henta ordrett/;

type App = Awaited<ReturnType<typeof seededApp>>['app'];

async function newDraft(app: App): Promise<string> {
  const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
  const res = await app.request('/drafts', jsonInit('POST', request));
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

async function put(app: App, id: string, markdown: string) {
  const res = await app.request(`/drafts/${id}`, jsonInit('PUT', { markdown }));
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

async function docx(app: App, path: string) {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(await res.arrayBuffer());
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const document = await read('word/document.xml');
  return {
    document,
    text: document.replace(/<[^>]+>/g, ''),
    comments: (await read('word/comments.xml')).replace(/<[^>]+>/g, ' '),
    footnotes: (await read('word/footnotes.xml')).replace(/<[^>]+>/g, ''),
    core: await read('docProps/core.xml'),
  };
}

describe('an edited draft', () => {
  let app: App;
  let id: string;
  beforeAll(async () => {
    ({ app } = await seededApp());
    id = await newDraft(app);
  });

  it('keeps the verbatim notice on the extractive first version only', async () => {
    const v1 = await (await app.request(`/drafts/${id}/export?format=md&version=1`)).text();
    expect(v1).toMatch(/^\*Uttrekksbasert utkast: setningene er hentet ordrett/m);
    const d1 = await docx(app, `/drafts/${id}/export?format=docx&version=1`);
    expect(d1.text).toContain('Uttrekksbasert utkast');
    expect(d1.core).toMatch(/<dc:description>Uttrekksbasert utkast/);

    // An edit by hand, saved as version 2.
    const saved = await put(
      app,
      id,
      `# Høringssvar\n\n## Offentlig kontroll\n\n${FAITHFUL}[^1]\n\n[^1]: [${P}] «${Q}»\n`,
    );
    expect(saved.provenance.provider).toBe('person');
    expect(saved.draft.notice).toMatch(/^Uttrekksbasert/); // the stored draft keeps it; the exports must not use it

    const md = await (await app.request(`/drafts/${id}/export?format=md`)).text();
    expect(md).not.toMatch(VERBATIM);
    expect(md).toMatch(
      /^\*Redigert for hånd etter utkastet \(første versjon: uttrekksutkast uten språkmodell\): setningene er ikke lenger nødvendigvis ordrett fra kildene\. .*\*$/m,
    );
    const d2 = await docx(app, `/drafts/${id}/export?format=docx`);
    expect(d2.text).not.toMatch(VERBATIM);
    expect(d2.text).toContain('Redigert for hånd etter utkastet');
    expect(d2.core).not.toMatch(VERBATIM);
    expect(d2.core).toMatch(/<dc:description>Redigert for hånd etter utkastet/);

    // The edited version's export goes back in: its notice is no sentence of the draft.
    const again = await put(app, id, md);
    expect(again.verification.sentences.map((s: { text: string }) => s.text).join(' ')).not.toMatch(/Redigert/);
  });
});

describe('a draft citing an internal document', () => {
  let app: App;
  let id: string;
  let internalId: string;
  let passage: string;
  beforeAll(async () => {
    ({ app } = await seededApp());
    const f = new FormData();
    f.set('file', new File([`${PLAN}. ${SECRET}.\n`], 'streik.txt', { type: 'text/plain' }));
    f.set('organisation', 'Fagforbundet');
    f.set('title', INTERNAL_TITLE);
    f.set('kind', 'other');
    f.set('date', '2026-11-01');
    f.set('language', 'nb');
    f.set('visibility', 'internal');
    const res = await app.request('/documents', { method: 'POST', body: f });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    internalId = body.document.id;
    passage = (await (await app.request(`/documents/${internalId}`)).json()).passages[0].id;
    id = await newDraft(app);
  });

  const markdown = (withInternal: boolean) =>
    `# Høringssvar\n\n## Offentlig kontroll\n\n${FAITHFUL}[^1]` +
    (withInternal ? ` ${PLAN}.[^2] ${SECRET}.[^3]` : '') +
    `\n\n[^1]: [${P}] «${Q}»\n` +
    (withInternal ? `[^2]: [${passage}] «${PLAN}»\n[^3]: [${passage}] «${SECRET}»\n` : '');

  it('marks each sentence citing it and counts them in both exports, the verdicts unchanged', async () => {
    const saved = await put(app, id, markdown(true));
    expect(saved.verification.sentences.map((s: { verdict: string }) => s.verdict)).toEqual([
      'supported',
      'supported',
      'supported',
    ]);
    const view = (await (await app.request(`/drafts/${id}`)).json()).current;
    expect(view.internalSources).toEqual([
      { passageId: passage, documentId: internalId, title: INTERNAL_TITLE, organisation: 'Fagforbundet' },
    ]);

    // Allowed without confirmation (the organisation's own material), but the file says it.
    const res = await app.request(`/drafts/${id}/export?format=md`);
    expect(res.status).toBe(200);
    const md = await res.text();
    const mark = `[Siterer et internt dokument («${INTERNAL_TITLE}»): kontroller før sending]`;
    expect(md).toContain(`${mark} ${PLAN}`);
    expect(md).toContain(`${mark} ${SECRET}`);
    expect(md).not.toContain(`${mark} ${FAITHFUL}`);
    expect(md).toMatch(
      /^> \*\*Kildekontroll:\*\* alle påstander er støttet av kildene de viser til \(✓\)\. 2 setninger siterer et internt dokument \(«Intern streikeplan»\) og er merket i teksten: kontroller før sending/m,
    );

    const d = await docx(app, `/drafts/${id}/export?format=docx`);
    expect(d.text).toContain('2 setninger siterer et internt dokument («Intern streikeplan»)');
    expect(
      d.comments.match(/Siterer et internt dokument \(«Intern streikeplan»\): kontroller før sending\./g),
    ).toHaveLength(2);
    // ✓ sentences keep the verdicts' colours: an internal source is a comment, not a highlight.
    expect(d.document).not.toContain('<w:highlight');
    expect(d.footnotes).toContain(`${INTERNAL_TITLE} (Fagforbundet, 2026-11-01, internt dokument)`);
    expect(d.footnotes).not.toMatch(/Innspill til ny nasjonal digitaliseringsstrategi \(Fagforbundet, \d+, internt/);

    // The marked file goes back in as the same draft.
    const again = await put(app, id, md);
    expect(again.verification.sentences.map((s: { text: string }) => s.text)).toEqual([
      FAITHFUL,
      `${PLAN}.`,
      `${SECRET}.`,
    ]);
  });

  it('a draft citing only public documents has no such mark', async () => {
    await put(app, id, markdown(false));
    expect((await (await app.request(`/drafts/${id}`)).json()).current.internalSources).toBeUndefined();
    const md = await (await app.request(`/drafts/${id}/export?format=md`)).text();
    expect(md).not.toMatch(/[Ii]ntern/);
    const d = await docx(app, `/drafts/${id}/export?format=docx`);
    expect(`${d.text} ${d.comments} ${d.footnotes}`).not.toMatch(/[Ii]ntern/);
  });
});
