/**
 * `npm run backup -- FILE`: a consistent backup of the store. When a server holds the data directory (its lock
 * records its URL), the server makes it (POST /admin/backup), since no second process may open the directory;
 * otherwise this process opens the store itself. PGlite gives a gzipped tarball, PostgreSQL pg_dump SQL.
 */
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../config/env.js';
import { dumpStore } from '../store/backup.js';
import { openDb } from '../store/db.js';
import { fail, failWith, parseCli } from './args.js';
import { cliToken, runningServer, tokenAdvice } from './serverClient.js';

const HELP = `
Bruk: npm run backup -- <fil>

Tar en sikkerhetskopi av hele lageret til <fil>: med PGlite (standard) en tar.gz av datamappen, med DATABASE_URL
SQL fra pg_dump (må finnes på PATH). Kan kjøres mens serveren går: da lager serveren kopien (POST /admin/backup)
med nøkkelen i INNSPILL_TOKEN (en administrators personlige nøkkel; ellers første nøkkel i API_TOKENS).
Mappen filen skal ligge i, lages om den mangler. Gjenopprett med npm run restore -- <fil>.

Eksempel: npm run backup -- kopier/innspill.tar.gz
`;

async function main() {
  const { positionals } = parseCli(process.argv.slice(2), {}, HELP);
  if (positionals.length !== 1) fail('oppgi én fil å skrive kopien til.\n' + HELP, 2);
  const file = positionals[0]!;
  const config = loadConfig();
  const tmp = `${file}.partial`;
  const server = runningServer(config);
  // The README's example writes to kopier/, which a fresh clone does not have: make it, as the user expects.
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (err) {
    fail(`kunne ikke lage mappen ${dirname(file)} (${(err as NodeJS.ErrnoException).code ?? 'ukjent feil'}).`);
  }
  try {
    if (server) {
      const token = cliToken(config);
      const res = await fetch(`${server}/admin/backup`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      if (res.status === 401 || res.status === 403) {
        const problem = (await res.json().catch(() => ({}))) as { detail?: string };
        fail(tokenAdvice(server, res.status, { sent: token !== undefined, detail: problem.detail }));
      }
      if (!res.ok || !res.body) {
        const problem = (await res.json().catch(() => ({}))) as { detail?: string; title?: string };
        fail(`serveren på ${server} svarte ${res.status}: ${problem.detail ?? problem.title ?? res.statusText}`);
      }
      await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(tmp));
    } else {
      const db = await openDb({
        databaseUrl: config.DATABASE_URL,
        dataDir: config.DATA_DIR,
        pgliteThread: config.PGLITE_THREAD,
      });
      try {
        const dump = await dumpStore(db, config.DATABASE_URL);
        await pipeline(dump.stream, createWriteStream(tmp));
      } finally {
        await db.close();
      }
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  process.stdout.write(`Sikkerhetskopi skrevet til ${file}${server ? ` (laget av serveren på ${server})` : ''}.\n`);
}

main().catch(failWith);
