/** The real `npm run verify` entry point in a child process, on a PGlite store in a temporary folder. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'innspill-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = join('test', 'fixtures', 'drafts', 'endret-tall.md');

async function run(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(join('node_modules', '.bin', 'tsx'), [script, ...args], {
      env: { ...process.env, DATA_DIR: join(dir, 'pglite'), LOG_LEVEL: 'silent', DATABASE_URL: '', EMBEDDER: 'local' },
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
