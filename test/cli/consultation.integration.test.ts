/**
 * The real `npm run consultation` entry point in a child process, on a PGlite store in a temporary folder; last,
 * the same command beside a real server holding that folder (the import goes through its API).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/store/pglite/lock.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-consultation-'));
let server: ChildProcess | undefined;
/** The server's own process (tsx runs it as a child), from its lock file. */
let serverPid: number | undefined;
afterAll(() => {
  try {
    if (serverPid) process.kill(serverPid, 'SIGKILL');
  } catch {
    // already gone
  }
  if (server?.exitCode === null) server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});
const env = {
  ...process.env,
  DATA_DIR: join(dir, 'pglite'),
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
  EMBEDDER: 'local',
  API_TOKENS: 'hemmelig-nokkel',
  INNSPILL_TOKEN: '',
};

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      join('node_modules', '.bin', 'tsx'),
      ['src/cli/consultation.ts', ...args],
      {
        env,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run consultation', { shuffle: false }, () => {
  it('--help explains itself in Norwegian and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Bruk: npm run consultation -- <fil>/);
  });

  it('imports a høringsnotat without questions: progress, fields with pages, what it did not find', async () => {
    const r = await run('test/fixtures/consultations/horingsnotat-uten-sporsmal.pdf');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Lest: PDF, \d+ sider, \d+ avsnitt\./);
    expect(r.stdout).toMatch(/Avsender: +Kommunal- og distriktsdepartementet \(side 1\)/);
    expect(r.stdout).toMatch(/Frist: +–/);
    expect(r.stdout).toContain('Departementets forslag og vurderinger (8):');
    expect(r.stdout).toContain('Ikke funnet (feltene står tomme; fyll dem inn selv):');
    expect(r.stdout).toContain('Fant ikke høringsfristen i dokumentet.');
  });

  it('the same consultation again: «already imported», exit 2, and what its first import read (no HTTP route)', async () => {
    const first = await run('test/fixtures/consultations/horingsnotat-uten-sporsmal.pdf', '--json');
    expect(first.code).toBe(2);
    const earlier = JSON.parse(first.stdout);
    const r = await run('test/fixtures/consultations/horingsnotat-uten-sporsmal.pdf');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Feil: høringen «${earlier.document.title}» er allerede importert (id «`);
    expect(r.stderr).toContain('ingenting nytt ble lagret');
    expect(r.stdout).toMatch(/^Importert fra før som «.+» \(id «[^»]+»\)\./);
    expect(r.stdout).toMatch(/Avsender: +Kommunal- og distriktsdepartementet \(side 1\)/);
    expect(r.stdout).toContain('Departementets forslag og vurderinger (8):');
    expect(r.stdout + r.stderr).not.toMatch(/GET |PUT |\/consultations\//);
  });

  it('a text letter naming no issuer: asks for --issuer (exit 2), then stores it under that issuer with its list questions', async () => {
    const path = join(dir, 'gebyrer.txt');
    writeFileSync(
      path,
      'Høring – ny lov om kommunale gebyrer\n\nVi sender forslaget på høring. Høringsfristen er 1. mars 2025.\n\n' +
        'Departementet ber særlig om høringsinstansenes syn på følgende:\n' +
        '1. Bør loven gjelde alle kommunale gebyrer?\n2. Hvordan bør selvkost beregnes?\n',
    );
    const without = await run(path);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--issuer: dokumentet navngir ikke avsenderen');
    const r = await run(path, '--issuer', 'Finansdepartementet');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(id «finansdepartementet-horing-ny-lov-om-kommunale-gebyrer»)');
    expect(r.stdout).toContain(
      'Spørsmål til høringsinstansene (2):\n  1. Bør loven gjelde alle kommunale gebyrer?\n  2. Hvordan bør selvkost beregnes?\n',
    );
  });

  it('a missing file and a second file are refused with exit 2 and a Norwegian line', async () => {
    const missing = await run('finnes-ikke.pdf');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Feil: fant ikke filen «finnes-ikke.pdf».');
    const two = await run('a.pdf', 'b.pdf');
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('Feil: oppgi nøyaktig én fil.');
  });

  it('beside a running server: the same consultation again shows the first import, read through the server', async () => {
    mkdirSync(join(dir, 'no-seeds'));
    writeFileSync(join(dir, 'no-seeds', 'metadata.yaml'), '[]\n');
    const lock = lockPath(env.DATA_DIR);
    server = spawn(join('node_modules', '.bin', 'tsx'), ['src/cli/serve.ts'], {
      env: { ...env, PORT: '0', HOST: '127.0.0.1', SEED_DIR: join(dir, 'no-seeds'), ANTHROPIC_API_KEY: '' },
      stdio: 'ignore',
    });
    for (const t0 = Date.now(); Date.now() - t0 < 150_000; await new Promise((r) => setTimeout(r, 200))) {
      try {
        const holder = JSON.parse(readFileSync(lock, 'utf8'));
        if (holder.url) {
          serverPid = holder.pid;
          break;
        }
      } catch {
        // not yet listening
      }
    }
    const r = await run('test/fixtures/consultations/horingsnotat-uten-sporsmal.pdf');
    expect(r.stderr).toContain('holder lageret; filen lastes opp gjennom den.');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toMatch(/^Importert fra før som «.+» \(id «[^»]+»\)\./);
    expect(r.stdout).toMatch(/Avsender: +Kommunal- og distriktsdepartementet \(side 1\)/);
    expect(r.stderr).toContain('er allerede importert (id «');
    expect(r.stdout + r.stderr).not.toMatch(/GET |PUT |\/consultations\//);
  }, 180_000);
});
