/** `npm run restore -- FILE [--data-dir DIR]`: a PGlite backup (`npm run backup`) into an empty directory. */
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/env.js';
import { restorePgliteBackup } from '../store/backup.js';
import { fail, failWith, parseCli } from './args.js';

const HELP = `
Bruk: npm run restore -- <fil> [--data-dir <mappe>]

Gjenoppretter en sikkerhetskopi fra npm run backup til en tom (eller ny) mappe: DATA_DIR, eller mappen gitt med
--data-dir. En mappe med innhold røres ikke. En SQL-kopi fra PostgreSQL leses inn med psql i stedet.

Valg:
  --data-dir <mappe>  hvor lageret skal gjenopprettes (standard: DATA_DIR)
  -h, --help          vis denne hjelpen

Eksempel: npm run restore -- kopier/innspill.tar.gz --data-dir .data/gjenopprettet
`;

async function main() {
  const { values, positionals } = parseCli(process.argv.slice(2), { 'data-dir': { type: 'string' } }, HELP);
  if (positionals.length !== 1) fail('oppgi én sikkerhetskopi å gjenopprette.\n' + HELP, 2);
  const file = positionals[0]!;
  if (!existsSync(file)) fail(`fant ikke filen ${file}.`, 2);
  const dataDir = values['data-dir'] ?? loadConfig().DATA_DIR;
  if (dataDir.startsWith('memory://')) fail('gjenopprett til en mappe på disk, ikke memory://.', 2);
  await restorePgliteBackup(file, dataDir);
  process.stdout.write(`Gjenopprettet ${file} til ${dataDir}. Start med DATA_DIR=${dataDir} npm start.\n`);
}

main().catch(failWith);
