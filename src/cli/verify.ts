/** `npm run verify -- utkast.md [--json] [--org Fagforbundet]`: check every citation of a Markdown draft. */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/env.js';
import { seedIfEmpty } from '../bootstrap/loadFiles.js';
import { openRuntime } from '../bootstrap/runtime.js';
import { createLogger } from '../log.js';
import { storePassageSource, verifyMarkdown, VerifyError } from '../verify/index.js';
import { formatReport } from '../verify/textReport.js';
import { exitCode, toAppError } from '../errors.js';
import { fail, failWith, parseCli } from './args.js';

const HELP = `
Bruk: npm run verify -- utkast.md [valg]

Kontrollerer hver setning i et utkast (Markdown med fotnoter) mot passasjene i lageret: at hvert sitat står
ordrett i passasjen det viser til, og at tall, nektelser, hvem som mener hva og innholdet stemmer med kilden.

Fotnoteformat:
  Setningen.[^1]
  [^1]: [passasje-id] «ordrett sitat»

Valg:
  --org <navn>   organisasjonen som skriver utkastet («vi» i teksten)
  --json         skriv rapporten som JSON
  -h, --help     vis denne hjelpen

Avslutter med kode 1 når et sitat eller en påstand ikke holder, 2 ved feil i bruken.
`;

async function main() {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    { org: { type: 'string' }, json: { type: 'boolean' } },
    HELP,
  );
  const file = positionals[0];
  if (!file || positionals.length > 1) fail('oppgi én Markdown-fil.\n' + HELP, 2);
  const md = await readFile(file, 'utf8').catch(() => fail(`fant ikke filen ${file}.`, 2));
  const config = loadConfig();
  const runtime = await openRuntime(config, { logger: createLogger('warn') });
  const { db } = runtime;
  try {
    // Like `npm start`: an empty store gets the seed corpus, so a fresh clone can verify drafts at once.
    const seeded = await seedIfEmpty(runtime, config.SEED_DIR, { annMinPassages: config.ANN_MIN_PASSAGES });
    if (seeded)
      process.stderr.write(`Lageret var tomt: leste inn ${seeded} dokumenter fra ${config.SEED_DIR}/.
`);
    const report = await verifyMarkdown(
      md,
      { source: storePassageSource(db) },
      values.org ? { organisation: values.org } : {},
    );
    process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, { title: file }));
    process.exitCode = report.ok ? 0 : 1;
  } catch (err) {
    // The field, which the one-line message of failWith leaves out, says where in the file the draft breaks.
    if (err instanceof VerifyError)
      fail(`${err.message}${err.field ? ` (${err.field})` : ''}`, exitCode(toAppError(err)));
    throw err;
  } finally {
    await db.close();
  }
}

main().catch(failWith);
