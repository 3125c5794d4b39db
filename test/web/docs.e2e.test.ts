/**
 * /docs in a real browser: Swagger UI renders every route of /openapi.json from the files this server serves, with
 * its Content-Security-Policy in force, and no request leaves 127.0.0.1 (so it works on an offline network).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, openPage, startWorld, type WebWorld } from './browser.js';

const suite = hasChromium ? describe : describe.skip;

suite('/docs: Swagger UI offline (Chromium)', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let hosts: Set<string>;
  let problems: string[];

  beforeAll(async () => {
    world = await startWorld({ pauseMs: 0 });
    ({ context, page, hosts, problems } = await openPage(world));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  it('renders the operations from /openapi.json with nothing fetched from elsewhere', async () => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${world.base}/docs`);
    await page.locator('.opblock-summary-path', { hasText: '/search' }).first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(10);
    expect(await page.locator('.info .title').textContent()).toContain('innspill API');
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    expect([...hosts]).toEqual(['127.0.0.1']);
  });
});
