/**
 * Two editors, one draft, in a real browser: the page sends the version it read with every save (baseVersion), so
 * when another editor saves first the page's save is refused (409) instead of silently replacing their version. The
 * page says so in Norwegian, keeps the unsaved text to copy, loads the newest version on request, and the edit made
 * again there is saved on top of it.
 */
import { afterAll, beforeAll, expect, describe, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { draftExample, hasChromium, openPage, shoot, startWorld, type WebWorld } from './browser.js';

const suite = hasChromium ? describe : describe.skip;

suite('web page: a save after someone else saved (Chromium)', { shuffle: false }, () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let draftId = '';

  /** PUT /drafts/:id as the other editor would (the API), based on `baseVersion`. */
  const otherEditorSaves = async (text: string, baseVersion: number) => {
    const res = await fetch(`${world.base}/drafts/${draftId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        structured: { title: 'Kort svar', sections: [{ heading: 'Innledning', sentences: [{ text }] }] },
        baseVersion,
      }),
    });
    expect(res.status).toBe(200);
  };

  /** Replace the first sentence's text in the page's editor. */
  const editFirstSentence = async (text: string) => {
    const sentence = page.locator('.sentence__text').first();
    await sentence.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
  };

  beforeAll(async () => {
    world = await startWorld({ pauseMs: 0 });
    ({ context, page, problems } = await openPage(world));
    draftId = await draftExample(world);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  it('refuses the save when another editor saved first, keeps the text to copy, and loads the newest', async () => {
    await page.goto(`${world.base}/utkast/${draftId}`);
    await page.locator('.draft-section').first().waitFor();
    await page.getByRole('button', { name: 'Rediger teksten' }).click();
    await editFirstSentence('Min endring som ikke må gå tapt.');

    // Meanwhile the other editor, who also read version 1, saves version 2.
    await otherEditorSaves('Den andre redaktørens endring.', 1);

    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith(`/drafts/${draftId}`));
    await page.getByRole('button', { name: 'Lagre ny versjon' }).click();
    expect((await put).postDataJSON()).toMatchObject({ baseVersion: 1 });

    const alert = page.locator('.error-slot [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'Det er lagret en nyere versjon av utkastet siden versjon 1 (nå versjon 2). Last inn på nytt og gjør endringen igjen.',
    );
    // The field is named as the page names it, not by its API name.
    expect(await alert.textContent()).toContain('Versjon: endringen bygger på versjon 1, men siste versjon er 2');
    const kept = page.getByLabel('Teksten din (ikke lagret)');
    expect(await kept.inputValue()).toContain('Min endring som ikke må gå tapt.');
    await shoot(page, 'konflikt-ved-lagring');
    // The edit is still on the page too, unsaved.
    expect(await page.locator('.sentence__text').first().textContent()).toBe('Min endring som ikke må gå tapt.');

    await page.getByRole('button', { name: 'Last inn nyeste versjon' }).click();
    await expect.poll(() => page.locator('.draft-meta').textContent()).toContain('Versjon 2 av 2');
    expect(await page.locator('.draft-slot').textContent()).toContain('Den andre redaktørens endring.');
    // The unsaved text is still there to copy after the reload.
    expect(await kept.inputValue()).toContain('Min endring som ikke må gå tapt.');
    expect(await page.locator('[data-notice="conflict"]').textContent()).toContain(
      'Den nyeste versjonen (2) er lastet inn nedenfor.',
    );
    // The refusal is gone once the newest version is on the page.
    expect(await alert.isVisible()).toBe(false);
  });

  it('saves the edit made again on the newest version, sending that version', async () => {
    await editFirstSentence('Den andre redaktørens endring, og min.');
    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith(`/drafts/${draftId}`));
    await page.getByRole('button', { name: 'Lagre ny versjon' }).click();
    expect((await put).postDataJSON()).toMatchObject({ baseVersion: 2 });
    await expect.poll(() => page.locator('.status').textContent()).toMatch(/Lagret som versjon 3/);
    expect(await page.getByLabel('Teksten din (ikke lagret)').isVisible()).toBe(false);
    const latest = await (await fetch(`${world.base}/drafts/${draftId}`)).json();
    expect(latest.latestVersion).toBe(3);
    expect(latest.current.markdown).toContain('Den andre redaktørens endring, og min.');
  });

  it('logged no page errors; the one refused save was the 409', () => {
    expect(problems).toEqual([`PUT /drafts/${draftId}: 409`]);
  });
});
