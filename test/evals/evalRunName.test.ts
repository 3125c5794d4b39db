/**
 * `npm run eval -- --name NAME` writes its reports to evals/reports/NAME.*, leaving eval.* (CI's default) alone; a
 * name that would reach outside evals/reports/ is refused in Norwegian before anything runs. The runs here use a
 * config with no suite to run, so they only parse, write the (empty) reports and exit.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-eval-name-'));
const config = join(dir, 'config.yaml');
writeFileSync(
  config,
  'retrieval: { modes: [hybrid], sets: [] }\nverifier: { seed: 1, genuine: 0, perKind: 0, thresholds: {} }\n',
);
const name = `test-name-${process.pid}`;
const reports = ['json', 'md', 'html'].map((ext) => `evals/reports/${name}.${ext}`);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const r of reports) rmSync(r, { force: true });
});

const evalRun = (...args: string[]) =>
  runScript('evals/run.ts', args, { env: { ...process.env, LOG_LEVEL: 'silent' }, timeout: 45_000 });
const adversarialRun = (...args: string[]) =>
  runScript('evals/verifier/adversarial/run.ts', args, {
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 45_000,
  });

const stamp = (path: string) => (existsSync(path) ? statSync(path).mtimeMs : null);

describe('npm run eval -- --name', { timeout: 60_000 }, () => {
  it('writes evals/reports/NAME.{json,md,html} and leaves eval.* as it was', async () => {
    const before = stamp('evals/reports/eval.json');
    const run = await evalRun('--config', config, '--only', 'drafts', '--name', name);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Rapporter: ${reports.join(', ')}`);
    for (const r of reports) expect(existsSync(r), r).toBe(true);
    expect(JSON.parse(readFileSync(reports[0], 'utf8')).checks).toEqual([]);
    expect(stamp('evals/reports/eval.json')).toBe(before);
  });

  it('refuses a name that reaches outside evals/reports/, before running anything', async () => {
    for (const bad of ['../eval', 'a/b', '..']) {
      const run = await evalRun('--config', config, '--only', 'drafts', '--name', bad);
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toContain(`Feil: --name: bare bokstaver, sifre, «.», «-» og «_», fikk «${bad}».`);
      expect(run.stdout).not.toContain('Rapporter:');
    }
  });

  it('is in --help', async () => {
    expect((await evalRun('--help')).stdout).toMatch(/--name NAVN +skriv rapportene til evals\/reports\/NAVN/);
  });
});

describe('npm run eval: options the user got wrong', { timeout: 60_000 }, () => {
  it('refuses an unknown --only suite with exit 2, before writing any report', async () => {
    const before = stamp('evals/reports/eval.json');
    const run = await evalRun('--config', config, '--only', 'foo');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Feil: --only: må være en av retrieval, verifier, drafts, abstention; fikk «foo».');
    expect(run.stdout).not.toContain('terskler');
    expect(stamp('evals/reports/eval.json')).toBe(before);
  });

  it('says in Norwegian that a --config file is missing or wrong, exit 2', async () => {
    const missing = await evalRun('--config', join(dir, 'nope.yaml'), '--only', 'drafts', '--name', name);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`Feil: --config: fant ikke konfigurasjonsfilen ${join(dir, 'nope.yaml')}.`);
    expect(missing.stderr).not.toMatch(/ENOENT|at /);
    const wrong = join(dir, 'wrong.yaml');
    writeFileSync(
      wrong,
      'retrieval: { modes: [fast], sets: [] }\nverifier: { seed: 1, genuine: 0, perKind: 0, thresholds: {} }\n',
    );
    const bad = await evalRun('--config', wrong, '--only', 'drafts', '--name', name);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Feil: --config: .*wrong\.yaml: retrieval\.modes\.0: /m);
  });
});

describe('npm run eval:verifier:adversarial: options the user got wrong', { timeout: 60_000 }, () => {
  it('refuses an unknown --split and a missing --cases file with one Norwegian line, exit 2', async () => {
    const split = await adversarialRun('--split', 'foo');
    expect(split.code).toBe(2);
    expect(split.stderr).toContain('Feil: --split: må være dev, heldout eller all; fikk «foo».');
    const cases = await adversarialRun('--cases', join(dir, 'nope.jsonl'));
    expect(cases.code).toBe(2);
    expect(cases.stderr.trim()).toBe(`Feil: --cases: fant ikke ${join(dir, 'nope.jsonl')}.`);
  });
});
