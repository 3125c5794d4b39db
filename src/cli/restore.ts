/** `npm run restore -- FILE [--data-dir DIR]`: a PGlite backup (`npm run backup`) into an empty directory. */
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/env.js';
import { restorePgliteBackup } from '../store/backup.js';
import { readLockHolder } from '../store/db.js';
import { fail, failWith, parseCli } from './args.js';

const HELP = `
Bruk: npm run restore -- <fil> [--data-dir <mappe>]

Gjenoppretter en sikkerhetskopi fra npm run backup til en tom (eller ny) mappe: DATA_DIR, eller mappen gitt med
--data-dir. En mappe med innhold røres ikke. En SQL-kopi fra PostgreSQL leses inn med psql i stedet.

Kan ikke kjøres mot en server som kjører: holder serveren (npm start) eller en annen innspill-prosess mappen,
stopper kommandoen uten å røre den (kode 4). Stopp serveren først, eller gjenopprett til en annen mappe.

Valg:
  --data-dir <mappe>  hvor lageret skal gjenopprettes (standard: DATA_DIR)
  -h, --help          vis denne hjelpen

Avslutningskoder:
  0   gjenopprettet
  1   en annen feil
  2   feil i bruken: filen finnes ikke, er ikke en sikkerhetskopi fra innspill, er en SQL-kopi, eller mappen
      er ikke tom
  4   mappen brukes av en server eller en annen innspill-prosess som kjører: stopp den først

Eksempel: npm run restore -- kopier/innspill.tar.gz --data-dir .data/gjenopprettet
`;

/** Its own code, so a script can tell "stop the server first" from a bad file (2) or another failure (1). */
const EXIT_IN_USE = 4;

async function main() {
  const { values, positionals } = parseCli(process.argv.slice(2), { 'data-dir': { type: 'string' } }, HELP);
  if (positionals.length !== 1) fail('oppgi én sikkerhetskopi å gjenopprette.\n' + HELP, 2);
  const file = positionals[0]!;
  if (!existsSync(file)) fail(`fant ikke filen ${file}.`, 2);
  const dataDir = values['data-dir'] ?? loadConfig().DATA_DIR;
  if (dataDir.startsWith('memory://')) fail('gjenopprett til en mappe på disk, ikke memory://.', 2);
  // NOTE: checked before anything else about the directory: a live server's store is never written under it.
  const holder = readLockHolder(dataDir);
  if (holder)
    fail(
      holder.url
        ? `serveren på ${holder.url} (pid ${holder.pid}) bruker ${dataDir}. Stopp serveren først (Ctrl-C der npm start ` +
            'kjører), og kjør npm run restore igjen; eller gjenopprett til en annen mappe med --data-dir.'
        : `${dataDir} brukes av en annen innspill-prosess (pid ${holder.pid}). Vent til den er ferdig eller stopp ` +
            'den, og kjør npm run restore igjen; eller gjenopprett til en annen mappe med --data-dir.',
      EXIT_IN_USE,
    );
  await restorePgliteBackup(file, dataDir);
  process.stdout.write(`Gjenopprettet ${file} til ${dataDir}. Start med DATA_DIR=${dataDir} npm start.\n`);
}

main().catch(failWith);
