/**
 * The browser tests' world: the real app (seeded in-memory store, offline extractive drafter) on a real port on
 * 127.0.0.1, and Debian's Chromium driven by playwright-core. Every request the page makes is recorded, so a test
 * can assert that none leaves the machine.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { parse as parseYaml } from 'yaml';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../src/http/app.js';
import { createExtractiveProvider } from '../../src/llm/extractive.js';
import type { LlmProvider } from '../../src/llm/types.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/store/db.js';
import { seededStore, testConfig } from '../helpers/runtime.js';

const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const ARTIFACTS = 'test-artifacts/web';

export interface WebWorld {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * NOTE: the offline drafter writes a section in milliseconds, so a page would get the whole stream at once. A
 * pause before each generation (as a model takes time to write) lets the test see sections arrive one by one
 * and photograph a half-written draft. Everything else is the real provider.
 */
function slowed(provider: LlmProvider, ms: number): LlmProvider {
  return {
    name: provider.name,
    model: provider.model,
    extractive: provider.extractive,
    generate: async (req, opts) => {
      await new Promise((r) => setTimeout(r, ms));
      return provider.generate(req, opts);
    },
  };
}

export async function startWorld({
  pauseMs = 400,
  prepare,
}: { pauseMs?: number; prepare?: (db: Db) => Promise<void> } = {}): Promise<WebWorld> {
  const rt = await seededStore();
  // Users, roles, passwords: whatever the suite needs in the store before the server answers.
  await prepare?.(rt.db);
  const llm = slowed(createExtractiveProvider({ embedder: rt.embedder }), pauseMs);
  const app = createApp({ ...rt, config: testConfig, logger: silentLogger, llm });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // --lang: the browser's own widgets (date field, file picker) in Norwegian, as a secretariat would see them.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=nb-NO',
    ],
  });
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    base: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rt.db.close();
    },
  };
}

/** A laptop-sized Norwegian browser tab that records every host it contacts. */
export async function openPage(
  world: WebWorld,
): Promise<{ context: BrowserContext; page: Page; hosts: Set<string>; problems: string[] }> {
  const context = await world.browser.newContext({
    locale: 'nb-NO',
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const hosts = new Set<string>();
  const problems: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:')
      hosts.add(url.hostname);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A failed response is logged by the browser as well; those are judged below, with their address.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    const { pathname } = new URL(r.url());
    // NOTE: the page asks POST /verify first and falls back to saving when the server has no such route yet.
    if (r.status() === 404 && pathname === '/verify') return;
    if (r.status() >= 400) problems.push(`${r.request().method()} ${pathname}: ${r.status()}`);
  });
  return { context, page, hosts, problems };
}

export async function shoot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  const path = `${ARTIFACTS}/${name}.png`;
  await page.screenshot({ path, fullPage: opts.fullPage ?? false });
  return path;
}

/**
 * The README's screenshot is written when missing and refreshed on request (UPDATE_SCREENSHOTS=1), so an ordinary
 * test run leaves the working tree clean.
 */
export async function publishScreenshot(path: string, target = 'docs/screenshots/draft-view.png') {
  if (existsSync(target) && process.env.UPDATE_SCREENSHOTS !== '1') return;
  await mkdir('docs/screenshots', { recursive: true });
  await copyFile(path, target);
}

/**
 * A draft of the example consultation (examples/consultation-digitalisering.yaml) made through the API, as another
 * tab or a script would; its id.
 */
export async function draftExample(world: WebWorld): Promise<string> {
  const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
  const res = await fetch(`${world.base}/drafts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (res.status !== 201) throw new Error(`POST /drafts: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
