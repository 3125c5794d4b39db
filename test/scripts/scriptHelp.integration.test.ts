/**
 * Every program behind `npm run <script>` answers `--help` with its usage and exit 0 — and does nothing else: a
 * script that ignored the flag would start its real work (a bench, an ingest) and time out here. Outside bench/ the
 * usage is Norwegian («Bruk: …»).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
/** The scripts that run a TypeScript program of ours with tsx (npm start, test, lint … are other tools). */
const programs = Object.entries(scripts)
  .map(([name, command]) => [name, /^tsx (\S+\.ts)$/.exec(command)?.[1]] as const)
  .filter((e): e is readonly [string, string] => e[1] !== undefined);

describe('--help on every npm script program', () => {
  it('finds the programs', () => {
    expect(programs.map(([name]) => name)).toEqual(expect.arrayContaining(['ingest', 'eval', 'bench', 'bench:verify']));
  });

  it.each(programs)('npm run %s -- --help prints its usage and exits 0', { timeout: 60_000 }, async (_name, file) => {
    const { stdout } = await run('npx', ['tsx', file, '--help'], {
      timeout: 45_000,
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    expect(stdout).toMatch(/^(Bruk|Usage|npm run)\b/m);
    // Every command a user runs speaks Norwegian; the benches (bench/) are the developers' and stay English.
    if (!file.startsWith('bench/')) expect(stdout).toMatch(/^Bruk: /);
  });
});
