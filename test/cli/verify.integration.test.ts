/**
 * The real `npm run verify` entry point in a child process, on a PGlite store in a temporary folder; and the
 * draft `npm run draft --out` writes, verified back by `npm run verify` with the draft's own verdicts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'innspill-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = join('test', 'fixtures', 'drafts', 'endret-tall.md');

async function run(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runIn('pglite', script, ...args);
}

async function runIn(
  store: string,
  script: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(join('node_modules', '.bin', 'tsx'), [script, ...args], {
      env: { ...process.env, DATA_DIR: join(dir, store), LOG_LEVEL: 'silent', DATABASE_URL: '', EMBEDDER: 'local' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run verify', () => {
  it('fills an empty store with the seeds, then reports the fixture and exits 1', async () => {
    const first = await run('src/cli/verify.ts', FIXTURE);
    expect(first.stderr).toContain('Lageret var tomt: leste inn 5 dokumenter');
    expect(first.code).toBe(1);

    const report = await run('src/cli/verify.ts', FIXTURE, '--org', 'Fagforbundet');
    expect(report.stderr).not.toContain('Lageret var tomt');
    expect(report.code).toBe(1);
    expect(report.stdout).toContain('MOTSAGT: Fagforbundet viser til at regjeringa oppgir at rundt 950 000');
    expect(report.stdout).toContain('men i fagforbundet-innspill-digitaliseringsstrategi-2023-p001');
    expect(report.stdout).toMatch(/Sitater: 7 — 5 ordrett, 1 normalisert, 1 feil kilde/);

    const json = JSON.parse((await run('src/cli/verify.ts', FIXTURE, '--json')).stdout);
    expect(json.summary.statuses.misattributed).toBe(1);
  }, 120_000);

  it('explains its use', async () => {
    const help = await run('src/cli/verify.ts', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Bruk: npm run verify -- utkast.md');
    expect((await run('src/cli/verify.ts')).code).toBe(2);
  });
});

describe('a draft written by npm run draft, verified by npm run verify', () => {
  it('verifies as the draft did: its notice and review lines are not read as uncited claims', async () => {
    const out = join(dir, 'utkast.md');
    const draft = await runIn(
      'roundtrip',
      'src/cli/draft.ts',
      'examples/consultation-digitalisering.yaml',
      '--org',
      'fagforbundet',
      '--out',
      out,
    );
    expect(draft.code, draft.stderr).toBe(0);
    const said = /Kontroll: OK – (\d+) setninger \((\d+) påstander\): (\d+) støttet, (\d+) uten kilde\./.exec(
      draft.stderr,
    );
    expect(said, draft.stderr).not.toBeNull();

    const verified = await runIn('roundtrip', 'src/cli/verify.ts', out, '--org', 'fagforbundet');
    expect(verified.code, verified.stdout).toBe(0);
    const [, sentences, claims, supported, uncited] = said!;
    expect(verified.stdout).toContain(
      `Setninger: ${sentences} (${claims} påstander) — ${supported} støttet, ${uncited} uten kilde\n`,
    );
    expect(verified.stdout).not.toMatch(/Uttrekksbasert|Kildekontroll/);
    expect(verified.stdout).toContain('Alt er i orden.');
  }, 120_000);

  it('counts one claim as one «påstand» and leaves out a quote line with nothing to count', async () => {
    const one = join(dir, 'en.md');
    writeFileSync(one, 'Vi mener at kommunene må få mer penger til skolehelsetjenesten.\n');
    const out = await runIn('roundtrip', 'src/cli/verify.ts', one);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('Setninger: 1 (1 påstand) — 1 uten kilde\nSitater: 0\n');
  }, 120_000);
});
