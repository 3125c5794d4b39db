/**
 * The secretariat's path through the page in a real browser: fill in a consultation, watch the draft arrive section
 * by section, open a footnote's source with the quote highlighted, follow it to the document, change a number in a
 * sentence and see "Kontroller kilder" flag it, save a new version, download the DOCX. Screenshots of each step go
 * to test-artifacts/web/. No request may go anywhere but 127.0.0.1.
 */
import { readFile, stat } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, openPage, publishScreenshot, shoot, startWorld, type WebWorld } from './browser.js';

const QUESTIONS = [
  'Hvordan bør ansatte og tillitsvalgte involveres når offentlige virksomheter tar i bruk kunstig intelligens?',
  'Hva skal til for at det offentlige har kontroll over egne data og IKT-systemer, også når tjenester kjøpes fra private leverandører?',
  'Hvordan kan digitalt utenforskap forebygges når flere offentlige tjenester blir digitale?',
];

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium)
  console.warn('test/web: /usr/bin/chromium is missing, browser tests skipped (apt-get install chromium)');

// The steps build on each other (one draft, edited, then exported), so this suite is exempt from the shuffle.
suite('web page: draft, sources, edit, re-verify, export (Chromium)', { shuffle: false }, () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let hosts: Set<string>;
  let problems: string[];
  let draftId = '';

  // Seeding the store and starting Chromium can take a minute on a busy two-core machine.
  beforeAll(async () => {
    world = await startWorld();
    ({ context, page, hosts, problems } = await openPage(world));
    // Record when each live section appears, to tell "section by section" from "all at once".
    await page.addInitScript(() => {
      const w = window as unknown as { __sections: { count: number; t: number }[] };
      w.__sections = [];
      new MutationObserver(() => {
        const count = document.querySelectorAll('.draft--live .draft-section').length;
        const last = w.__sections.at(-1);
        if (count && (!last || last.count !== count)) w.__sections.push({ count, t: performance.now() });
      }).observe(document, { childList: true, subtree: true });
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  it('drafts a consultation from the form, showing each section as it is written', async () => {
    await page.goto(`${world.base}/ny`);
    await page
      .getByLabel('Tittel på høringen')
      .fill('Høring – forslag til lov om bruk av kunstig intelligens og felles digitale løsninger i offentlig sektor');
    await page.getByLabel('Avsender').fill('Digitaliserings- og forvaltningsdepartementet');
    await page.getByLabel('Referanse (valgfritt)').fill('25/1873');
    await page.getByLabel('Frist (valgfritt)').fill('2025-11-14');
    await page.getByLabel('Spørsmål 1').fill(QUESTIONS[0]);
    for (const [i, q] of QUESTIONS.slice(1).entries()) {
      await page.getByRole('button', { name: 'Legg til spørsmål' }).click();
      // The new question field gets focus, so a keyboard user can type straight away.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`sporsmal-${i + 2}`);
      await page.keyboard.type(q);
    }
    await page.getByLabel('Organisasjon', { exact: true }).selectOption('Fagforbundet');
    await shoot(page, '01-ny-horing', { fullPage: true });

    await page.getByRole('button', { name: 'Lag utkast' }).click();
    await page.locator('.draft--live .draft-section').first().waitFor();
    await shoot(page, '02-utkastet-skrives', { fullPage: true });
    await page.waitForURL(/\/utkast\/[^/?]+$/);
    draftId = new URL(page.url()).pathname.split('/').pop()!;

    const arrivals = await page.evaluate(
      () => (window as unknown as { __sections: { count: number; t: number }[] }).__sections,
    );
    // Sections arrive at separate moments (the closing, written without a model, may come with the last question).
    const counts = arrivals.map((a) => a.count);
    expect(counts.at(-1)).toBe(5);
    expect(counts.length).toBeGreaterThanOrEqual(4);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(arrivals.at(-1)!.t - arrivals[0].t).toBeGreaterThan(500);

    await expect.poll(() => page.locator('.draft-section').count()).toBe(5);
    expect(await page.locator('.draft-section h2').allTextContents()).toEqual([
      'Innledning',
      ...QUESTIONS,
      'Avslutning',
    ]);
    expect(await page.locator('.banner').textContent()).toContain('Uttrekksutkast – skrevet uten språkmodell');
    expect(await page.locator('.summary').textContent()).toMatch(/Alle \d+ påstandene er støttet/);
    expect(await page.locator('.fn[data-verdict="supported"]').count()).toBeGreaterThan(5);
  });

  it('opens a footnote’s source with the quoted words highlighted, and the document at that passage', async () => {
    const draft = await (await fetch(`${world.base}/drafts/${draftId}`)).json();
    const first = draft.current.draft.sections
      .flatMap((s: any) => s.paragraphs.flat())
      .find((s: any) => s.citations.length).citations[0];

    const marker = page.locator('.fn[data-footnote="1"]');
    await marker.focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('#source-panel');
    await panel.locator('mark').waitFor();
    expect(await panel.locator('mark').textContent()).toBe(first.quote);
    expect(await panel.textContent()).toContain('Fagforbundet');
    expect(await panel.locator('.citation__title').textContent()).toBeTruthy();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('source-panel');
    // The README's picture: the top of the draft with the source panel open beside it.
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = await shoot(page, '03-utkast-med-kilde');
    await publishScreenshot(shot);

    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.footnote)).toBe('1');

    await marker.click();
    await panel.getByRole('link', { name: /Les hele dokumentet/ }).click();
    await page.waitForURL(new RegExp(`/dokumenter/[^?]+\\?.*#${first.passageId}$`));
    const target = page.locator(`[id="${first.passageId}"]`);
    expect(await target.locator('mark').textContent()).toBe(first.quote);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(first.passageId);
    await shoot(page, '04-dokument-ved-avsnittet');
    await page.goBack();
    await page.locator('.draft-section').first().waitFor();
  });

  it('flags an edited number as unsupported after "Kontroller kilder", and saves the edit as a new version', async () => {
    await page.getByRole('button', { name: 'Rediger teksten' }).click();
    // The sentence with a year in it: "… saken tilknyttet Nødnettet i 2017." Held by position, as its text changes.
    const index = await page
      .locator('.sentence')
      .evaluateAll((els) => els.findIndex((e) => e.textContent?.includes('2017')));
    expect(index).toBeGreaterThan(-1);
    const sentence = page.locator('.sentence').nth(index);
    const text = sentence.locator('.sentence__text');
    const before = (await text.textContent())!;
    await text.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(before.replace('2017', '2019'));
    expect(await text.textContent()).toBe(before.replace('2017', '2019'));
    expect(await sentence.locator('.fn').getAttribute('data-verdict')).toBe('pending');

    await page.getByRole('button', { name: 'Kontroller kilder' }).click();
    const marker = sentence.locator('.fn');
    await expect
      .poll(() => marker.getAttribute('data-verdict'), { timeout: 30_000 })
      .toMatch(/^(unsupported|contradicted)$/);
    expect(await marker.getAttribute('class')).toContain('verdict--unsupported');
    expect(await marker.locator('.visually-hidden').textContent()).toMatch(/ikke støttet|motsagt/);
    expect(await page.locator('.summary').textContent()).toMatch(/1 ikke støttet/);
    await marker.click();
    expect(await page.locator('#source-panel .reasons').textContent()).toContain('2019');
    await shoot(page, '05-kontrollert-etter-endring');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await expect.poll(() => page.locator('.status').textContent()).toMatch(/Lagret som versjon \d/);
    const versions = await page.locator('.version-list li').allTextContents();
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions.at(-1)).toMatch(/Versjon 1/);
    // The saved version keeps the flag: the server verified it again.
    expect(await page.locator('.sentence', { hasText: '2019' }).locator('.fn').getAttribute('class')).toContain(
      'verdict--unsupported',
    );
    expect(await page.locator('.banner').textContent()).toContain('Redigert for hånd');

    // Earlier versions open from the list.
    await page.locator('.version-list a', { hasText: 'Versjon 1' }).click();
    await expect
      .poll(() => page.locator('.sentence', { hasText: '2017' }).locator('.fn').getAttribute('data-verdict'))
      .toBe('supported');
    expect(await page.locator('.notice--info').textContent()).toContain('eldre versjon');
    await page.goBack();
    await page.locator('.sentence', { hasText: '2019' }).waitFor();
  });

  it('asks before downloading a version with ✗ sentences, then downloads the DOCX with them marked', async () => {
    const link = page.getByRole('link', { name: 'Last ned Word (DOCX)' });
    // Cancelled: no download.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    const downloads: unknown[] = [];
    const onDownload = (d: unknown) => downloads.push(d);
    page.on('download', onDownload);
    await link.click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(
      /^1 setning er ikke støttet av kildene de viser til \(✗\)\. Vil du laste ned utkastet likevel\?/,
    );
    page.off('download', onDownload);
    expect(downloads).toHaveLength(0);

    // Confirmed: the file comes, with the review summary and the sentence marked.
    page.once('dialog', (d) => void d.accept());
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(
      /^hoeringsinnspill-fagforbundet-horing-[a-z0-9-]+-\d{4}-\d{2}-\d{2}-v\d+\.docx$/,
    );
    const file = await download.path();
    expect((await stat(file)).size).toBeGreaterThan(1000);
    expect((await readFile(file)).subarray(0, 2).toString()).toBe('PK'); // a DOCX is a zip
    const zip = await JSZip.loadAsync(await readFile(file));
    const doc = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(doc).toContain('Kildekontroll: 1 setning må kontrolleres før svaret sendes');
    expect(await zip.file('word/comments.xml')!.async('string')).toContain('✗');
    await shoot(page, '06-nedlastet');
  });

  it('warns when a cited document has been withdrawn, and still shows the stored quote', async () => {
    const draft = await (await fetch(`${world.base}/drafts/${draftId}?version=1`)).json();
    const first = draft.current.draft.sections
      .flatMap((s: any) => s.paragraphs.flat())
      .find((s: any) => s.citations.length).citations[0];
    const documentId = first.passageId.replace(/-p\d+$/, '');
    expect((await fetch(`${world.base}/documents/${documentId}`, { method: 'DELETE' })).status).toBeLessThan(300);

    await page.goto(`${world.base}/utkast/${draftId}?versjon=1`);
    const notice = page.locator('.notice--warning', { hasText: 'trukket tilbake' });
    await notice.waitFor();
    const marker = page.locator('.fn[data-footnote="1"]');
    expect(await marker.getAttribute('data-verdict')).toBe('withdrawn');
    expect(await marker.getAttribute('class')).toContain('verdict--unsupported');
    expect(await page.locator('.summary').textContent()).toMatch(/ikke støttet/);
    await marker.click();
    const panel = page.locator('#source-panel');
    await panel.locator('mark').waitFor();
    expect(await panel.locator('mark').textContent()).toBe(first.quote);
    expect(await panel.textContent()).toContain('trukket tilbake');
    await shoot(page, '07-kilde-trukket-tilbake');
  });

  it('warns when a cited document has been replaced, and marks the sentences citing it ✗', async () => {
    const draft = await (await fetch(`${world.base}/drafts/${draftId}?version=1`)).json();
    const citations = draft.current.draft.sections.flatMap((s: any) =>
      s.paragraphs.flat().flatMap((t: any) => t.citations),
    ) as { passageId: string }[];
    const docOf = (id: string) => id.replace(/-p\d+$/, '');
    const withdrawn = docOf(citations[0].passageId); // by the test above
    const at = citations.findIndex((c) => docOf(c.passageId) !== withdrawn);
    expect(at).toBeGreaterThan(0);
    const fd = new FormData();
    fd.set(
      'file',
      new File(['# Ny versjon\n\nTeksten er skrevet helt om, og det gamle avsnittet er borte.\n'], 'ny.md'),
    );
    const put = await fetch(`${world.base}/documents/${docOf(citations[at].passageId)}`, { method: 'PUT', body: fd });
    expect(put.status, await put.clone().text()).toBe(200);

    await page.goto(`${world.base}/utkast/${draftId}?versjon=1`);
    const notice = page.locator('.notice--warning', { hasText: 'erstattet av en ny versjon' });
    await notice.waitFor();
    const marker = page.locator(`.fn[data-footnote="${at + 1}"]`);
    expect(await marker.getAttribute('class')).toContain('verdict--unsupported');
    expect(await page.locator('.summary').textContent()).not.toMatch(/Alle \d+ påstandene er støttet/);
    await marker.click();
    expect(await page.locator('#source-panel').textContent()).toContain('erstattet av en ny versjon');
    await shoot(page, '08-kilde-erstattet');
  });

  it('never contacted a host other than 127.0.0.1, and logged no page errors', () => {
    expect([...hosts]).toEqual(['127.0.0.1']);
    expect(problems).toEqual([]);
  });
});
