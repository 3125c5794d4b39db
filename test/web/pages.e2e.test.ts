/**
 * The other pages in a real browser: "Spør" streams a cited answer with the same source panel; "Dokumenter" lists
 * the corpus by organisation and kind and opens a document at a passage; API errors show as Norwegian messages
 * (never a blank page or raw JSON); the form reads a background file in the browser, adds and removes questions
 * and names the fields it needs. No request leaves 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, openPage, shoot, startWorld, type WebWorld } from './browser.js';

const suite = hasChromium ? describe : describe.skip;

suite('web page: Spør, Dokumenter and error messages (Chromium)', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let hosts: Set<string>;
  let problems: string[];

  // Seeding the store and starting Chromium can take a minute on a busy two-core machine.
  beforeAll(async () => {
    world = await startWorld({ pauseMs: 0 });
    ({ context, page, hosts, problems } = await openPage(world));
  }, 180_000);

  afterAll(async () => {
    if (hosts) expect([...hosts]).toEqual(['127.0.0.1']);
    await context?.close();
    await world?.close();
  });

  it('answers a question on "Spør" with footnotes that open the source panel', async () => {
    await page.goto(`${world.base}/spor`);
    await page.getByLabel('Spørsmål').fill('Hva mener NTL om digitalisering?');
    await page.getByLabel('Svar fra').selectOption('NTL');
    await page.getByRole('button', { name: 'Spør' }).click();
    const marker = page.locator('.answer .draft .fn').first();
    await marker.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('svar-tittel');
    expect(await marker.getAttribute('data-verdict')).toBe('supported');
    await marker.click();
    const mark = page.locator('#source-panel mark');
    await mark.waitFor();
    expect((await mark.textContent())!.length).toBeGreaterThan(15);
    expect(await page.locator('#source-panel').textContent()).toContain('NTL');
    await shoot(page, '10-spor');
    expect(problems).toEqual([]);
  });

  it('answers an unsure question on "Spør" with a warning above it and every footnote ≈', async () => {
    await page.goto(`${world.base}/spor`);
    await page.getByLabel('Spørsmål').fill('Hvordan bør pensjonsreformen endres for offentlig ansatte?');
    await page.getByLabel('Svar fra').selectOption('Fagforbundet');
    await page.getByRole('button', { name: 'Spør' }).click();
    await page.locator('.answer .draft .fn').first().waitFor();
    expect(await page.locator('.answer .notice--warning').textContent()).toMatch(
      /^Usikkert om dokumentene svarer på nettopp dette spørsmålet/,
    );
    const verdicts = await page.locator('.answer .draft .fn').evaluateAll((els) => els.map((e) => e.dataset.verdict));
    expect(verdicts.length).toBeGreaterThan(0);
    expect(new Set(verdicts)).toEqual(new Set(['partly_supported']));
    expect(problems).toEqual([]);
  });

  it('lists documents by organisation, filters by kind, and opens one at a passage', async () => {
    await page.goto(`${world.base}/dokumenter`);
    const groups = page.locator('.document-group h2');
    await groups.first().waitFor();
    expect(await groups.allTextContents()).toEqual(['Fagforbundet', 'KS', 'NTL', 'Oslo Arbeiderparti']);
    await page.getByLabel('Type').selectOption({ label: 'Uttalelse' });
    expect(await page.locator('.status').textContent()).toBe('Viser 2 av 5 dokumenter.');
    expect(page.url()).toContain('type=statement');
    await shoot(page, '11-dokumenter');

    await page.getByRole('link', { name: 'Digitalisering for alle' }).click();
    await page.locator('.passage-block').first().waitFor();
    const ids = await page.locator('.passage-block').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.length).toBe(20);
    // Every passage has its id as anchor: a link to one lands on it.
    await page.goto(`${world.base}/dokumenter/oslo-ap-digitalisering-for-alle-2018#${ids[5]}`);
    await page.locator('.passage-block').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(ids[5]);
    expect(problems).toEqual([]);
  });

  it('shows API errors as Norwegian messages, never raw JSON', async () => {
    await page.goto(`${world.base}/utkast/finnes-ikke`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Fant ikke utkastet');
    expect(await alert.textContent()).toContain('Ingen utkast med id «finnes-ikke»');
    const body = (await page.locator('body').textContent())!;
    expect(body).not.toContain('{"');
    expect(body).not.toContain('not_found');
    await shoot(page, '12-feil-ukjent-utkast');
    problems.length = 0; // the 404 was the point
  });

  it('reads an uploaded .md background in the browser, and adds and removes questions', async () => {
    await page.goto(`${world.base}/ny`);
    const text = '# Bakgrunn\n\nDepartementet foreslår felles regler for kunstig intelligens i offentlig sektor.\n';
    await page
      .getByLabel('Last opp bakgrunnen som fil (.txt eller .md)')
      .setInputFiles({ name: 'bakgrunn.md', mimeType: 'text/markdown', buffer: Buffer.from(text) });
    await expect.poll(() => page.getByLabel('Bakgrunnstekst').inputValue()).toBe(text);
    expect(await page.getByRole('status').filter({ hasText: 'Leste inn' }).textContent()).toContain('bakgrunn.md');

    await page.getByRole('button', { name: 'Legg til spørsmål' }).click();
    await page.getByLabel('Spørsmål 2').fill('Andre spørsmål?');
    await page.getByRole('button', { name: 'Fjern spørsmål 1' }).click();
    // The rest are numbered again, and focus lands on the question that took its place.
    expect(await page.getByLabel('Spørsmål 1').inputValue()).toBe('Andre spørsmål?');
    expect(await page.getByRole('button', { name: 'Fjern spørsmål 1' }).isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sporsmal-1');
    expect(problems).toEqual([]);
  });

  it('names missing fields before sending, and the server’s field errors after', async () => {
    await page.goto(`${world.base}/ny`);
    await page.getByRole('button', { name: 'Lag utkast' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    for (const field of ['Tittel på høringen', 'Avsender', 'Spørsmål', 'Organisasjon']) expect(text).toContain(field);
    // The summary links to each field.
    await alert.getByRole('link', { name: /Avsender/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('avsender');

    // A title longer than the API allows: the server's 400 names the field, in Norwegian, linked to the input.
    await page.getByLabel('Tittel på høringen').fill('H'.repeat(301));
    await page.getByLabel('Avsender').fill('Kommunal- og distriktsdepartementet');
    await page.getByLabel('Spørsmål 1').fill('Hva mener dere om forslaget?');
    await page.getByLabel('Organisasjon', { exact: true }).selectOption('KS');
    await page.getByRole('button', { name: 'Lag utkast' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('tittelen kan være høyst 300 tegn');
    expect(await page.getByRole('alert').textContent()).toContain('Ugyldige felt i forespørselen');
    expect(await page.getByLabel('Tittel på høringen').isVisible()).toBe(true);
    await shoot(page, '13-feil-skjema', { fullPage: true });
    problems.length = 0; // the 400 was the point
  });
});
