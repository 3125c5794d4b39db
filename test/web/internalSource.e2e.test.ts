/**
 * A draft citing one of the organisation's internal documents, through the page in a real browser: each sentence
 * citing it carries «Intern kilde», the summary counts them, and the download goes ahead without a question (the
 * file marks them itself; README, «What an export says about its sentences»). A draft citing only public documents shows none.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { draftExample, hasChromium, openPage, shoot, startWorld, type WebWorld } from './browser.js';

const P = 'fagforbundet-uttalelse-2024-p002';
const Q = 'Fagforbundet ønsker en skytjeneste som drives og utvikles av offentlig sektor';
const PLAN = 'Intern streikeplan: 412 medlemmer er klare til å streike i mars';
const SECRET = 'Styret holder planen hemmelig til forhandlingene er over';

const suite = hasChromium ? describe : describe.skip;

suite('web page: sentences citing an internal document (Chromium)', { shuffle: false }, () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let draftId = '';
  let passage = '';

  const put = async (markdown: string) => {
    const res = await fetch(`${world.base}/drafts/${draftId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ markdown }),
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    world = await startWorld({ pauseMs: 0 });
    ({ context, page, problems } = await openPage(world));
    const f = new FormData();
    f.set('file', new File([`${PLAN}. ${SECRET}.\n`], 'streik.txt', { type: 'text/plain' }));
    f.set('organisation', 'Fagforbundet');
    f.set('title', 'Intern streikeplan');
    f.set('kind', 'other');
    f.set('date', '2026-11-01');
    f.set('language', 'nb');
    f.set('visibility', 'internal');
    const up = await fetch(`${world.base}/documents`, { method: 'POST', body: f });
    expect(up.status).toBe(201);
    const { document } = await up.json();
    passage = (await (await fetch(`${world.base}/documents/${document.id}`)).json()).passages[0].id;
    draftId = await draftExample(world);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  it('marks each sentence citing it, counts them in the summary, and downloads without asking', async () => {
    await put(
      `# Høringssvar\n\n## Offentlig kontroll\n\n${Q}.[^1] ${PLAN}.[^2] ${SECRET}.[^3]\n\n` +
        `[^1]: [${P}] «${Q}»\n[^2]: [${passage}] «${PLAN}»\n[^3]: [${passage}] «${SECRET}»\n`,
    );
    await page.goto(`${world.base}/utkast/${draftId}`);
    await page.locator('.draft-section').first().waitFor();
    const tags = page.locator('.sentence .tag--internal');
    expect(await tags.count()).toBe(2);
    expect(await tags.first().textContent()).toBe(
      'Intern kilde: Siterer et internt dokument («Intern streikeplan»): kontroller før sending.',
    );
    expect(await page.locator('.sentence', { hasText: Q }).locator('.tag--internal').count()).toBe(0);
    // The verdicts are unchanged; the count stands beside them, above the download links.
    expect(await page.locator('.summary').textContent()).toContain('Alle 3 påstandene er støttet av kildene.');
    expect(await page.locator('[data-notice="internal"]').textContent()).toMatch(
      /^2 setninger siterer et internt dokument \(«Intern streikeplan»\) og er merket «Intern kilde»/,
    );
    await shoot(page, 'intern-kilde', { fullPage: true });

    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned Markdown' }).click(),
    ]);
    expect(dialogs).toEqual([]);
    const md = await readFile((await download.path())!, 'utf8');
    expect(md).toContain('2 setninger siterer et internt dokument («Intern streikeplan»)');
    expect(problems).toEqual([]);
  });

  it('shows no mark for a draft citing only public documents', async () => {
    await put(`# Høringssvar\n\n## Offentlig kontroll\n\n${Q}.[^1]\n\n[^1]: [${P}] «${Q}»\n`);
    await page.goto(`${world.base}/utkast/${draftId}`);
    await page.locator('.draft-section').first().waitFor();
    expect(await page.locator('.tag--internal').count()).toBe(0);
    expect(await page.locator('[data-notice="internal"]').isHidden()).toBe(true);
  });
});
