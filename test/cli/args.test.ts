import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join('node_modules', '.bin', 'tsx');
const run = (...args: string[]) => spawnSync(tsx, ['src/cli/ingest.ts', ...args], { encoding: 'utf8' });

describe('a command called with a bad option', () => {
  it('names the unknown option in Norwegian, shows the help and exits 2', () => {
    const r = run('--organisation', 'X');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Feil: ukjent valg --organisation; se valgene under\./);
    expect(r.stderr).toContain('Bruk: npm run ingest');
    expect(r.stderr).not.toMatch(/Unknown option/);
  });

  it('says which option lacks its value', () => {
    const r = run('--org');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Feil: valget --org mangler en verdi/);
  });
});
