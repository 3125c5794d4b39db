/**
 * One spelling per organisation at the command line, as the user sees it: the real `npm run ingest` (on the data
 * directory) and `npm start` in child processes. A second spelling is one Norwegian line on stderr, no stack trace,
 * exit 2, and the store is unchanged.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/store/db.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-spellings-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(script: string, env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(join('node_modules', '.bin', 'tsx'), [script, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', EMBEDDER: 'local', ANTHROPIC_API_KEY: '', ...env },
      timeout: 180_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function documents(dataDir: string): Promise<string[]> {
  const db = await openPglite(dataDir);
  try {
    const { rows } = await db.query<{ organisation: string }>('SELECT organisation FROM documents ORDER BY id');
    return rows.map((r) => r.organisation);
  } finally {
    await db.close();
  }
}

describe('one organisation, one spelling at the command line', () => {
  it('npm run ingest refuses --org «Norsk Tjenestemannslag» once «NTL» is stored, writing nothing', async () => {
    const DATA_DIR = join(dir, 'pglite');
    const first = join(dir, 'plan.md');
    writeFileSync(first, '# Plan\n\nNTL mener at staten må eie sine egne fagsystemer.');
    const stored = await run('src/cli/ingest.ts', { DATA_DIR }, first, '--org', 'NTL', '--date', '2025');
    expect(stored.stdout, stored.stderr).toMatch(/1 dokument lest: 1 nytt/);

    const second = join(dir, 'notat.md');
    writeFileSync(second, '# Notat\n\nNorsk Tjenestemannslag mener at kompetansen må bli i staten.');
    const refused = await run(
      'src/cli/ingest.ts',
      { DATA_DIR },
      second,
      '--org',
      'Norsk Tjenestemannslag',
      '--date',
      '2025',
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `Feil: ${second}: «Norsk Tjenestemannslag» leses som organisasjonen «NTL», som finnes fra før. ` +
        'Bruk navnet «NTL», så blir ikke én organisasjon delt i to.',
    );
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(refused.stdout).toBe('');
    expect(await documents(DATA_DIR)).toEqual(['NTL']);
  }, 400_000);

  it('npm start stops when API_TOKENS_ORGANISATIONS spells a seeded organisation another way', async () => {
    const started = await run('src/cli/serve.ts', {
      DATA_DIR: 'memory://',
      PORT: '0',
      HOST: '127.0.0.1',
      API_TOKENS: 'tjeneste',
      API_TOKENS_ORGANISATIONS: 'Norsk Tjenestemannslag',
    });
    expect(started.code, started.stderr).toBe(2);
    expect(started.stderr).toContain(
      'Ugyldig konfigurasjon:\n  API_TOKENS_ORGANISATIONS: «Norsk Tjenestemannslag» leses som organisasjonen «NTL», ' +
        'som finnes i lageret. Skriv «NTL», så blir ikke én organisasjon delt i to.',
    );
    expect(started.stderr).not.toMatch(/\n\s+at /);
  }, 200_000);
});
