/**
 * Verdicts travel with the text: an edited draft whose sentence reverses its source's stance is never ✓, its DOCX
 * and Markdown exports carry the mark and the review summary, a draft with ✗ sentences is exported only when the
 * caller confirms (allowUnverified=true), and the home list's badge follows a withdrawn or replaced source.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createChatJudge } from '../../src/llm/judgeChat.js';
import { startFakeChatApi } from '../helpers/fakeChatApi.js';
import { jsonInit, seededApp } from '../helpers/runtime.js';

const P = 'fagforbundet-uttalelse-2024-p002';
const Q = 'Fagforbundet ønsker en skytjeneste som drives og utvikles av offentlig sektor';
const SKEPTICAL = 'Fagforbundet er skeptisk til en skytjeneste som drives og utvikles av offentlig sektor.';
const FAITHFUL = 'Fagforbundet ønsker en skytjeneste som drives og utvikles av offentlig sektor.';
/** A paraphrase the fixed checks cannot confirm: ≈ needs review. */
const PARAPHRASE = 'Fagforbundet ønsker en offentlig eid og driftet skytjeneste.';
const edited = (first: string) =>
  `# Høringssvar\n\n## Offentlig kontroll\n\n${first}[^1] ${FAITHFUL}[^2]\n\n` +
  `[^1]: [${P}] «${Q}»\n[^2]: [${P}] «${Q}»\n`;

async function draftWith(first: string, overrides: Parameters<typeof seededApp>[0] = {}, language: 'nb' | 'nn' = 'nb') {
  const { app } = await seededApp(overrides);
  const request = { ...parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8')), language };
  const created = await (await app.request('/drafts', jsonInit('POST', request))).json();
  const put = await app.request(`/drafts/${created.id}`, jsonInit('PUT', { markdown: edited(first) }));
  expect(put.status).toBe(200);
  return { app, id: created.id as string, saved: await put.json() };
}

/** The language Word spell-checks the letter in: w:lang on the default run properties in styles.xml. */
async function defaultLanguage(zip: JSZip): Promise<string | undefined> {
  const styles = await zip.file('word/styles.xml')!.async('string');
  const rPrDefault = /<w:rPrDefault>(.*?)<\/w:rPrDefault>/s.exec(styles)?.[1] ?? '';
  return /<w:lang w:val="([^"]+)"/.exec(rPrDefault)?.[1];
}

