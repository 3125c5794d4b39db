/**
 * `npm run verify` while a server holds the data directory: the real entry point in a child process, a real server
 * on 127.0.0.1 (in-memory PGlite with the seeds) named in the directory's lock as `npm start` names itself. The
 * report is the one a local run prints; a check that could not be made exits 3, apart from 1 (the draft has
 * faults) and 2 (bad use). `npm run users` names an unknown command before it touches the data directory;
 * `ingest` and `backup` refused by the server's token check say what works (INNSPILL_TOKEN, or stop the server).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestViaServer } from '../../src/cli/ingestViaServer.js';
import { loadConfig } from '../../src/config/env.js';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { heldDataDir as held, offlineEnv, runScript } from '../helpers/cli.js';
import { seededStore } from '../helpers/runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-verify-server-'));
const FIXTURE = join('test', 'fixtures', 'drafts', 'endret-tall.md');
const TOKEN = 'tjenestenokkel-for-test';

const rt = await seededStore();
const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', API_TOKENS: TOKEN });
const app = createApp({ ...rt, config, logger: silentLogger });
let server: ServerType;
let url = '';
beforeAll(async () => {
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await rt.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A data directory held by a live process (this one), as `npm start` holds it; `url` when it is a server. */
const heldDataDir = (name: string, serverUrl?: string) => held(dir, name, serverUrl);

const run = (script: string, args: string[], env: Record<string, string>) =>
  runScript(script, args, {
    env: offlineEnv(env),
  });

describe('npm run verify while a server holds the data directory', () => {
  it('checks the draft through POST /verify and prints the report a local run prints', async () => {
    const dataDir = heldDataDir('server', url);
    const out = await run('src/cli/verify.ts', [FIXTURE, '--org', 'Fagforbundet'], {
      DATA_DIR: dataDir,
      INNSPILL_TOKEN: TOKEN,
    });
    expect(out.stderr).not.toContain('brukes allerede');
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('MOTSAGT: Fagforbundet viser til at regjeringa oppgir at rundt 950 000');
    expect(out.stdout).toMatch(/Sitater: 7 — 5 ordrett, 1 normalisert, 1 feil kilde/);
  }, 60_000);

  it('without a token the server accepts: exit 3 and what to do', async () => {
    const out = await run('src/cli/verify.ts', [FIXTURE], { DATA_DIR: heldDataDir('server-no-token', url) });
    expect(out.code).toBe(3);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`Feil: serveren på ${url} krever en tilgangsnøkkel. Sett INNSPILL_TOKEN til`);
  }, 60_000);

  it('a data directory held by a process that is not a server, or a server that does not answer: exit 3', async () => {
    const busy = await run('src/cli/verify.ts', [FIXTURE], { DATA_DIR: heldDataDir('busy') });
    expect(busy.code).toBe(3);
    expect(busy.stderr).toMatch(/^Feil: Datamappen .* brukes allerede av innspill/);
    const gone = await run('src/cli/verify.ts', [FIXTURE], {
      DATA_DIR: heldDataDir('gone', 'http://127.0.0.1:1'),
    });
    expect(gone.code).toBe(3);
    expect(gone.stderr).toContain('Feil: fikk ikke kontakt med serveren på http://127.0.0.1:1');
  }, 60_000);

  it('refuses a file that is not UTF-8 with exit 2, as POST /verify refuses such a body', async () => {
    const latin1 = join(dir, 'latin1.md');
    writeFileSync(latin1, Buffer.from('Vi st\xf8tter dette.[^1]\n\n[^1]: [a-p001] \xabsitat\xbb\n', 'latin1'));
    const out = await run('src/cli/verify.ts', [latin1], { DATA_DIR: heldDataDir('latin1', url) });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      `Feil: ${latin1} er ikke UTF-8-tekst. Lagre utkastet som UTF-8 (Markdown) og prøv igjen.\n`,
    );
  }, 60_000);

  it('refuses a Word file with exit 2 and says to check the Markdown export instead', async () => {
    const docx = join(dir, 'utkast.docx');
    writeFileSync(docx, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]));
    const out = await run('src/cli/verify.ts', [docx], { DATA_DIR: heldDataDir('docx', url) });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`Feil: ${docx} er en Word-fil (DOCX). Kontroller Markdown-utgaven av utkastet`);
    expect(out.stderr).not.toContain('UTF-8');
  }, 60_000);

  it('names its exit codes in --help', async () => {
    const help = await run('src/cli/verify.ts', ['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Avslutningskoder:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 +kontrollen kunne ikke kjøres/);
  });
});

describe('npm run users while a server holds the data directory', () => {
  it('names an unknown command and the commands there are, before it opens the store', async () => {
    const out = await run('src/cli/users.ts', ['bogus'], { DATA_DIR: heldDataDir('users', url) });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^Feil: ukjent kommando «bogus»; kommandoene er add, list, token, revoke, role, /);
    expect(out.stderr).not.toContain('brukes allerede');
  });
});

describe('ingest and backup through a server that wants a token', () => {
  it('ingest names INNSPILL_TOKEN and stopping the server, not service tokens the README setup does not have', async () => {
    const file = join(dir, 'notat.txt');
    writeFileSync(file, 'Alfa mener at alle kommuner skal ha en egen plan for skolehelsetjenesten.');
    await expect(ingestViaServer(url, [file], { defaults: { organisation: 'Alfa' } })).rejects.toThrow(
      `${file}: serveren på ${url} krever en tilgangsnøkkel. Sett INNSPILL_TOKEN til en personlig nøkkel`,
    );
    await expect(
      ingestViaServer(url, [file], { defaults: { organisation: 'Alfa' }, token: 'feil-nokkel' }),
    ).rejects.toThrow(`serveren på ${url} godtok ikke nøkkelen. Sett INNSPILL_TOKEN`);
  });

  it('backup says what to do instead of a bare 401', async () => {
    const out = await run('src/cli/backup.ts', [join(dir, 'kopi.tar.gz')], { DATA_DIR: heldDataDir('backup', url) });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`Feil: serveren på ${url} krever en tilgangsnøkkel. Sett INNSPILL_TOKEN til`);
    expect(out.stderr).toContain('eller stopp serveren og kjør kommandoen igjen');
  }, 60_000);
});
