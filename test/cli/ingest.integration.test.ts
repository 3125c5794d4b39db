/** The real `npm run ingest` entry point in a child process, on a PGlite store in a temporary folder. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { largeDocx } from '../../scripts/fixtures/large.js';
import { openPglite } from '../../src/store/db.js';
import { DOCUMENTS } from '../helpers/documents.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ingest = (...args: string[]) => ingestWith({}, ...args);

async function ingestWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      join('node_modules', '.bin', 'tsx'),
      ['src/cli/ingest.ts', ...args],
      {
        env: {
          ...process.env,
          DATA_DIR: join(dir, 'pglite'),
          LOG_LEVEL: 'silent',
          DATABASE_URL: '',
          EMBEDDER: 'local',
          ...env,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run ingest', () => {
  it('adds, replaces and removes a document, and refuses a bad file with a Norwegian message', async () => {
    const file = join(dir, 'uttalelse.md');
    writeFileSync(file, '# Uttalelse\n\nKommunene må få mer ansvar for digital kompetanse.');
    const added = await ingest(
      file,
      join(DOCUMENTS, 'two-columns.pdf'),
      '--org',
      'Testforbundet Vest',
      '--date',
      '2024',
    );
    expect(added.stdout, added.stderr).toMatch(/2 dokumenter lest: 2 nye/);

    writeFileSync(file, '# Uttalelse\n\nKommunene må få mer ansvar og mer penger til digital kompetanse.');
    const replaced = await ingest(file, '--org', 'Testforbundet Vest', '--date', '2024');
    expect(replaced.stdout).toMatch(/1 erstattet/);

    const bad = await ingest(join(DOCUMENTS, 'encrypted.pdf'), '--org', 'Testforbundet Vest');
    expect(bad.code).toBe(2); // a file the user can fix: a 4xx in src/errors.ts, exit 2
    expect(bad.stderr).toMatch(/^Feil: Filen «.*encrypted\.pdf» er passordbeskyttet/m);

    const removed = await ingest('--remove', 'uttalelse', '--remove', 'finnes-ikke');
    expect(removed.stdout).toMatch(/Tok ut «Uttalelse» \(uttalelse\): 1 avsnitt slettet/);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toMatch(/fant ikke «finnes-ikke»/);
  }, 300_000); // four child processes, each opening PGlite and migrating: slow on a busy machine

  it('seeds/ on a store that holds them adds nothing, names the stored document of each file and exits 0', async () => {
    const env = { DATA_DIR: join(dir, 'pglite-seeds') };
    const first = await ingestWith(env, 'seeds');
    expect(first.stdout, first.stderr).toMatch(/5 dokumenter lest: 5 nye/);
    const again = await ingestWith(env, 'seeds');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      /Hoppet over seeds\/ntl-prinsipprogram-2019-digitalisering\.txt: teksten er allerede lagret som «.*» \(id «ntl-prinsipprogram-2019»\)/,
    );
    expect(again.stdout.match(/^Hoppet over /gm)).toHaveLength(5);
    expect(again.stdout).toMatch(
      /5 dokumenter lest: 0 nye, 0 erstattet, 0 med nye metadata, 5 hoppet over .*0 avsnitt lagret/,
    );
    expect(again.stdout).toMatch(/Ingenting nytt å lagre\./);
  }, 300_000);

  it("reads on the read worker within an upload's limits: a file over one is named (413 wording, exit 2), the others stored", async () => {
    const dataDir = join(dir, 'pglite-limits');
    const ok = join(dir, 'kort.md');
    writeFileSync(ok, '# Kort notat\n\nKommunene må få tid til å prøve ut nye tjenester før de tas i bruk.\n');
    // 150,000 characters of text (and past 64 KB, so it is read on the worker): over MAX_DOCUMENT_CHARS=100000.
    const long = join(dir, 'lang.txt');
    const paragraph = 'Forbundet mener at omstillingen må skje i samarbeid med de ansatte og deres tillitsvalgte. ';
    writeFileSync(long, paragraph.repeat(Math.ceil(150_000 / paragraph.length)).slice(0, 150_000));
    const tooLong = await ingestWith(
      { DATA_DIR: dataDir, MAX_DOCUMENT_CHARS: '100000' },
      ok,
      long,
      '--org',
      'Testforbundet',
      '--date',
      '2024',
    );
    expect(tooLong.code, tooLong.stderr).toBe(2);
    // The upload's wording (payload_too_large:document, ingest/errors.ts documentTooLong).
    expect(tooLong.stderr).toMatch(
      /^Feil: Dokumentet «.*lang\.txt» har 150\s000 tegn tekst, mer enn grensen på 100\s000\. Del dokumentet i mindre filer/m,
    );
    expect(tooLong.stdout).toMatch(/1 dokument lest: 1 nytt/);
    expect(tooLong.stdout).toMatch(/1 fil ble ikke lagret/);

    // A DOCX whose text needs more heap than READ_WORKER_MAX_MB: only a capped worker refuses it this way.
    const heavy = join(dir, 'tung.docx');
    writeFileSync(heavy, await largeDocx(3_000_000));
    const ok2 = join(dir, 'kort2.md');
    writeFileSync(ok2, '# Andre notat\n\nTillitsvalgte skal delta i arbeidet med nye digitale verktøy.\n');
    const tooHeavy = await ingestWith(
      { DATA_DIR: dataDir, READ_WORKER_MAX_MB: '4' },
      heavy,
      ok2,
      '--org',
      'Testforbundet',
      '--date',
      '2024',
    );
    expect(tooHeavy.code, tooHeavy.stderr).toBe(2);
    expect(tooHeavy.stderr).toMatch(
      /^Feil: Filen «.*tung\.docx» trenger mer enn 4 MB minne for å leses\. Del dokumentet/m,
    );
    expect(tooHeavy.stdout).toMatch(/1 dokument lest: 1 nytt/);

    const db = await openPglite(dataDir);
    try {
      const { rows } = await db.query<{ title: string }>('SELECT title FROM documents ORDER BY title');
      expect(rows.map((r) => r.title)).toEqual(['Andre notat', 'Kort notat']); // titles from their «# » headings
    } finally {
      await db.close();
    }
  }, 300_000);
});