describe('an edit that reverses the source’s stance', () => {
  it('is never ✓ offline', async () => {
    const { saved } = await draftWith(SKEPTICAL);
    const s = saved.verification.sentences.find((x: any) => x.text === SKEPTICAL);
    expect(['partly_supported', 'unsupported', 'contradicted']).toContain(s.verdict);
  });

  it('is ✗ with a judge, and its DOCX carries a highlighted, commented sentence and the review summary', async () => {
    const api = await startFakeChatApi({
      reply: (body) =>
        /skeptisk/.test(JSON.stringify(body.messages))
          ? '{"verdict": "contradicted", "reason": "Kilden sier at Fagforbundet ønsker dette."}'
          : '{"verdict": "entailed", "reason": "Kilden sier det samme."}',
    });
    try {
      const judge = createChatJudge({ baseURL: api.url, model: 'dommer', maxRetries: 0 });
      const { app, id, saved } = await draftWith(SKEPTICAL, { judge });
      const s = saved.verification.sentences.find((x: any) => x.text === SKEPTICAL);
      expect(s.verdict).toBe('contradicted');
      // The fixed checks already find the reversal (stance lexicon); the judge agrees, and decides nothing new.
      expect(s.judge).toMatchObject({ verdict: 'contradicted' });

      const res = await app.request(`/drafts/${id}/export?format=docx&allowUnverified=true`);
      expect(res.status).toBe(200);
      const zip = await JSZip.loadAsync(await res.arrayBuffer());
      const doc = await zip.file('word/document.xml')!.async('string');
      const text = doc.replace(/<[^>]+>/g, '');
      expect(text).toContain('Kildekontroll: 1 setning må kontrolleres før svaret sendes: 1 er ikke støttet');
      expect(doc).toContain('<w:commentRangeStart w:id="0"/>');
      expect(doc).toMatch(new RegExp(`<w:highlight w:val="red"/>.*?${SKEPTICAL.slice(0, 30)}`));
      const comments = (await zip.file('word/comments.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
      expect(comments).toContain('✗ motsagt av kilden');
      expect(comments).toContain('Setningen endrer standpunkt: den sier «skeptisk», men kilden sier «ønsker».');
      expect((await zip.file('word/comments.xml')!.async('string')).match(/<w:comment /g)).toHaveLength(1);
    } finally {
      await api.close();
    }
  });
});

describe('a sentence that needs review (≈)', () => {
  it('is highlighted in DOCX, marked in Markdown, and the Markdown goes back in without the marks', async () => {
    const { app, id, saved } = await draftWith(PARAPHRASE);
    expect(saved.verification.sentences.map((x: any) => x.verdict)).toEqual(['partly_supported', 'supported']);
    // ≈ alone needs no confirmation
    const zip = await JSZip.loadAsync(await (await app.request(`/drafts/${id}/export?format=docx`)).arrayBuffer());
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc.replace(/<[^>]+>/g, '')).toContain(
      '1 setning må kontrolleres før svaret sendes: 1 må leses mot kilden (≈)',
    );
    expect(doc).toMatch(new RegExp(`<w:highlight w:val="yellow"/>.*?${PARAPHRASE.slice(0, 30)}`));
    expect(await zip.file('word/comments.xml')!.async('string')).toContain('≈ må kontrolleres');
    expect(await defaultLanguage(zip)).toBe('nb-NO');

    const md = await (await app.request(`/drafts/${id}/export?format=md`)).text();
    expect(md).toMatch(/^> \*\*Kildekontroll:\*\* 1 setning må kontrolleres før svaret sendes/m);
    expect(md).toContain(`[≈ må kontrolleres] ${PARAPHRASE}`);
    expect(md).not.toMatch(/\[(≈|✗)[^\]]*\] Fagforbundet ønsker en skytjeneste/);

    const put = await app.request(`/drafts/${id}`, jsonInit('PUT', { markdown: md }));
    expect(put.status).toBe(200);
    const again = await put.json();
    expect(again.markdown).not.toMatch(/Kildekontroll|\[≈|\[✗/);
    expect(again.verification.sentences.map((x: any) => x.text)).toEqual([PARAPHRASE, FAITHFUL]);
  });
});

describe('exporting a draft with ✗ sentences', () => {
  it('is refused with 409 problem+json in Norwegian unless allowUnverified=true', async () => {
    const { app, id } = await draftWith('Fagforbundet krever at alle kommuner innfører firedagersuke innen 2027.');
    for (const format of ['md', 'docx']) {
      const res = await app.request(`/drafts/${id}/export?format=${format}`);
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = await res.json();
      expect(body.title).toBe('Utkastet har setninger som ikke er støttet av kildene');
      expect(body.detail).toMatch(/^1 setning er ikke støttet av kildene.*allowUnverified=true/);
      expect(body.unsupportedSentences).toBe(1);
    }
    expect((await app.request(`/drafts/${id}/export?format=md&allowUnverified=false`)).status).toBe(409);
    const ok = await app.request(`/drafts/${id}/export?format=md&allowUnverified=true`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/\[✗ [^\]]+\] Fagforbundet krever/);
  });

  it('a draft that is all ✓ exports without confirmation and says so', async () => {
    const { app, id, saved } = await draftWith(FAITHFUL);
    expect(saved.verification.ok).toBe(true);
    const md = await (await app.request(`/drafts/${id}/export?format=md`)).text();
    expect(md).toContain('> **Kildekontroll:** alle påstander er støttet av kildene de viser til (✓).');
    expect(md).not.toMatch(/\[≈|\[✗/);
  });
});

describe('the home list’s badge', () => {
  it('stops saying all supported when a cited document is withdrawn', async () => {
    const { app, id, saved } = await draftWith(FAITHFUL);
    expect(saved.verification.ok).toBe(true);
    const badge = async () =>
      ((await (await app.request('/drafts')).json()).drafts as any[]).find((d) => d.id === id).verificationOk;
    expect(await badge()).toBe(true);
    expect((await (await app.request(`/drafts/${id}`)).json()).verificationOk).toBe(true);

    const review = async () =>
      ((await (await app.request('/drafts')).json()).drafts as any[]).find((d) => d.id === id).review;
    expect(await review()).toBe('supported');
    expect((await app.request('/documents/fagforbundet-uttalelse-2024', { method: 'DELETE' })).status).toBe(200);
    expect(await badge()).toBe(false);
    // ✗, not ≈: a withdrawn source's sentences are no longer supported.
    expect(await review()).toBe('unsupported');
    const one = await (await app.request(`/drafts/${id}`)).json();
    expect(one.verificationOk).toBe(false);
    expect(one.versions.at(-1).verificationOk).toBe(false);
    // and its export now needs confirmation: the withdrawn source counts as ✗, as on the page
    expect((await app.request(`/drafts/${id}/export?format=md`)).status).toBe(409);
  });

  it('stops saying all supported when a cited document is replaced (not withdrawn)', async () => {
    const { app, id, saved } = await draftWith(FAITHFUL);
    expect(saved.verification.ok).toBe(true);
    const badge = async () =>
      ((await (await app.request('/drafts')).json()).drafts as any[]).find((d) => d.id === id).verificationOk;
    expect(await badge()).toBe(true);

    // A new version of the same document: the cited passage's text is still there, but the document has changed
    // since the check, so the check no longer vouches for it.
    const seed = await readFile('seeds/fagforbundet-uttalelse-2024-digitalisere-norge.txt', 'utf8');
    const fd = new FormData();
    fd.append('file', new Blob([`${seed}\n\nFagforbundet har endret syn på skytjenester.\n`]), 'ny-versjon.txt');
    const put = await app.request('/documents/fagforbundet-uttalelse-2024', { method: 'PUT', body: fd });
    const body = await put.json();
    expect(put.status, JSON.stringify(body)).toBe(200);
    expect(body.outcome).toBe('replaced');
    expect((await app.request(`/passages/${P}`)).status).toBe(200);

    expect(await badge()).toBe(false);
    const one = await (await app.request(`/drafts/${id}`)).json();
    expect(one.verificationOk).toBe(false);
    expect(one.versions.at(-1).verificationOk).toBe(false);
  });
});

describe('a Nynorsk draft', () => {
  it('gets its review summary and marks in Nynorsk in both exports, and an edit sent back drops them', async () => {
    const { app, id, saved } = await draftWith(PARAPHRASE, {}, 'nn');
    expect(saved.verification.sentences.map((x: any) => x.verdict)).toEqual(['partly_supported', 'supported']);

    const md = await (await app.request(`/drafts/${id}/export?format=md`)).text();
    expect(md).toMatch(
      /^> \*\*Kjeldekontroll:\*\* 1 setning må kontrollerast før svaret blir sendt: 1 må lesast mot kjelda \(≈\)\. Dei er merkte i teksten\./m,
    );
    expect(md).toContain(`[≈ må kontrollerast] ${PARAPHRASE}`);
    expect(md).not.toMatch(/Kildekontroll|må kontrolleres|må leses/);

    const zip = await JSZip.loadAsync(await (await app.request(`/drafts/${id}/export?format=docx`)).arrayBuffer());
    const doc = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(doc).toContain('Kjeldekontroll: 1 setning må kontrollerast før svaret blir sendt');
    expect(doc).not.toContain('Kildekontroll');
    const comments = await zip.file('word/comments.xml')!.async('string');
    expect(comments).toContain('≈ må kontrollerast');
    expect(comments).toContain('innspill kjeldekontroll');
    expect(await defaultLanguage(zip)).toBe('nn-NO');

    const put = await app.request(`/drafts/${id}`, jsonInit('PUT', { markdown: md }));
    expect(put.status).toBe(200);
    const again = await put.json();
    expect(again.markdown).not.toMatch(/Kjeldekontroll|\[≈|\[✗/);
    expect(again.verification.sentences.map((x: any) => x.text)).toEqual([PARAPHRASE, FAITHFUL]);
  });

  it('marks a ✗ sentence «ikkje støtta» and says so in the summary', async () => {
    const { app, id } = await draftWith(
      'Fagforbundet krever at alle kommuner innfører firedagersuke innen 2027.',
      {},
      'nn',
    );
    const md = await (await app.request(`/drafts/${id}/export?format=md&allowUnverified=true`)).text();
    expect(md).toMatch(/\[✗ (ikkje støtta|motsagt av kjelda|manglar kjelde)\] Fagforbundet krever/);
    expect(md).toContain('1 er ikkje støtta av kjeldene (✗)');
  });
});
