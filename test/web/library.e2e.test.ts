/**
 * The document library in a real browser (issue 18, item 5): drop two files on «Last opp dokumenter» and watch
 * each one's progress and result, get the server's Norwegian words for a file it refuses and «Hoppet over» for a
 * duplicate, replace a document from its page and see the new version, withdraw one whose dialog names the draft
 * that cites it, and fit a 390 px phone without horizontal scrolling. Open mode (no users): every write control
 * shows. No request leaves 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/http/auth/password.js';
import type { Db } from '../../src/store/db.js';
import { setPasswordHash } from '../../src/store/sessions.js';
import { createUser, setRole } from '../../src/store/users.js';
import { hasChromium, openPage, shoot, startWorld, type WebWorld } from './browser.js';

const suite = hasChromium ? describe : describe.skip;

const FILES = [
  {
    name: 'leksehjelp-uttalelse.txt',
    text: 'Fagforbundet mener at gratis leksehjelp bør tilbys på alle barneskoler. Leksehjelpen må gis av ansatte med pedagogisk utdanning, og kommunene må få øremerkede midler til ordningen.',
  },
  {
    name: 'skolebibliotek-notat.md',
    text: '# Skolebibliotek i alle skoler\n\nFagforbundet vil ha et bemannet skolebibliotek på hver skole. Bibliotekarene er en viktig del av laget rundt eleven, og stillingene må finansieres over statsbudsjettet.',
  },
];

// The steps build on each other (uploaded documents are replaced, then one is withdrawn): no shuffle.
suite('web page: the document library — upload, replace, withdraw (Chromium)', { shuffle: false }, () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let hosts: Set<string>;
  let problems: string[];
  let db: Db;

  // Seeding the store and starting Chromium can take a minute on a busy two-core machine.
  beforeAll(async () => {
    world = await startWorld({ pauseMs: 0, prepare: async (store) => void (db = store) });
    ({ context, page, hosts, problems } = await openPage(world));
    // Record every line an upload shows, to tell that progress was shown and not only the result.
    await page.addInitScript(() => {
      const w = window as unknown as { __lines: string[] };
      w.__lines = [];
      // Every text put on an upload's line, from the mutation records themselves: several progress events may
      // arrive in one chunk and replace each other before the observer runs.
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target instanceof Element ? r.target : r.target.parentElement;
          if (!el?.closest('.upload-item__status, .replace__status')) continue;
          for (const n of Array.from(r.addedNodes)) if (n.textContent) w.__lines.push(n.textContent);
        }
      }).observe(document, { childList: true, subtree: true });
    });
  }, 180_000);

  afterAll(async () => {
    if (hosts) expect([...hosts]).toEqual(['127.0.0.1']);
    await context?.close();
    await world?.close();
  });

  const lines = () => page.evaluate(() => (window as unknown as { __lines: string[] }).__lines);

  /** Drop files on the drop zone as a person dragging them from the desktop would. */
  async function drop(files: { name: string; text: string; type?: string }[]) {
    await page.evaluate((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.name, { type: f.type ?? 'text/plain' }));
      const zone = document.querySelector('.dropzone')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files);
  }

  it('uploads two dropped files at once, with progress per file, and lists both', async () => {
    await page.goto(`${world.base}/dokumenter`);
    await page.getByRole('heading', { name: 'Last opp dokumenter' }).waitFor();
    // Nothing stray between the lead and the form (a missing notice is left out, not written as «null»).
    expect(await page.locator('main').textContent()).not.toContain('null');
    await drop(FILES);
    expect(await page.locator('.dropzone__chosen').textContent()).toBe(
      'Valgt: leksehjelp-uttalelse.txt, skolebibliotek-notat.md',
    );
    await page.getByLabel('Dokumentene er fra').fill('Fagforbundet');
    await page.getByLabel('Slags dokument').selectOption({ label: 'Uttalelse' });
    await page.getByLabel('Dato').fill('2025-05-02');
    // Internal is chosen until the person says otherwise; these two are public (other organisations read them below).
    expect(await page.getByLabel(/^Internt/).isChecked()).toBe(true);
    expect(await page.getByLabel(/^Offentlig/).isChecked()).toBe(false);
    await page.getByLabel(/^Offentlig/).check();
    await page.getByRole('button', { name: 'Last opp' }).click();

    const done = page.locator('.upload-item--done');
    await expect.poll(() => done.count(), { timeout: 60_000 }).toBe(2);
    for (const f of FILES) {
      const item = page.locator(`.upload-item[data-file="${f.name}"]`);
      expect(await item.locator('.upload-item__status').textContent()).toMatch(
        /^Lagret \(offentlig\): .+ \(\d+ avsnitt\)\.$/,
      );
    }
    const seen = await lines();
    // Each file went through the server's phases on screen: read, made searchable, saved.
    expect(seen).toContain('Lest (tekst): 1 avsnitt.');
    expect(seen).toContain('Lest (Markdown): 1 avsnitt.');
    expect(seen).toContain('Gjør avsnittene søkbare: 1 av 1.');
    expect(seen).toContain('Lagrer …');
    // The list below now has both, under the organisation.
    const table = page.locator('.document-group', { hasText: 'Fagforbundet' });
    // The Markdown file is titled by its «# » heading, the text file (no heading) by its name.
    await expect.poll(() => table.getByRole('link', { name: 'Skolebibliotek i alle skoler' }).count()).toBe(1);
    await expect.poll(() => table.getByRole('link', { name: 'Leksehjelp uttalelse' }).count()).toBe(1);
    await shoot(page, '30-bibliotek-opplasting', { fullPage: true });
  });

  it('says in Norwegian why a file is refused, skips a duplicate, and links a taken name to its document', async () => {
    await drop([
      { name: 'bilde.png', text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0001', type: 'image/png' },
      { ...FILES[0], name: 'kopi-av-uttalelsen.txt' },
      FILES[1],
    ]);
    await page.getByRole('button', { name: 'Last opp' }).click();
    const bad = page.locator('.upload-item[data-file="bilde.png"]');
    await bad.locator('.upload-item__status strong').waitFor();
    expect(await bad.getAttribute('class')).toContain('upload-item--error');
    const said = (await bad.textContent()) ?? '';
    expect(said).toContain('Ikke lagret: Filtypen støttes ikke');
    expect(said).toContain('Filen «bilde.png» har et format som ikke støttes. Støttede filtyper:');
    const again = page.locator('.upload-item--skipped');
    await again.waitFor();
    // Said once: the problem's detail names the document, its title said the same in fewer words.
    expect(await again.locator('.upload-item__status').textContent()).toMatch(
      /^Hoppet over: Det samme innholdet er allerede lagret som «Leksehjelp uttalelse» \(id «[^»]+»\)\. Åpne dokumentet\.$/,
    );
    expect(await again.getByRole('link', { name: 'Åpne dokumentet' }).getAttribute('href')).toBe(
      '/dokumenter/fagforbundet-leksehjelp-uttalelse',
    );
    // The same file name again: the id it gives is taken; the line says so and links to the document to replace.
    const taken = page.locator('.upload-item--error[data-file="skolebibliotek-notat.md"] .upload-item__status');
    await taken.locator('a').waitFor();
    expect(await taken.textContent()).toContain(
      'Ikke lagret: Dokumentet finnes allerede. Et dokument med samme navn (id «fagforbundet-skolebibliotek-i-alle-skoler») er lagret fra før.',
    );
    expect(await taken.textContent()).not.toContain('PUT');
    expect(await taken.locator('a').getAttribute('href')).toBe('/dokumenter/fagforbundet-skolebibliotek-i-alle-skoler');
    await shoot(page, '31-bibliotek-feil');
    problems.splice(0); // the 415 and 409 answers were the point of this step
  });

  it('names the field and the server’s reason when a file has no date, and says so beside «Dato»', async () => {
    expect(await page.locator('#last-opp-dato-hint').textContent()).toBe(
      'Datoen dokumentet ble skrevet eller vedtatt. Bare lover og forskrifter fra Lovdata har datoen i selve filen; andre filer blir ikke lagret når feltet står tomt.',
    );
    // The server's own field and reason for the same upload, to find word for word on the page.
    const form = new FormData();
    form.set('organisation', 'Fagforbundet');
    form.set(
      'file',
      new Blob(['# Uten dato\n\nFagforbundet vil ha flere fagarbeidere i barnehagene.']),
      'uten-dato.md',
    );
    const problem = (await (await fetch(`${world.base}/documents`, { method: 'POST', body: form })).json()) as {
      errors: { field: string; reason: string }[];
    };
    const reason = problem.errors.find((e) => e.field === 'date')!.reason;
    await page.getByLabel('Dato').fill('');
    await drop([
      { name: 'uten-dato.md', text: '# Uten dato\n\nFagforbundet vil ha flere fagarbeidere i barnehagene.' },
    ]);
    await page.getByRole('button', { name: 'Last opp' }).click();
    const line = page.locator('.upload-item--error[data-file="uten-dato.md"] .upload-item__status');
    await line.waitFor();
    const said = (await line.textContent())!;
    expect(said).toMatch(/^Ikke lagret: /);
    expect(said).toContain(`Dato: ${reason}.`);
    expect(said).toContain('Fyll inn «Dato» i skjemaet og last opp filen på nytt.');
    expect(said).not.toContain('date');
    await shoot(page, '35-bibliotek-uten-dato');
    await page.getByLabel('Dato').fill('2025-05-02');
    problems.splice(0); // the 400 was the point of this step
  });

  it('replaces a document from its page, with progress, and shows the new version', async () => {
    await page.locator('.document-group').getByRole('link', { name: 'Skolebibliotek i alle skoler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skolebibliotek i alle skoler' }).waitFor();
    expect(await page.locator('.passage-block__text').first().textContent()).toContain('bemannet skolebibliotek');
    await page.locator('#erstatt-fil').setInputFiles({
      name: 'skolebibliotek-notat-v2.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(
        '# Skolebibliotek i alle skoler\n\nFagforbundet krever at hver skole har et skolebibliotek med fagutdannet bibliotekar minst tre dager i uka.',
      ),
    });
    const notice = page.locator('#dokument-melding');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^Dokumentet er erstattet: ny versjon med 1 avsnitt, lagret /);
    expect(await page.locator('.passage-block__text').first().textContent()).toContain('minst tre dager i uka');
    expect(await page.locator('.document-body').textContent()).not.toContain('bemannet skolebibliotek');
    expect((await lines()).some((l) => l.startsWith('Lest'))).toBe(true);
    await shoot(page, '32-dokument-erstattet');
  });

  it('withdraws a document after a dialog that names the draft citing it', async () => {
    // A draft that cites one of Fagforbundet's documents, made through the API as another tab would.
    const res = await fetch(`${world.base}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        consultation: {
          title: 'Høring om offentlig skytjeneste og kontroll over data',
          issuer: 'Digitaliserings- og forvaltningsdepartementet',
          questions: ['Hva mener dere om en offentlig skyløsning?'],
        },
        organisation: { name: 'Fagforbundet' },
        length: 'short',
        language: 'nb',
      }),
    });
    expect(res.status).toBe(201);
    const draft = (await res.json()) as { id: string; markdown: string };
    const passageId = /^\[\^\d+\]: \[([^\]]+)\]/m.exec(draft.markdown)![1];
    const passage = (await (await fetch(`${world.base}/passages/${passageId}`)).json()) as {
      document: { id: string; title: string };
    };

    await page.goto(`${world.base}/dokumenter/${passage.document.id}`);
    await page.getByRole('button', { name: 'Trekk tilbake …' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe(`Trekke tilbake «${passage.document.title}»?`);
    expect(await dialog.textContent()).toContain('Ett utkast siterer dokumentet:');
    const named = await dialog.getByRole('link').allTextContents();
    expect(named).toHaveLength(1);
    expect(named[0]).toContain('offentlig skytjeneste og kontroll over data');
    await shoot(page, '33-trekk-tilbake');
    // Cancelling keeps the document.
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await fetch(`${world.base}/documents/${passage.document.id}`)).status).toBe(200);

    await page.getByRole('button', { name: 'Trekk tilbake …' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Trekk tilbake' }).click();
    await page.waitForURL(/\/dokumenter$/);
    expect(await page.locator('.notice--info').textContent()).toMatch(
      new RegExp(`^«${passage.document.title}» er trukket tilbake \\(\\d+ avsnitt slettet\\)\\.$`),
    );
    expect(await page.getByRole('link', { name: passage.document.title, exact: true }).count()).toBe(0);
    expect((await fetch(`${world.base}/documents/${passage.document.id}`)).status).toBe(404);
    expect(problems).toEqual([]);
  });

  it('fits a 390 px phone: no horizontal scrolling in the library', async () => {
    const phone = await world.browser.newContext({ locale: 'nb-NO', viewport: { width: 390, height: 844 } });
    const small = await phone.newPage();
    try {
      await small.goto(`${world.base}/dokumenter`);
      await small.locator('.document-group').first().waitFor();
      const width = await small.evaluate(() => document.documentElement.scrollWidth);
      await small.screenshot({ path: 'test-artifacts/web/34-bibliotek-390.png', fullPage: true });
      expect(width).toBeLessThanOrEqual(390);
    } finally {
      await phone.close();
    }
  });

  // Last: the first users end open mode for good (the steps above write as in a fresh installation).
  it('shows a reader the library without write controls, and an editor only their own organisation', async () => {
    const PASSWORD = 'et langt og trygt passord';
    for (const [email, organisation, role] of [
      ['leser@fagforbundet.no', 'Fagforbundet', 'reader'],
      ['redaktor@ks.no', 'KS', 'editor'],
    ] as const) {
      const u = await createUser(db, { email, name: email });
      await setRole(db, { userId: u.id, organisation, role });
      await setPasswordHash(db, { email, hash: await hashPassword(PASSWORD) });
    }
    const as = async (email: string) => {
      const ctx = await world.browser.newContext({ locale: 'nb-NO', viewport: { width: 1366, height: 768 } });
      const p = await ctx.newPage();
      await p.goto(`${world.base}/logg-inn?neste=/dokumenter`);
      await p.getByLabel('E-post').fill(email);
      await p.getByLabel('Passord').fill(PASSWORD);
      await p.getByRole('button', { name: 'Logg inn' }).click();
      await p.waitForURL(/\/dokumenter$/);
      await p.locator('.document-group').first().waitFor();
      return { ctx, p };
    };

    const reader = await as('leser@fagforbundet.no');
    try {
      expect(await reader.p.getByRole('heading', { name: 'Last opp dokumenter' }).count()).toBe(0);
      expect(await reader.p.locator('#bare-lesing').textContent()).toBe(
        'Du kan lese dokumentene, men ikke laste opp nye: det krever rollen redaktør i en organisasjon.',
      );
      expect(await reader.p.locator('main').textContent()).not.toContain('null');
      expect(await reader.p.locator('.document-group').count()).toBeGreaterThan(0);
      await reader.p.goto(`${world.base}/dokumenter/fagforbundet-skolebibliotek-notat`);
      await reader.p.getByRole('heading', { level: 1 }).waitFor();
      expect(await reader.p.getByText('Erstatt med ny fil').count()).toBe(0);
      expect(await reader.p.getByRole('button', { name: 'Trekk tilbake …' }).count()).toBe(0);
    } finally {
      await reader.ctx.close();
    }

    const editor = await as('redaktor@ks.no');
    try {
      // An editor of KS uploads in KS's name only, and may replace (not withdraw) a KS document.
      await editor.p.getByRole('heading', { name: 'Last opp dokumenter' }).waitFor();
      expect(await editor.p.locator('#bare-lesing').count()).toBe(0);
      expect(await editor.p.getByLabel('Dokumentene er fra').locator('option').allTextContents()).toEqual(['KS']);
      const ks = editor.p.locator('section[aria-labelledby="org-ks"]').getByRole('link').first();
      await ks.click();
      await editor.p.getByText('Erstatt med ny fil').waitFor();
      expect(await editor.p.getByRole('button', { name: 'Trekk tilbake …' }).count()).toBe(0);
      await editor.p.goto(`${world.base}/dokumenter/fagforbundet-skolebibliotek-notat`); // Fagforbundet's, public
      await editor.p.getByRole('heading', { level: 1 }).waitFor();
      expect(await editor.p.getByText('Erstatt med ny fil').count()).toBe(0);
    } finally {
      await editor.ctx.close();
    }
  });
});
