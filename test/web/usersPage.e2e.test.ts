/**
 * Users and sign-in on the page, in a real browser (session 18's walkthrough): the first administrator, created
 * from INNSPILL_ADMIN_EMAIL with only a token, signs in with it on /logg-inn and sets a password there; on /admin a
 * user is disabled (marked, signed out) and enabled again; a user changes their own password from the header's link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureFirstAdmin } from '../../src/bootstrap/firstAdmin.js';
import { hashPassword } from '../../src/http/auth/password.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/store/db.js';
import { setPasswordHash } from '../../src/store/sessions.js';
import { createUser, getUserByEmail, setRole } from '../../src/store/users.js';
import { hasChromium, openPage, shoot, startWorld, type WebWorld } from './browser.js';

const suite = hasChromium ? describe : describe.skip;
const ADMIN = 'admin@ks.no';
const READER = 'reader@ff.no';
const READER_PASSWORD = 'leserens gamle passord';

suite('web page: first administrator, disabling users, one’s own password (Chromium)', { shuffle: false }, () => {
  let world: WebWorld;
  let db: Db;
  let token = '';
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    world = await startWorld({
      pauseMs: 0,
      prepare: async (store) => {
        db = store;
        const first = await ensureFirstAdmin(
          store,
          { INNSPILL_ADMIN_EMAIL: ADMIN, API_TOKENS: undefined },
          silentLogger,
        );
        token = first!.token;
        const reader = await createUser(store, { email: READER });
        await setRole(store, { userId: reader.id, organisation: 'Fagforbundet', role: 'reader' });
        await setPasswordHash(store, { email: READER, hash: await hashPassword(READER_PASSWORD) });
      },
    });
    ({ context, page } = await openPage(world));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  /** Sign out from the header, and sign in again on the login page it opens. */
  async function signOutAndIn(email: string, password: string) {
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/logg-inn$/);
    await page.waitForLoadState('load');
    await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    await page.getByLabel('E-post').fill(email);
    await page.getByLabel('Passord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
  }

  it('the first administrator signs in with the start-up token and sets a password on the same page', async () => {
    await page.goto(`${world.base}/admin`);
    await page.waitForURL(/\/logg-inn/);
    await page.getByText('Logg inn med tilgangsnøkkel').click();
    await page.getByLabel('Tilgangsnøkkel').fill(token);
    await page.getByRole('button', { name: 'Bruk tilgangsnøkkelen' }).click();
    // No password yet: the account view comes first, with «Sett et passord» and no current password asked for.
    await page.getByRole('heading', { name: 'Sett et passord' }).waitFor();
    expect(await page.getByLabel('Nåværende passord').isVisible()).toBe(false);
    await page.getByLabel('Nytt passord (minst 10 tegn)').fill('administratorens passord');
    await page.getByLabel('Gjenta nytt passord').fill('administratorens passord');
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await expect.poll(() => page.locator('.account [role=status]').textContent()).toContain('Passordet er endret');
    // «Gå videre» leads on to where the administrator was going.
    await page.getByRole('link', { name: 'Gå videre' }).click();
    await page.getByRole('heading', { name: 'Brukere' }).waitFor();
    await shoot(page, '30-forste-administrator-passord');
    await signOutAndIn(ADMIN, 'administratorens passord');
  });

  it('disables a user on /admin (marked, still listed) and enables them again', async () => {
    await page.goto(`${world.base}/admin`);
    // One's own row sends one to the account page, where the current password is asked for.
    const own = page.locator('tr', { has: page.locator('strong', { hasText: ADMIN }) });
    await own.locator('summary').click();
    expect(await own.getByRole('link', { name: 'Endre ditt eget passord' }).getAttribute('href')).toBe('/logg-inn');
    const row = page.locator('tr', { hasText: READER });
    await row.locator('summary').click();
    await row.getByRole('button', { name: 'Deaktiver' }).click();
    await expect.poll(() => page.locator('tr', { hasText: READER }).textContent()).toContain('Deaktivert');
    expect((await getUserByEmail(db, { email: READER }))?.disabled).toBe(true);
    await shoot(page, '31-deaktivert-bruker', { fullPage: true });
    await page.locator('tr', { hasText: READER }).locator('summary').click();
    await page.locator('tr', { hasText: READER }).getByRole('button', { name: 'Aktiver igjen' }).click();
    await expect.poll(() => page.locator('tr', { hasText: READER }).textContent()).not.toContain('Deaktivert');
    expect((await getUserByEmail(db, { email: READER }))?.disabled).toBe(false);
  });

  it('a reader changes their own password, asked for the current one', async () => {
    await signOutAndIn(READER, READER_PASSWORD);
    await page.locator('#site-user a').click();
    await page.getByRole('heading', { name: 'Endre passord' }).waitFor();
    await page.getByLabel('Nåværende passord').fill('ikke det riktige');
    await page.getByLabel('Nytt passord (minst 10 tegn)').fill('leserens nye passord');
    await page.getByLabel('Gjenta nytt passord').fill('leserens nye passord');
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await expect.poll(() => page.locator('.account .error-slot').textContent()).toContain('passordet er feil');
    await page.getByLabel('Nåværende passord').fill(READER_PASSWORD);
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await expect.poll(() => page.locator('.account [role=status]').textContent()).toContain('Passordet er endret');
    await signOutAndIn(READER, 'leserens nye passord');
  });
});
