/**
 * The page fixes found when the page was tried as a secretary would (issue 18, item 6), in a real browser: unsaved
 * edits and a half-filled form ask before a link or Back leaves them; a cancel that came after the server saved says
 * so; unknown addresses show «Fant ikke siden»; nothing is wider than a 390 px phone; «Svar på nynorsk» says what the
 * offline drafter does; the source panel keeps its heading, verdict and «Lukk» in view while its body scrolls.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { BrowserContext, Dialog, Page, Route } from 'playwright-core';
import { hasChromium, openPage, shoot, startWorld, type WebWorld } from './browser.js';

const suite = hasChromium ? describe : describe.skip;
const example = parseYaml(readFileSync('examples/consultation-digitalisering.yaml', 'utf8'));

// One store: the draft made first is edited, shown on a phone and opened in the panel afterwards.
suite('web page: the fixes from trying it as a secretary (Chromium)', { shuffle: false }, () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let hosts: Set<string>;
  let problems: string[];
  let draftId = '';
  /** What each confirm() asked, answered by `answer` (the next one only). */
  const asked: string[] = [];
  let answer: 'accept' | 'dismiss' = 'dismiss';

  beforeAll(async () => {
    world = await startWorld({ pauseMs: 0 });
    ({ context, page, hosts, problems } = await openPage(world));
    page.on('dialog', (d: Dialog) => {
      asked.push(d.message());
      void (answer === 'accept' ? d.accept() : d.dismiss());
    });
    const res = await page.request.post(`${world.base}/drafts`, { data: example });
    expect(res.status()).toBe(201);
    draftId = (await res.json()).id;
  }, 180_000);

  afterAll(async () => {
    if (hosts?.size) expect([...hosts]).toEqual(['127.0.0.1']);
    await context?.close();
    await world?.close();
  });

  it('asks before a link or Back leaves unsaved edits in a draft, and keeps them when the answer is no', async () => {
    await page.goto(`${world.base}/`);
    await page.locator(`a[href="/utkast/${draftId}"]`).click();
    await page.locator('.draft-section').first().waitFor();
    await page.getByRole('button', { name: 'Rediger teksten' }).click();
    const text = page.locator('.sentence__text').first();
    await text.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Endret.');
    const edited = (await text.textContent())!;
    expect(edited).toMatch(/Endret\.$/);

    // A link in the menu: asked, answered no, nothing lost.
    asked.length = 0;
    answer = 'dismiss';
    await page.getByRole('link', { name: 'Spør' }).click();
    expect(asked).toEqual([
      'Endringene i utkastet er ikke lagret. Forlater du siden, mister du dem. Vil du forlate siden?',
    ]);
    expect(new URL(page.url()).pathname).toBe(`/utkast/${draftId}`);
    expect(await page.locator('.sentence__text').first().textContent()).toBe(edited);

    // Back: asked, answered no, the address and the edit stay.
    await page.goBack();
    await expect.poll(() => asked.length).toBe(2);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/utkast/${draftId}`);
    expect(await page.locator('.sentence__text').first().textContent()).toBe(edited);

    // Back again, answered yes: the list of drafts.
    answer = 'accept';
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(asked).toHaveLength(3);
    expect(problems).toEqual([]);
  });

  it('asks before leaving a half-filled «Ny høring», and not an empty one', async () => {
    await page.goto(`${world.base}/ny`);
    asked.length = 0;
    await page.getByRole('link', { name: 'Spør' }).click();
    await page.getByRole('heading', { name: 'Spør dokumentene' }).waitFor();
    expect(asked).toEqual([]);

    await page.goto(`${world.base}/ny`);
    await page.getByLabel('Tittel på høringen').fill('Høring om noe viktig');
    answer = 'dismiss';
    await page.getByRole('link', { name: 'Dokumenter' }).click();
    expect(asked).toEqual([
      'Skjemaet er ikke sendt. Forlater du siden, mister du det du har fylt inn. Vil du forlate siden?',
    ]);
    expect(new URL(page.url()).pathname).toBe('/ny');
    expect(await page.getByLabel('Tittel på høringen').inputValue()).toBe('Høring om noe viktig');
    answer = 'accept';
    await page.getByRole('link', { name: 'Dokumenter' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/dokumenter');
    expect(problems).toEqual([]);
  });

  it('says so when a cancel comes after the server has saved the draft', async () => {
    // The server writes and saves the whole draft, but the page hears nothing until the person has pressed «Avbryt».
    let serverDone!: () => void;
    const saved = new Promise<void>((r) => (serverDone = r));
    await page.route('**/drafts', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.fetch();
      serverDone();
      await new Promise(() => undefined); // never answered; the page aborts
    });
    await page.goto(`${world.base}/ny`);
    const title = 'Høring om avbrutt, men lagret utkast';
    await page.getByLabel('Tittel på høringen').fill(title);
    await page.getByLabel('Avsender').fill('Digitaliserings- og forvaltningsdepartementet');
    await page.getByLabel('Spørsmål 1').fill(example.consultation.questions[0]);
    await page.getByLabel('Organisasjon', { exact: true }).selectOption('Fagforbundet');
    await page.getByRole('button', { name: 'Lag utkast' }).click();
    await saved;
    await page.getByRole('button', { name: 'Avbryt' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Du avbrøt' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      'Du avbrøt, men utkastet var allerede ferdig skrevet og ble lagret likevel.',
    );
    expect(await notice.textContent()).not.toContain('Ingenting ble lagret');
    await notice.getByRole('link', { name: `Åpne «${title}»` }).click();
    await page.locator('.draft-section').first().waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/utkast\/[^/]+$/);
    expect(await page.locator('h1').textContent()).toContain('Fagforbundet');
    await page.unroute('**/drafts');
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows its own «Fant ikke siden» for /ny/, /dokumenter/ and unknown addresses, never raw JSON', async () => {
    for (const [path, meant] of [
      ['/ny/', '/ny'],
      ['/dokumenter/', '/dokumenter'],
      ['/finnes/ikke', null],
    ] as const) {
      const res = await page.goto(`${world.base}${path}`);
      expect(res?.status(), path).toBe(404);
      await page.getByRole('heading', { name: 'Fant ikke siden' }).waitFor();
      const body = (await page.locator('body').textContent())!;
      expect(body).not.toContain('{"');
      expect(body).not.toContain('not_found');
      expect(await page.title()).toBe('Fant ikke siden – innspill');
      if (meant) expect(await page.getByRole('link', { name: meant, exact: true }).getAttribute('href')).toBe(meant);
    }
    await page.getByRole('link', { name: 'Til forsiden' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    problems.length = 0; // the 404s were the point
  });

  it('says next to «Svar på nynorsk» that the offline drafter quotes the documents as written', async () => {
    await page.goto(`${world.base}/spor`);
    const note = page.locator('#svar-nynorsk-hint');
    await note.waitFor();
    expect(await note.textContent()).toBe(
      '(Ingen språkmodell er satt opp: svaret siterer dokumentene slik de er skrevet, oftest på bokmål.)',
    );
    expect(await page.getByLabel('Svar på nynorsk').getAttribute('aria-describedby')).toBe('svar-nynorsk-hint');
    expect(problems).toEqual([]);
  });

  it('keeps the source panel’s heading, verdict and «Lukk» in view while its body scrolls', async () => {
    await page.setViewportSize({ width: 1366, height: 480 });
    await page.goto(`${world.base}/utkast/${draftId}`);
    await page.locator('.draft .fn').first().click();
    const panel = page.locator('#source-panel');
    await panel.locator('.citation').first().waitFor();
    const body = panel.locator('.source-panel__body');
    expect(await body.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    const head = () =>
      page.evaluate(() =>
        ['#source-panel-title', '.source-panel__verdict .verdict-line', '[data-close-panel]'].map(
          (s) => document.querySelector(s)!.getBoundingClientRect().top,
        ),
      );
    const before = await head();
    await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
    expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect(await head()).toEqual(before);
    // And they are on screen.
    for (const top of before) expect(top).toBeGreaterThanOrEqual(0);
    expect(await panel.getByRole('button', { name: /Lukk/ }).isVisible()).toBe(true);
    await shoot(page, '30-kildepanel-fast-hode');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(problems).toEqual([]);
  });

  it('keeps the view the user went on to when the one they left finishes loading late', async () => {
    // «Ny høring» waits for GET /documents; held back here as a busy server would, while the user goes on to «Utkast».
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const hold = async (route: Route) => {
      await held;
      await route.continue().catch(() => {});
    };
    await page.route(/\/documents(?:\?|$)/, hold);
    try {
      await page.goto(`${world.base}/ny`);
      await page.locator('main .loading').waitFor();
      await page.locator('a[data-nav="utkast"]').click();
      await page.getByRole('heading', { name: 'Utkast til høringsinnspill' }).waitFor();
      release();
      // The late «Ny høring» must not take over the page.
      await page.waitForTimeout(1500);
      expect(await page.locator('main h1').first().textContent()).toBe('Utkast til høringsinnspill');
      expect(new URL(page.url()).pathname).toBe('/');
    } finally {
      release();
      await page.unroute(/\/documents(?:\?|$)/, hold);
    }
  }, 120_000);

  it('fits every view on a 390 px wide phone (no horizontal scroll)', async () => {
    const phone = await world.browser.newContext({ locale: 'nb-NO', viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    const widths: Record<string, [number, number]> = {};
    const measure = async (name: string) => {
      widths[name] = await p.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
    };
    const views: [string, string, () => Promise<void>][] = [
      ['utkast', '/', () => p.locator('table').first().waitFor()],
      ['ny', '/ny', () => p.getByRole('heading', { name: 'Last opp høringsdokumentet' }).waitFor()],
      ['utkastet', `/utkast/${draftId}`, () => p.locator('.draft-section').first().waitFor()],
      ['spor', '/spor', () => p.getByRole('heading', { name: 'Spør dokumentene' }).waitFor()],
      ['dokumenter', '/dokumenter', () => p.locator('main h1').first().waitFor()],
      [
        'dokument',
        '/dokumenter/oslo-ap-digitalisering-for-alle-2018',
        () => p.locator('.passage-block').first().waitFor(),
      ],
      ['logg-inn', '/logg-inn', () => p.locator('main h1').first().waitFor()],
      ['ikke-funnet', '/finnes/ikke', () => p.getByRole('heading', { name: 'Fant ikke siden' }).waitFor()],
    ];
    for (const [name, path, ready] of views) {
      await p.goto(`${world.base}${path}`);
      await ready();
      await measure(name);
      await shoot(p, `31-mobil-${name}`, { fullPage: true });
    }
    // The draft with its source panel open, and an answer on «Spør».
    await p.goto(`${world.base}/utkast/${draftId}`);
    await p.locator('.draft .fn').first().click();
    await p.locator('#source-panel .citation').first().waitFor();
    await measure('utkastet-med-kilde');
    await p.goto(`${world.base}/spor`);
    await p.getByLabel('Spørsmål').fill('Hva mener organisasjonene om digitalt utenforskap?');
    await p.getByRole('button', { name: 'Spør' }).click();
    await p.locator('.answer .draft .fn').first().waitFor();
    await measure('spor-med-svar');
    await shoot(p, '31-mobil-spor-med-svar', { fullPage: true });
    await phone.close();
    const tooWide = Object.entries(widths).filter(([, [scroll, client]]) => scroll > client);
    expect(tooWide).toEqual([]);
    expect(Object.keys(widths)).toHaveLength(views.length + 2);
    expect(errors).toEqual([]);
  }, 180_000);
});
