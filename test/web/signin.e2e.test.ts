/**
 * Sign-in in a real browser (issue 16 item 2): a server with users sends the page to /logg-inn; the user signs in,
 * drafts and signs out. A session that expires while the user works sends them to the login page, and the half
 * written form and the unsaved edits of a draft come back after sign-in. A write without the session's CSRF token
 * is refused and changes nothing. Screenshots go to test-artifacts/web/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/http/auth/password.js';
import type { Db } from '../../src/store/db.js';
import { setPasswordHash } from '../../src/store/sessions.js';
import { createUser, setRole } from '../../src/store/users.js';
import { hasChromium, openPage, shoot, startWorld, type WebWorld } from './browser.js';

const suite = hasChromium ? describe : describe.skip;
const EMAIL = 'kari@fagforbundet.no';
const PASSWORD = 'korrekt hest batteri stift';
const ADMIN = 'ada@innspill.no';
const TITLE = 'Høring – forslag til endringer i arbeidsmiljøloven om innleie';
const QUESTION =
  'Hvordan bør ansatte og tillitsvalgte involveres når offentlige virksomheter tar i bruk kunstig intelligens?';

// One browser session through sign-in, drafting, expiry and sign-out: the steps build on each other.
suite('web page: sign in, draft, expired session keeps the work, CSRF, sign out (Chromium)', { shuffle: false }, () => {
  let world: WebWorld;
  let db: Db;
  let context: BrowserContext;
  let page: Page;
  let draftId = '';

  beforeAll(async () => {
    world = await startWorld({
      pauseMs: 50,
      prepare: async (store) => {
        db = store;
        const kari = await createUser(store, { email: EMAIL, name: 'Kari Nordmann' });
        await setRole(store, { userId: kari.id, organisation: 'Fagforbundet', role: 'editor' });
        await setPasswordHash(store, { email: EMAIL, hash: await hashPassword(PASSWORD) });
        await createUser(store, { email: ADMIN, name: 'Ada Admin', isAdmin: true });
        await setPasswordHash(store, { email: ADMIN, hash: await hashPassword(PASSWORD) });
      },
    });
    ({ context, page } = await openPage(world));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await world?.close();
  });

  /** The server forgets every session's remaining time, as if the user had been away for a day. */
  const expireSessions = () => db.query(`UPDATE sessions SET expires_at = now() - interval '1 second'`);

  async function signIn(email = EMAIL) {
    await page.getByLabel('E-post').fill(email);
    await page.getByLabel('Passord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
  }

  it('sends a visitor to the login page and back to where they were going after sign-in', async () => {
    await page.goto(`${world.base}/ny`);
    await page.waitForURL(/\/logg-inn\?neste=%2Fny/);
    await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    // A wrong password: a Norwegian message, still on the login page.
    await page.getByLabel('E-post').fill(EMAIL);
    await page.getByLabel('Passord').fill('feil passord her');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect.poll(() => page.locator('.notice--error').textContent()).toContain('Feil e-post eller passord');
    // No second key form inside the message: the page has its own «Logg inn med tilgangsnøkkel».
    expect(await page.locator('.notice--error input').count()).toBe(0);
    await shoot(page, '20-logg-inn');
    await signIn();
    await page.waitForURL(/\/ny$/);
    await page.getByLabel('Tittel på høringen').waitFor();
    expect(await page.locator('#site-user').textContent()).toContain('Kari Nordmann');
    await expect(page.getByRole('button', { name: 'Logg ut' }).isVisible()).resolves.toBe(true);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'innspill_sesjon');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
  });

  it('drafts a consultation while signed in', async () => {
    await page.getByLabel('Tittel på høringen').fill(TITLE);
    await page.getByLabel('Avsender').fill('Arbeids- og inkluderingsdepartementet');
    await page.getByLabel('Spørsmål 1').fill(QUESTION);
    await page.getByLabel('Organisasjon', { exact: true }).selectOption('Fagforbundet');
    await page.getByRole('button', { name: 'Lag utkast' }).click();
    await page.waitForURL(/\/utkast\/[^/?]+$/, { timeout: 120_000 });
    draftId = new URL(page.url()).pathname.split('/').pop()!;
    await page.locator('.draft-section').first().waitFor();
    expect(await page.locator('h1').textContent()).toContain('forslag til endringer i arbeidsmiljøloven om innleie');
  });

  it('an expired session while filling in the form: to the login page, and the form comes back filled in', async () => {
    await page.goto(`${world.base}/ny`);
    await page.getByLabel('Tittel på høringen').fill('Et halvskrevet innspill');
    await page.getByLabel('Avsender').fill('Kommunal- og distriktsdepartementet');
    await page.getByLabel('Spørsmål 1').fill('Hva mener dere om forslaget?');
    await page.getByRole('button', { name: 'Legg til spørsmål' }).click();
    await page.keyboard.type('Og om tidsplanen?');
    await page.getByLabel('Organisasjon', { exact: true }).selectOption('Fagforbundet');
    await expireSessions();
    await page.getByRole('button', { name: 'Lag utkast' }).click();

    await page.waitForURL(/\/logg-inn\?neste=%2Fny&utlopt=1/);
    // The header no longer names the user whose session ended.
    await expect.poll(() => page.locator('#site-user').textContent()).not.toContain('Kari');
    expect(await page.locator('main').textContent()).not.toContain('null');
    await expect
      .poll(() => page.locator('.notice--info').textContent())
      .toContain('det du holdt på med, er tatt vare på');
    await shoot(page, '21-okten-utlopt');
    await signIn();
    await page.waitForURL(/\/ny$/);
    await expect.poll(() => page.getByLabel('Tittel på høringen').inputValue()).toBe('Et halvskrevet innspill');
    expect(await page.getByLabel('Avsender').inputValue()).toBe('Kommunal- og distriktsdepartementet');
    expect(await page.getByLabel('Spørsmål 1').inputValue()).toBe('Hva mener dere om forslaget?');
    expect(await page.getByLabel('Spørsmål 2').inputValue()).toBe('Og om tidsplanen?');
    expect(await page.getByLabel('Organisasjon', { exact: true }).inputValue()).toBe('Fagforbundet');
    expect(await page.locator('.notice--info').textContent()).toContain('Det du hadde fylt inn, er hentet tilbake');
    // Handed back once: a reload shows an empty form.
    await page.reload();
    await page.getByLabel('Tittel på høringen').waitFor();
    expect(await page.getByLabel('Tittel på høringen').inputValue()).toBe('');
  });

  it('an expired session while editing a draft: the unsaved edits come back after sign-in', async () => {
    await page.goto(`${world.base}/utkast/${draftId}`);
    await page.getByRole('button', { name: 'Rediger teksten' }).click();
    const text = page.locator('.sentence .sentence__text').first();
    await text.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('En setning skrevet om for hånd før økten gikk ut.');
    await expireSessions();
    await page.getByRole('button', { name: 'Lagre ny versjon' }).click();

    await page.waitForURL(/\/logg-inn\?neste=/);
    await signIn();
    await page.waitForURL(new RegExp(`/utkast/${draftId}`));
    await expect
      .poll(() => page.locator('.sentence .sentence__text').first().textContent())
      .toBe('En setning skrevet om for hånd før økten gikk ut.');
    expect(await page.locator('.status').textContent()).toContain('Endringene dine');
    const versions = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM draft_versions WHERE draft_id = $1',
      [draftId],
    );
    expect(versions.rows[0]!.n).toBe(1);
    // Now saved for real, with the restored text.
    await page.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await expect.poll(() => page.locator('.status').textContent()).toMatch(/Lagret som versjon 2/);
    await shoot(page, '22-redigering-tatt-vare-pa');
  });

  it('an expired session while asking: the question comes back after sign-in', async () => {
    await page.goto(`${world.base}/spor`);
    await page.getByLabel('Spørsmål', { exact: true }).fill('Hva mener Fagforbundet om innleie?');
    await page.getByLabel('Svar på nynorsk').check();
    await expireSessions();
    await page.getByRole('button', { name: 'Spør', exact: true }).click();
    await page.waitForURL(/\/logg-inn\?neste=%2Fspor&utlopt=1/);
    await signIn();
    await page.waitForURL(/\/spor$/);
    await expect
      .poll(() => page.getByLabel('Spørsmål', { exact: true }).inputValue())
      .toBe('Hva mener Fagforbundet om innleie?');
    expect(await page.getByLabel('Svar på nynorsk').isChecked()).toBe(true);
  });

  it('refuses a write from the page without the CSRF token, and changes nothing', async () => {
    const count = async () =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM draft_versions WHERE draft_id = $1', [draftId]))
        .rows[0]!.n;
    const before = await count();
    const answers = await page.evaluate(async (id) => {
      const current = await (await fetch(`/drafts/${id}`)).json();
      const body = JSON.stringify({ markdown: current.current.markdown ?? '', structured: current.current.draft });
      const put = (headers: Record<string, string>) =>
        fetch(`/drafts/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body });
      const without = await put({});
      const wrong = await put({ 'x-csrf-token': 'gjettet' });
      return [
        { status: without.status, body: await without.json() },
        { status: wrong.status, body: await wrong.json() },
      ];
    }, draftId);
    for (const a of answers) {
      expect(a.status).toBe(403);
      expect(a.body.code).toBe('forbidden:csrf');
      expect(a.body.title).toBe('Skjemaet mangler sikkerhetsnøkkelen');
    }
    expect(await count()).toBe(before);
  });

  it('signs out: back to the login page, and the session no longer opens anything', async () => {
    await page.goto(`${world.base}/`);
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/logg-inn$/);
    const status = await page.evaluate(async () => (await fetch('/drafts')).status);
    expect(status).toBe(401);
    expect(
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE expires_at > now()')).rows[0]!.n,
    ).toBe(0);
    await page.goto(`${world.base}/ny`);
    await page.waitForURL(/\/logg-inn\?neste=%2Fny/);
  });

  it('the admin page: issues a token shown once, lists it, revokes it; the audit log names who did it', async () => {
    // Still on the login page the sign-out test left, on its way to /ny.
    await signIn(ADMIN);
    await page.waitForURL(/\/ny$/);
    await page.getByRole('link', { name: 'Administrasjon' }).click();
    await page.getByRole('heading', { name: 'Brukere' }).waitFor();
    const row = page.locator('tr', { hasText: EMAIL });
    await row.locator('summary').click();
    await row.getByLabel('Navn på nøkkelen').fill('bærbar');
    await row.getByRole('button', { name: 'Lag tilgangsnøkkel' }).click();
    const shown = page.locator('[data-token]');
    await expect.poll(() => shown.textContent()).toMatch(/^inn_[A-Za-z0-9_-]{43}$/);
    const token = (await shown.textContent())!;
    // The token works as a bearer token, and the list never shows it again.
    expect(
      await page.evaluate(
        async (t) => (await fetch('/drafts', { headers: { authorization: `Bearer ${t}` } })).status,
        token,
      ),
    ).toBe(200);
    const tokenRow = page.locator('tr', { hasText: 'bærbar' });
    expect(await tokenRow.textContent()).not.toContain(token);
    await shoot(page, '23-administrasjon', { fullPage: true });
    await tokenRow.getByRole('button', { name: /Trekk tilbake/ }).click();
    await expect.poll(() => page.locator('tr', { hasText: 'bærbar' }).textContent()).toContain('Trukket tilbake');
    expect(
      await page.evaluate(
        async (t) => (await fetch('/drafts', { headers: { authorization: `Bearer ${t}` } })).status,
        token,
      ),
    ).toBe(401);
    const audit = await db.query<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_log WHERE action LIKE 'token.%' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { action: 'token.issue', actor: ADMIN },
      { action: 'token.revoke', actor: ADMIN },
    ]);
    // The page's log view shows both, newest first, named in Norwegian, with who did it.
    const logged = page.locator('tr[data-action^="token."]');
    await expect.poll(() => logged.count()).toBe(2);
    expect(await logged.first().textContent()).toContain('Trakk tilbake tilgangsnøkkel');
    expect(await logged.first().textContent()).toContain(ADMIN);
  });
});
