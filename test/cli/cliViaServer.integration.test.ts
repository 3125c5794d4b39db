/**
 * `npm run draft`, `search` and `ask` while a server holds the data directory, and `restore` refusing it: the real
 * entry points in child processes, a real server on 127.0.0.1 (in-memory PGlite with the seeds) named in the
 * directory's lock as `npm start` names itself. On main each of the three stopped with «… brukes allerede»; now
 * they go through POST /drafts, /search and /ask and print what a local run prints. A second server whose service
 * token is only a reader shows the 403 advice; a run the server refuses exits 3.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { search } from '../../src/retrieve/search.js';
import { heldDataDir as held, offlineEnv, runScript } from '../helpers/cli.js';
import { seededStore } from '../helpers/runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-cli-server-'));
const TOKEN = 'tjenestenokkel-for-test';
const CONSULTATION = join('examples', 'consultation-digitalisering.yaml');

const rt = await seededStore();
const servers: ServerType[] = [];
/** A real server on a free port of 127.0.0.1 over the seeded store; `role` is its service token's role. */
async function start(role: 'admin' | 'reader'): Promise<string> {
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', API_TOKENS: TOKEN, API_TOKENS_ROLE: role });
  const app = createApp({ ...rt, config, logger: silentLogger });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
let url = '';
let readerUrl = '';
beforeAll(async () => {
  url = await start('admin');
  readerUrl = await start('reader');
});
afterAll(async () => {
  for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
  await rt.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A data directory held by a live process (this one), as `npm start` holds it; `url` when it is a server. */
const heldDataDir = (name: string, serverUrl?: string) => held(dir, name, serverUrl);

const run = (script: string, args: string[], env: Record<string, string>) =>
  runScript(script, args, {
    env: offlineEnv(env),
    maxBuffer: 10 * 1024 * 1024,
  });

describe('npm run search while a server holds the data directory', () => {
  it('searches through POST /search with the same flags and prints the hits a local search finds', async () => {
    const query = 'offentlig skyløsning';
    const out = await run('src/cli/search.ts', [query, '--org', 'Fagforbundet', '--k', '3', '--mode', 'text'], {
      DATA_DIR: heldDataDir('search', url),
      INNSPILL_TOKEN: TOKEN,
    });
    expect(out.stderr).not.toContain('brukes allerede');
    expect(out.code, out.stderr).toBe(0);
    const hits = await search(rt.db, rt.embedder, { query, k: 3, organisations: ['Fagforbundet'], mode: 'text' });
    expect(hits.length).toBeGreaterThan(0);
    const listed = [...out.stdout.matchAll(/^\d+\. \[([^\]]+)\] Fagforbundet: /gm)].map((m) => m[1]);
    expect(listed).toEqual(hits.map((h) => h.passage.id));
    expect(out.stdout).toMatch(/^ {3}samlet \d\.\d{4} · vektor #– · tekst #1$/m);
  }, 60_000);

  it('without a token the server accepts: exit 3 and which token to set', async () => {
    const out = await run('src/cli/search.ts', ['skyløsning'], { DATA_DIR: heldDataDir('search-no-token', url) });
    expect(out.code).toBe(3);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`Feil: serveren på ${url} krever en tilgangsnøkkel. Sett INNSPILL_TOKEN til`);
  }, 60_000);
});

describe('npm run ask while a server holds the data directory', () => {
  it('asks through POST /ask and prints the progress line, the cited answer and the check', async () => {
    const out = await run(
      'src/cli/ask.ts',
      ['Hva mener Fagforbundet om en offentlig skyløsning?', '--org', 'Fagforbundet'],
      {
        DATA_DIR: heldDataDir('ask', url),
        INNSPILL_TOKEN: TOKEN,
      },
    );
    expect(out.stderr).not.toContain('brukes allerede');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain(`Søker og svarer med extractive`);
    expect(out.stderr).toContain(`serveren på ${url} …\n`);
    expect(out.stderr).toMatch(/^\d+ avsnitt hentet\.$/m);
    expect(out.stderr).toMatch(/^Kontroll: OK – \d+ setninger?/m);
    expect(out.stdout).toContain('(Uttrekksbasert svar: setningene er hentet ordrett fra dokumentene.)');
    expect(out.stdout).toMatch(/\[\^1\]: \[[^\]]+\] «/);
  }, 60_000);

  it("a question too short: exit 2 naming the field, as without a server (not zod's raw issues)", async () => {
    const envs: Record<string, string>[] = [
      { DATA_DIR: heldDataDir('ask-short', url), INNSPILL_TOKEN: TOKEN },
      { DATA_DIR: 'memory://' },
    ];
    for (const env of envs) {
      const out = await run('src/cli/ask.ts', ['ab'], env);
      expect(out.code).toBe(2);
      expect(out.stderr).toBe('Feil: ugyldig spørsmål:\n  question: spørsmålet må ha minst 3 tegn\n');
    }
  }, 60_000);

  it('--json prints the whole answer as the route gives it', async () => {
    const out = await run('src/cli/ask.ts', ['Hva mener Fagforbundet om en offentlig skyløsning?', '--json'], {
      DATA_DIR: heldDataDir('ask-json', url),
      INNSPILL_TOKEN: TOKEN,
    });
    expect(out.code, out.stderr).toBe(0);
    const answer = JSON.parse(out.stdout) as { question: string; verification: { ok: boolean } };
    expect(answer.question).toBe('Hva mener Fagforbundet om en offentlig skyløsning?');
    expect(answer.verification.ok).toBe(true);
  }, 60_000);
});

describe('npm run draft while a server holds the data directory', () => {
  it('drafts through POST /drafts: the same progress lines, the Markdown export in --out, saved on the server', async () => {
    const file = join(dir, 'utkast.md');
    const out = await run('src/cli/draft.ts', [CONSULTATION, '--org', 'Fagforbundet', '--out', file], {
      DATA_DIR: heldDataDir('draft', url),
      INNSPILL_TOKEN: TOKEN,
    });
    expect(out.stderr).not.toContain('brukes allerede');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`serveren på ${url} for Fagforbundet …\n`);
    expect(out.stderr).toMatch(/^Innledning: \d+ avsnitt hentet, /m);
    for (const n of [1, 2, 3]) expect(out.stderr).toMatch(new RegExp(`^Spørsmål ${n}/3: \\d+ avsnitt hentet, `, 'm'));
    const saved = /Lagret som utkast (\S+) \(versjon 1\) på \d+\.\d\d s\. Skrev (.+)\.\n$/.exec(out.stderr);
    expect(saved, out.stderr).not.toBeNull();
    expect(saved![2]).toBe(file);
    const exported = await fetch(`${url}/drafts/${saved![1]}/export?format=md`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(exported.status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(await exported.text());
  }, 120_000);

  it('writes a DOCX høringssvar when --out ends in .docx', async () => {
    const file = join(dir, 'utkast.docx');
    const out = await run('src/cli/draft.ts', [CONSULTATION, '--org', 'Fagforbundet', '--out', file], {
      DATA_DIR: heldDataDir('draft-docx', url),
      INNSPILL_TOKEN: TOKEN,
    });
    expect(out.code, out.stderr).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK'); // a zip, as every .docx is
  }, 120_000);

  it('a token that may not draft (a reader): exit 3 and what to set, nothing written', async () => {
    const file = join(dir, 'ikke.md');
    const out = await run('src/cli/draft.ts', [CONSULTATION, '--org', 'Fagforbundet', '--out', file], {
      DATA_DIR: heldDataDir('draft-reader', readerUrl),
      INNSPILL_TOKEN: TOKEN,
    });
    expect(out.code).toBe(3);
    expect(out.stderr).toContain(`Feil: serveren på ${readerUrl} godtok nøkkelen, men den gir ikke tilgang til dette`);
    expect(out.stderr).toContain('Sett INNSPILL_TOKEN til nøkkelen til en bruker med rett rolle');
    expect(() => readFileSync(file)).toThrow();
  }, 60_000);
});

describe('the same output as a local run', () => {
  it('draft and ask print what they print with no server, on the same seeded corpus', async () => {
    const local = join(dir, 'lokal'); // no lock: the command opens (and seeds) the store itself
    for (const [script, args] of [
      ['src/cli/draft.ts', [CONSULTATION, '--org', 'Fagforbundet']],
      ['src/cli/ask.ts', ['Hva mener Fagforbundet om kunstig intelligens?', '--org', 'Fagforbundet']],
    ] as const) {
      const alone = await run(script, [...args], { DATA_DIR: local });
      const beside = await run(script, [...args], { DATA_DIR: heldDataDir('samme', url), INNSPILL_TOKEN: TOKEN });
      expect(beside.code, beside.stderr).toBe(alone.code);
      expect(beside.stdout).toBe(alone.stdout);
      // The progress lines and the check, apart from the first line (who writes) and the saved draft's id and time.
      const body = (stderr: string) =>
        stderr
          .split('\n')
          .slice(1)
          .filter((l) => !l.startsWith('Lagret som utkast'));
      expect(body(beside.stderr)).toEqual(body(alone.stderr));
    }
  }, 180_000);
});

describe('a DOCX drafted with no server', () => {
  it("carries the review summary, as the server's export does", async () => {
    const file = join(dir, 'lokalt.docx');
    const out = await run('src/cli/draft.ts', [CONSULTATION, '--org', 'Fagforbundet', '--out', file], {
      DATA_DIR: join(dir, 'lokal-docx'),
    });
    expect(out.code, out.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toMatch(/Kildekontroll: /);
  }, 180_000);
});

describe('npm run restore and a running server', () => {
  it('refuses the directory a server holds with its own exit code, saying to stop the server first', async () => {
    const backup = join(dir, 'kopi.tar.gz');
    writeFileSync(backup, 'ikke en ekte kopi');
    const dataDir = heldDataDir('restore', url);
    const out = await run('src/cli/restore.ts', [backup, '--data-dir', dataDir], {});
    expect(out.code).toBe(4);
    expect(out.stderr).toBe(
      `Feil: serveren på ${url} (pid ${process.pid}) bruker ${dataDir}. Stopp serveren først (Ctrl-C der npm start ` +
        'kjører), og kjør npm run restore igjen; eller gjenopprett til en annen mappe med --data-dir.\n',
    );
  }, 60_000);
});

describe('--help says each command works beside a running server', () => {
  it.each(['draft', 'search', 'ask'])('npm run %s -- --help', async (command) => {
    const help = await run(`src/cli/${command}.ts`, ['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Når serveren kjører (npm start) og holder lageret');
    expect(help.stdout).toContain('INNSPILL_TOKEN');
    expect(help.stdout).toMatch(/\n {2}3 +\S.*gjennom serveren/);
  });
});
