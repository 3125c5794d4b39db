/**
 * «Ny høring» from the consultation document in a real browser (issue 18, item 4): upload the høringsnotat and see
 * the upload's progress, the form filled in with «hentet fra side N» links that open the passage in the source
 * panel, the questions ticked, the proposals to tick; draft it item by item and open the ministry's own words from
 * a footnote in the draft. A document without questions offers its proposals and says what it did not find; the
 * same document again, a file that is not a document and one too large are refused in Norwegian.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, openPage, shoot, startWorld, type WebWorld } from './browser.js';

const FIXTURES = 'test/fixtures/consultations';
const ISSUER = 'Kommunal- og distriktsdepartementet';
const TITLE = 'Høring – forslag til endringer i kommuneloven om interkommunalt samarbeid';

const suite = hasChromium ? describe : describe.skip;

// One store: the first import is refused as a duplicate later on.
suite('web page: import a consultation into «Ny høring» (Chromium)', { shuffle: false }, () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let hosts: Set<string>;
  let problems: string[];

  beforeAll(async () => {
    world = await startWorld({ pauseMs: 0 });
    ({ context, page, hosts, problems } = await openPage(world));
    // Every line the import's status shows, to see the upload's progress pass by.
    await page.addInitScript(() => {
      const w = window as unknown as { __status: string[] };
      w.__status = [];
      new MutationObserver(() => {
        const text = document.getElementById('import-status')?.textContent ?? '';
        if (text && w.__status.at(-1) !== text) w.__status.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
  }, 180_000);

  afterAll(async () => {
    if (hosts) expect([...hosts]).toEqual(['127.0.0.1']);
    await context?.close();
    await world?.close();
  });

  it('fills in the form from the uploaded høringsnotat, with the progress and a source for every field', async () => {
    await page.goto(`${world.base}/ny`);
    await page.getByRole('heading', { name: 'Last opp høringsdokumentet' }).waitFor();
    await page.getByLabel('Velg høringsdokumentet').setInputFiles(`${FIXTURES}/horingsnotat-kommuneloven.pdf`);
    await expect.poll(() => page.getByLabel('Tittel på høringen').inputValue(), { timeout: 60_000 }).toBe(TITLE);
    expect(await page.getByLabel('Avsender').inputValue()).toBe(ISSUER);
    expect(await page.getByLabel('Referanse (valgfritt)').inputValue()).toBe('24/1234');
    expect(await page.getByLabel('Frist (valgfritt)').inputValue()).toBe('2025-02-14');
    const steps = await page.locator('#import-logg li').allTextContents();
    expect(steps[0]).toMatch(/^Lest \(PDF, 2\d sider\): \d+ avsnitt/);
    expect(steps).toContainEqual(expect.stringMatching(/^Gjør avsnittene søkbare: (\d+) av \1\.$/));
    // The list ends with the outcome, as a document upload's line does, not at «Lagrer …».
    expect(steps.at(-1)).toBe(`Lagret: «${TITLE}».`);
    expect(steps).not.toContain('Lagrer …');
    const status = await page.evaluate(() => (window as unknown as { __status: string[] }).__status);
    expect(status[0]).toMatch(/^Laster opp «horingsnotat-kommuneloven\.pdf»/);
    expect(status.at(-1)).toMatch(/^Hentet ut fra «horingsnotat-kommuneloven\.pdf»/);

    // The five questions, ticked and editable; the eight proposals to tick.
    const questions = page.locator('#punkter-tittel ~ ol.items').first().locator('input[type=checkbox]');
    expect(await questions.count()).toBe(5);
    expect(await questions.evaluateAll((els) => els.every((e) => (e as HTMLInputElement).checked))).toBe(true);
    const proposals = page.locator('ol.items').nth(1).locator('input[type=checkbox]');
    expect(await proposals.count()).toBe(8);
    expect(await proposals.evaluateAll((els) => els.some((e) => (e as HTMLInputElement).checked))).toBe(false);
    expect(await page.getByLabel('Teksten i spørsmål 1').inputValue()).not.toBe('');
    // Beside the document's items, the typed questions become the secretary's own: none to begin with.
    await page.getByRole('heading', { name: 'Egne spørsmål (valgfritt)' }).waitFor();
    expect(await page.locator('#sporsmal-1').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Legg til spørsmål' }).isVisible()).toBe(true);

    // «hentet fra side 1» under the deadline opens the passage with the date marked.
    const deadlineSource = page.locator('#frist-kilde').getByRole('button');
    expect(await deadlineSource.textContent()).toMatch(/^hentet fra side 1/);
    await deadlineSource.click();
    const mark = page.locator('#source-panel mark');
    await mark.waitFor();
    expect(await mark.textContent()).toContain('14. februar 2025');
    expect(await page.locator('#source-panel').textContent()).toContain(ISSUER);
    await shoot(page, '20-ny-horing-importert', { fullPage: true });
    await page.getByRole('button', { name: /Lukk/ }).click();
    expect(problems).toEqual([]);
  }, 120_000);

  it('drafts the ticked items, and the draft’s footnotes open the ministry’s passages', async () => {
    // Answer question 1 (edited) and proposal 2 only.
    for (let i = 2; i <= 5; i++) await page.getByLabel(`Spørsmål ${i}`, { exact: true }).uncheck();
    await page.locator('ol.items').nth(1).locator('input[type=checkbox]').nth(1).check();
    // And a question of the secretary's own, answered after the items.
    const own = 'Hvordan bør kommunene sikre at IKT-tjenestene drives av egne ansatte?';
    await page.getByRole('button', { name: 'Legg til spørsmål' }).click();
    await page.getByLabel('Eget spørsmål 1', { exact: true }).fill(own);
    await page.getByLabel('Organisasjon', { exact: true }).selectOption('Fagforbundet');
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/drafts') requests.push(r.postData() ?? '');
    });
    await page.getByRole('button', { name: 'Lag utkast' }).click();
    await page.waitForURL(/\/utkast\/[^/?]+$/, { timeout: 120_000 });
    const sent = JSON.parse(requests[0]);
    expect(sent.consultation.documentId).toMatch(/\S/);
    expect(sent.consultation.items).toEqual([
      { kind: 'question', index: 0 },
      { kind: 'proposal', index: 1 },
    ]);
    expect(sent.consultation.questions).toEqual([own]);
    await page.locator('.draft .fn').first().waitFor();
    expect(await page.locator('.draft-section').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('heading', { name: own }).count()).toBe(1);

    // Some footnote cites the consultation itself: the panel shows the ministry's document like any other source.
    const markers = page.locator('.draft .fn');
    let found = false;
    for (let i = 0; i < (await markers.count()) && !found; i++) {
      await markers.nth(i).click();
      await page.locator('#source-panel .citation').first().waitFor();
      found = ((await page.locator('#source-panel .citation').first().textContent()) ?? '').includes(ISSUER);
    }
    expect(found).toBe(true);
    expect(await page.locator('#source-panel .citation__title').first().textContent()).toBe(TITLE);
    await shoot(page, '21-utkast-fra-importert-horing');
    expect(problems).toEqual([]);
  }, 180_000);

  it('offers the earlier import when the same document is uploaded again (409)', async () => {
    await page.goto(`${world.base}/ny`);
    await page.getByLabel('Velg høringsdokumentet').setInputFiles(`${FIXTURES}/horingsnotat-kommuneloven.pdf`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('Høringsdokumentet er allerede lastet opp');
    expect(await page.getByLabel('Tittel på høringen').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Bruk den importerte høringen' }).click();
    await expect.poll(() => page.getByLabel('Tittel på høringen').inputValue()).toBe(TITLE);
    expect(await page.locator('#import-status').textContent()).toContain('importert tidligere');
    problems.length = 0; // the 409 was the point
  }, 120_000);

  it('offers the proposals of a høringsnotat without questions, and says what it did not find', async () => {
    await page.goto(`${world.base}/ny`);
    await page.getByLabel('Velg høringsdokumentet').setInputFiles(`${FIXTURES}/horingsnotat-uten-sporsmal.pdf`);
    await expect.poll(() => page.getByLabel('Tittel på høringen').inputValue(), { timeout: 60_000 }).not.toBe('');
    expect(await page.getByLabel('Frist (valgfritt)').inputValue()).toBe('');
    expect(await page.locator('#frist-kilde').textContent()).toBe('Fant ikke høringsfristen i dokumentet.');
    expect(await page.locator('#referanse-kilde').textContent()).toBe(
      'Fant ikke saksnummeret (vår ref.) i dokumentet.',
    );
    expect(await page.locator('.source-notes').textContent()).toContain(
      'Fant ingen spørsmål til høringsinstansene; svar på forslagene i stedet.',
    );
    const proposals = page.locator('ol.items').nth(1).locator('input[type=checkbox]');
    expect(await proposals.count()).toBeGreaterThan(0);
    // With no questions, the proposals are what is answered: ticked.
    expect(await proposals.evaluateAll((els) => els.every((e) => (e as HTMLInputElement).checked))).toBe(true);
    await shoot(page, '22-ny-horing-uten-sporsmal', { fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);

  it('asks who sent a letter that does not say, and stores it under the sender the user names', async () => {
    await page.goto(`${world.base}/ny`);
    const letter = {
      name: 'gebyrer.html',
      mimeType: 'text/html',
      buffer: Buffer.from(
        '<html><body><h1>Høring – ny lov om kommunale gebyrer</h1><p>Vi sender forslaget på høring. ' +
          'Høringsfristen er 1. mars 2025.</p><p>Vi ber særlig om synspunkter på følgende:</p>' +
          '<ol><li>Bør loven gjelde alle kommunale gebyrer?</li><li>Bør gebyrene kunne påklages?</li></ol></body></html>',
      ),
    };
    await page.getByLabel('Velg høringsdokumentet').setInputFiles(letter);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('avsenderen');
    const sender = page.getByLabel('Hvem sendte høringen (bare om dokumentet ikke sier det)');
    await expect.poll(() => sender.evaluate((el) => el === document.activeElement)).toBe(true);
    await sender.fill('Finansdepartementet');
    await page.getByLabel('Velg høringsdokumentet').setInputFiles(letter);
    await expect
      .poll(() => page.getByLabel('Tittel på høringen').inputValue(), { timeout: 60_000 })
      .toBe('Høring – ny lov om kommunale gebyrer');
    expect(await page.getByLabel('Avsender', { exact: true }).inputValue()).toBe('Finansdepartementet');
    problems.length = 0; // the first refusal was the point
  }, 120_000);

  it('refuses a file that is not a readable document, and one that is too large, in Norwegian', async () => {
    await page.goto(`${world.base}/ny`);
    await page.getByLabel('Velg høringsdokumentet').setInputFiles('test/fixtures/documents/corrupt.pdf');
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    const bad = (await alert.textContent())!;
    expect(bad).not.toContain('{"');
    expect(bad).toMatch(/PDF|fil/i);
    expect(await page.getByLabel('Tittel på høringen').inputValue()).toBe('');

    // Dropped on the drop zone (made in the page: a 26 MB file is slow to hand over from the test).
    await page.locator('.drop-zone').evaluate((zone) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(26 * 1024 * 1024)], 'stor.pdf', { type: 'application/pdf' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 60_000 })
      .toContain('Filen er større enn grensen på 25 MB.');
    problems.length = 0; // the refusals were the point
  }, 120_000);
});
