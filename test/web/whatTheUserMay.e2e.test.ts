/**
 * The page offers what the signed-in person may do, from GET /session (the user walkthrough of December 2026): a
 * reader of a draft's organisation gets no «Rediger teksten» or «Lagre ny versjon» (the save would be a 403 after
 * the edits) but a line saying why; «Ny høring» lists only the organisations the person may draft for, their own
 * chosen, and tells a reader why there is no form; «Svar fra» leaves out the ministry that issued a consultation.
 * No request leaves 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/http/auth/password.js';
import type { Db } from '../../src/store/db.js';
import { setPasswordHash } from '../../src/store/sessions.js';
import { createUser, setRole } from '../../src/store/users.js';
import { hasChromium, shoot, startWorld, type WebWorld } from './browser.js';

const suite = hasChromium ? describe : describe.skip;
const example = parseYaml(readFileSync('examples/consultation-digitalisering.yaml', 'utf8'));
const PASSWORD = 'et langt og trygt passord';
const ISSUER = 'Kunnskapsdepartementet';
const SEEDED = ['Fagforbundet', 'KS', 'NTL', 'Oslo Arbeiderparti'];

suite('web page: offers the signed-in person only what they may do (Chromium)', () => {
  let world: WebWorld;
  let db: Db;
  let draftId = '';

  beforeAll(async () => {
    world = await startWorld({ pauseMs: 0, prepare: async (store) => void (db = store) });
    // While the server is still open: a draft of Fagforbundet's, and a ministry's consultation imported.
    const res = await fetch(`${world.base}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(example),
    });
    expect(res.status).toBe(201);
    draftId = ((await res.json()) as { id: string }).id;
    const form = new FormData();
    const html = readFileSync('test/fixtures/consultations/regjeringen-horing-skoleskyss.html');
    form.set('file', new Blob([html], { type: 'text/html' }), 'horing.html');
    const imported = await fetch(`${world.base}/consultations`, { method: 'POST', body: form });
    expect(imported.status).toBe(201);
    expect(((await imported.json()) as { document: { organisation: string } }).document.organisation).toBe(ISSUER);
    // Then the users, which close the server: a reader of Fagforbundet, and an editor of Fagforbundet who reads NTL.
    for (const [email, roles] of [
      ['leser@fagforbundet.no', [['Fagforbundet', 'reader']]],
      [
        'redaktor@fagforbundet.no',
        [
          ['Fagforbundet', 'editor'],
          ['NTL', 'reader'],
        ],
      ],
    ] as const) {
      const u = await createUser(db, { email, name: email });
      for (const [organisation, role] of roles) await setRole(db, { userId: u.id, organisation, role });
      await setPasswordHash(db, { email, hash: await hashPassword(PASSWORD) });
    }
  }, 180_000);

  afterAll(async () => {
    await world?.close();
  });

  /** A signed-in tab for `email`, recording every host it contacts and every failed response. */
  async function signedIn(browser: Browser, email: string) {
    const ctx: BrowserContext = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1366, height: 768 } });
    const p: Page = await ctx.newPage();
    const hosts = new Set<string>();
    const failures: string[] = [];
    p.on('request', (r) => void hosts.add(new URL(r.url()).hostname));
    p.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.request().method()} ${new URL(r.url()).pathname}: ${r.status()}`);
    });
    p.on('pageerror', (e) => failures.push(`pageerror: ${e.message}`));
    await p.goto(`${world.base}/logg-inn?neste=/`);
    await p.getByLabel('E-post').fill(email);
    await p.getByLabel('Passord').fill(PASSWORD);
    await p.getByRole('button', { name: 'Logg inn' }).click();
    await p.waitForURL(`${world.base}/`);
    await p.getByRole('heading', { level: 1 }).waitFor();
    return { ctx, p, hosts, failures };
  }

  it('shows a reader the draft without edit controls, says why, and has no form on «Ny høring»', async () => {
    const { ctx, p, hosts, failures } = await signedIn(world.browser, 'leser@fagforbundet.no');
    try {
      await p.goto(`${world.base}/utkast/${draftId}`);
      await p.locator('.draft-section').first().waitFor();
      expect(await p.getByRole('button', { name: 'Rediger teksten' }).count()).toBe(0);
      expect(await p.getByRole('button', { name: 'Lagre ny versjon' }).count()).toBe(0);
      expect(await p.getByRole('button', { name: /^Godta/ }).count()).toBe(0);
      // What a reader may still do stays: check the sources, download.
      expect(await p.getByRole('button', { name: 'Kontroller kilder' }).isVisible()).toBe(true);
      expect(await p.getByRole('link', { name: 'Last ned Word (DOCX)' }).isVisible()).toBe(true);
      expect(await p.locator('#bare-lesing').textContent()).toBe(
        'Du kan lese utkastet og kontrollere kildene, men ikke endre det: det krever rollen redaktør i Fagforbundet, og du er leser.',
      );
      await shoot(p, '40-utkast-for-leser');

      await p.getByRole('link', { name: 'Ny høring' }).first().click();
      await p.getByRole('heading', { level: 1, name: 'Ny høring' }).waitFor();
      expect(await p.getByRole('status').first().textContent()).toContain(
        'men ikke lage nye utkast: det krever rollen redaktør i en organisasjon.',
      );
      expect(await p.getByRole('button', { name: 'Lag utkast' }).count()).toBe(0);
      expect(await p.getByLabel('Velg høringsdokumentet').count()).toBe(0);
      expect(failures).toEqual([]);
      expect([...hosts]).toEqual(['127.0.0.1']);
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it('gives an editor «Ny høring» for their own organisation only, chosen, and the edit controls', async () => {
    const { ctx, p, hosts, failures } = await signedIn(world.browser, 'redaktor@fagforbundet.no');
    try {
      await p.goto(`${world.base}/ny`);
      const organisation = p.getByLabel('Organisasjon', { exact: true });
      await organisation.waitFor();
      // Not NTL (a reader there), not the ministry, not the other organisations in the library.
      expect(await organisation.locator('option').allTextContents()).toEqual(['Fagforbundet']);
      expect(await organisation.inputValue()).toBe('Fagforbundet');
      await shoot(p, '41-ny-horing-for-redaktor');

      await p.goto(`${world.base}/utkast/${draftId}`);
      await p.locator('.draft-section').first().waitFor();
      expect(await p.getByRole('button', { name: 'Rediger teksten' }).isVisible()).toBe(true);
      expect(await p.getByRole('button', { name: 'Lagre ny versjon' }).isVisible()).toBe(true);
      expect(await p.locator('#bare-lesing').count()).toBe(0);
      expect(failures).toEqual([]);
      expect([...hosts]).toEqual(['127.0.0.1']);
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it('answers «Svar fra» with organisations whose views are stored, not the issuer of a consultation', async () => {
    const { ctx, p, failures } = await signedIn(world.browser, 'redaktor@fagforbundet.no');
    try {
      // The ministry's consultation is in the library (public), so the old list offered it.
      const listed = (await (await p.request.get(`${world.base}/documents`)).json()) as {
        documents: { organisation: string }[];
      };
      expect(listed.documents.map((d) => d.organisation)).toContain(ISSUER);
      await p.goto(`${world.base}/spor`);
      const from = p.getByLabel('Svar fra');
      await from.waitFor();
      const options = await from.locator('option').allTextContents();
      expect(options).not.toContain(ISSUER);
      expect(options).toEqual(['Alle organisasjoner', ...SEEDED]);
      expect(failures).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
