/**
 * `npm run users -- password <e-post>` as a user runs it: the password read from stdin (never the command line),
 * stored as an argon2id hash that then signs in; a short password, an unknown e-mail and a missing one exit 2 with
 * a Norwegian message and change nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/http/auth/password.js';
import { openPglite } from '../../src/store/db.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-passord-'));
const env = { ...process.env, DATA_DIR: join(dir, 'pglite'), DATABASE_URL: '', LOG_LEVEL: 'silent' };
const users = (args: string[], input?: string) =>
  spawnSync(join('node_modules', '.bin', 'tsx'), ['src/cli/users.ts', ...args], { encoding: 'utf8', env, input });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function storedHash(email: string) {
  const db = await openPglite(env.DATA_DIR);
  try {
    const { rows } = await db.query<{ password_hash: string | null }>(
      'SELECT password_hash FROM users WHERE email = $1',
      [email],
    );
    return rows[0]?.password_hash ?? null;
  } finally {
    await db.close();
  }
}

// Each step spawns `tsx` (compile, open PGlite, migrate, argon2) synchronously up to four times: on a machine shared
// by several test runs that took over 60 s, so the steps get three minutes. No assertion is on time.
describe('npm run users -- password', { shuffle: false, timeout: 180_000 }, () => {
  it('lists the command in --help', () => {
    const r = users(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('password <e-post> [--fjern]');
  });

  it('sets a password read from stdin, stored as an argon2id hash that verifies', async () => {
    expect(users(['add', 'kari@ks.no', '--org', 'KS', '--role', 'editor']).status).toBe(0);
    const r = users(['password', 'kari@ks.no'], 'korrekt hest batteri stift\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Passordet til kari@ks.no er satt');
    const hash = await storedHash('kari@ks.no');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'korrekt hest batteri stift')).toBe(true);
    expect(await verifyPassword(hash, 'feil')).toBe(false);
  });

  it('refuses a short password, an unknown e-mail and no e-mail with exit 2, changing nothing', async () => {
    const before = await storedHash('kari@ks.no');
    const short = users(['password', 'kari@ks.no'], 'kort\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('Passordet må ha minst 10 tegn.');
    const unknown = users(['password', 'ola@ks.no'], 'et langt nok passord\n');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('fant ingen bruker med e-post ola@ks.no');
    expect(users(['password']).status).toBe(2);
    expect(await storedHash('kari@ks.no')).toBe(before);
  });

  it('removes the password with --fjern', async () => {
    const r = users(['password', 'kari@ks.no', '--fjern']);
    expect(r.status).toBe(0);
    expect(await storedHash('kari@ks.no')).toBeNull();
  });
});
