/**
 * Small things a user trips on, in a real browser: the home list tells a Bokmål and a Nynorsk draft of one
 * consultation apart by their målform; a Nynorsk draft's page marks its text lang="nn" (the page around it stays
 * Bokmål); «Spør»'s question box stops at the server's 2000 characters and counts down near the limit.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, openPage, startWorld, type WebWorld } from './browser.js';

const suite = hasChromium ? describe : describe.skip;
const example = parseYaml(readFileSync('examples/consultation-digitalisering.yaml', 'utf8'));

suite('web page: målform in the list and the draft, the question box’s limit (Chromium)', { shuffle: false }, () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let hosts: Set<string>;
  let problems: string[];
  const ids: Record<'nb' | 'nn', string> = { nb: '', nn: '' };

  beforeAll(async () => {
    world = await startWorld({ pauseMs: 0 });
    ({ context, page, hosts, problems } = await openPage(world));
    for (const language of ['nb', 'nn'] as const) {
      const res = await page.request.post(`${world.base}/drafts`, { data: { ...example, language } });
      expect(res.status()).toBe(201);
      ids[language] = (await res.json()).id;
    }
  }, 180_000);

  afterAll(async () => {
    if (hosts?.size) expect([...hosts]).toEqual(['127.0.0.1']);
    await context?.close();
    await world?.close();
  });

  it('shows each draft’s målform in the home list', async () => {
    await page.goto(`${world.base}/`);
    await page.locator('table.table').waitFor();
    expect(await page.locator('thead th').allTextContents()).toContain('Målform');
    for (const [language, word] of [
      ['nb', 'bokmål'],
      ['nn', 'nynorsk'],
    ] as const) {
      const row = page.locator('tbody tr', { has: page.locator(`a[href="/utkast/${ids[language]}"]`) });
      expect(await row.locator('td').allTextContents()).toContain(word);
    }
    expect(problems).toEqual([]);
  });

  it('marks a Nynorsk draft’s title and text lang="nn", and a Bokmål draft’s lang="nb"', async () => {
    for (const language of ['nn', 'nb'] as const) {
      await page.goto(`${world.base}/utkast/${ids[language]}`);
      await page.locator('.draft-section').first().waitFor();
      expect(await page.locator('.draft-slot').getAttribute('lang')).toBe(language);
      expect(await page.locator('h1.draft-title').getAttribute('lang')).toBe(language);
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    expect(problems).toEqual([]);
  });

  it('stops the question at 2000 characters and counts down near the limit', async () => {
    await page.goto(`${world.base}/spor`);
    const box = page.getByLabel('Spørsmål', { exact: true });
    expect(await box.getAttribute('maxlength')).toBe('2000');
    const counter = page.locator('#sporsmal-teller');
    await box.fill('Hva mener Fagforbundet om en offentlig skyløsning? ');
    expect(await counter.isHidden()).toBe(true);
    await box.fill('a'.repeat(1990));
    await box.press('End');
    await page.keyboard.type('b');
    await expect.poll(() => counter.textContent()).toBe('9 tegn igjen (høyst 2000).');
    expect(await counter.isVisible()).toBe(true);
    await page.keyboard.type('c'.repeat(20)); // the box takes 9 of them
    expect((await box.inputValue()).length).toBe(2000);
    await expect.poll(() => counter.textContent()).toBe('Spørsmålet har nådd grensen på 2000 tegn.');
    expect(problems).toEqual([]);
  });
});
