/**
 * Issue 17 through the page in a real browser (Fagforbundet, offline drafter): «Bør IKT driftes i egen regi?» and
 * the Nynorsk question about digital competence are answered outright, «Hvordan bør fiskekvotene fordeles?» says
 * «Vi har ikke tidligere uttalt oss om dette.», and a question the words cannot settle is drafted with a note and
 * every sentence ≈; «Kontroller kilder» keeps the marks, and «Godta avsnittet som lest» saves a version without them.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { hasChromium, openPage, shoot, startWorld, type WebWorld } from './browser.js';

const IKT = 'Bør IKT driftes i egen regi?';
const NYNORSK = 'Korleis bør kommunane auke den digitale kompetansen til dei tilsette?';
const UNSURE = 'Hvordan bør pensjonsreformen endres for offentlig ansatte?';
const FISH = 'Hvordan bør fiskekvotene fordeles?';
const NOTE = 'Usikkert om kildene svarer på spørsmålet.';

const suite = hasChromium ? describe : describe.skip;

// One draft, checked, then accepted: the steps build on each other.
suite('web page: answered, ≈ uncertain and no position (Chromium)', { shuffle: false }, () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let hosts: Set<string>;

  beforeAll(async () => {
    world = await startWorld({ pauseMs: 0 });
    ({ context, page, hosts } = await openPage(world));
    const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
    const res = await fetch(`${world.base}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...request,
        consultation: { ...request.consultation, questions: [IKT, NYNORSK, UNSURE, FISH] },
      }),
    });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    await page.goto(`${world.base}/utkast/${id}`);
    await page.locator('.draft-section').first().waitFor();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  const section = (question: string) => page.locator('.draft-section', { hasText: question });

  it('answers the IKT and the Nynorsk question outright, and says «Vi har ikke …» about fishing quotas', async () => {
    for (const q of [IKT, NYNORSK]) {
      expect(await section(q).locator('.sentence').count()).toBeGreaterThan(0);
      expect(await section(q).textContent()).not.toContain('Vi har ikke tidligere uttalt oss om dette.');
      expect(await section(q).locator('.draft-section__uncertain').count()).toBe(0);
    }
    expect(await section(FISH).textContent()).toContain('Vi har ikke tidligere uttalt oss om dette.');
  });

  it('drafts the uncertain question with a note above it and every footnote ≈', async () => {
    const s = section(UNSURE);
    expect(await s.locator('.draft-section__uncertain').textContent()).toContain(NOTE);
    const marks = await s.locator('.fn').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['partly_supported']));
    await s.locator('.fn').first().click();
    expect(await page.locator('#source-panel').textContent()).toContain('Usikkert om kilden svarer på spørsmålet');
    await page.keyboard.press('Escape');
    await shoot(page, 'usikkert-avsnitt', { fullPage: true });
  });

  it('keeps the ≈ marks when «Kontroller kilder» verifies the draft again', async () => {
    await page.getByRole('button', { name: 'Kontroller kilder' }).click();
    await expect.poll(() => page.locator('.status').textContent(), { timeout: 30_000 }).toMatch(/kontrollert/);
    const marks = await section(UNSURE)
      .locator('.fn')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
    expect(new Set(marks)).toEqual(new Set(['partly_supported']));
  });

  it('«Godta avsnittet som lest» saves a new version without the note and the section’s ≈ marks', async () => {
    await section(UNSURE).getByRole('button', { name: 'Godta avsnittet som lest' }).click();
    await expect.poll(() => page.locator('.status').textContent(), { timeout: 30_000 }).toMatch(/godtatt som lest/);
    expect(await section(UNSURE).locator('.draft-section__uncertain').count()).toBe(0);
    const marks = await section(UNSURE)
      .locator('.fn')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
    expect(marks).not.toContain('pending');
    expect(marks.length).toBeGreaterThan(0);
    expect([...hosts]).toEqual([new URL(world.base).hostname]);
  });
});
