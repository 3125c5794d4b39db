/** `npm run verify -- utkast.md [--json] [--org Fagforbundet]`: check every citation of a Markdown draft. */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/env.js';
import { seedIfEmpty } from '../bootstrap/loadFiles.js';
import { openRuntime } from '../bootstrap/runtime.js';
import { exitCode, toAppError } from '../errors.js';
import { createLogger } from '../log.js';
import { storePassageSource, verifyMarkdown, VerifyError, type VerificationReport } from '../verify/index.js';
import { formatReport } from '../verify/textReport.js';
import { fail, parseCli } from './args.js';
import { cliToken, runningServer } from './serverClient.js';
import { verifyViaServer } from './verifyViaServer.js';

/** Exit codes, so a script can tell a draft with faults from a check that could not be made. */
const EXIT = { ok: 0, faults: 1, usage: 2, couldNotRun: 3 } as const;

const HELP = `
Bruk: npm run verify -- utkast.md [valg]

Kontrollerer hver setning i et utkast (Markdown med fotnoter) mot passasjene i lageret: at hvert sitat står
ordrett i passasjen det viser til, og at tall, nektelser, hvem som mener hva og innholdet stemmer med kilden.
Et utkast lastet ned fra innspill (npm run draft --out, eller eksport som Markdown) kan kontrolleres som det er:
merknaden og kildekontrollen under tittelen og merkene foran setningene («[≈ må kontrolleres]») er ikke tekst.

Når serveren kjører (npm start) og holder lageret, går kontrollen gjennom den (POST /verify) med nøkkelen i
INNSPILL_TOKEN (ellers første nøkkel i API_TOKENS); da ser den bare dokumentene nøkkelen gir tilgang til.

Fotnoteformat:
  Setningen.[^1]
  [^1]: [passasje-id] «ordrett sitat»

Valg:
  --org <navn>   organisasjonen som skriver utkastet («vi» i teksten)
  --json         skriv rapporten som JSON
  -h, --help     vis denne hjelpen

Avslutningskoder:
  0   alle sitater og påstander holder
  1   et sitat eller en påstand holder ikke (se rapporten)
  2   feil i bruken: ukjent valg, filen finnes ikke, er en Word-fil, er ikke UTF-8-tekst eller er ikke et gyldig utkast
  3   kontrollen kunne ikke kjøres: lageret er i bruk av en annen prosess, serveren svarte ikke eller avviste
      nøkkelen, eller en annen feil
`;

async function main() {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    { org: { type: 'string' }, json: { type: 'boolean' } },
    HELP,
  );
  const file = positionals[0];
  if (!file || positionals.length > 1) fail('oppgi én Markdown-fil.\n' + HELP, EXIT.usage);
  const md = await readText(file);
  const organisation = values.org;
  const config = loadConfig();

  // A server holds the data directory (store/pglite/lock.ts): the draft goes through it, as ingest and backup do.
  const server = runningServer(config);
  let report: VerificationReport;
  if (server) {
    const out = await verifyViaServer(server, { markdown: md, organisation, token: cliToken(config) });
    if (out.kind === 'invalid') fail(out.message, EXIT.usage);
    if (out.kind === 'failed') fail(out.message, EXIT.couldNotRun);
    report = out.report;
  } else report = await verifyLocally(md, config, organisation);

  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, { title: file }));
  process.exitCode = report.ok ? EXIT.ok : EXIT.faults;
}

/** The file as UTF-8 text; anything else is refused as POST /verify refuses it (bad_request:encoding). */
async function readText(file: string): Promise<string> {
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) =>
    fail(err.code === 'EISDIR' ? `${file} er en mappe, ikke en fil.` : `fant ikke filen ${file}.`, EXIT.usage),
  );
  // A Word file (a zip: «PK») is not read here: the Markdown export carries the quotes and passage ids to check.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    fail(
      `${file} er en Word-fil (DOCX). Kontroller Markdown-utgaven av utkastet: last den ned med «Last ned: Markdown» i nettsiden eller GET /drafts/{id}/export?format=md, og kjør verify på den.`,
      EXIT.usage,
    );
  let md: string;
  try {
    md = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(`${file} er ikke UTF-8-tekst. Lagre utkastet som UTF-8 (Markdown) og prøv igjen.`, EXIT.usage);
  }
  if (md.trim() === '') fail(`${file} er tom: utkastet kan ikke være tomt.`, EXIT.usage);
  return md;
}

async function verifyLocally(
  md: string,
  config: ReturnType<typeof loadConfig>,
  organisation: string | undefined,
): Promise<VerificationReport> {
  const runtime = await openRuntime(config, { logger: createLogger('warn') });
  const { db } = runtime;
  try {
    // Like `npm start`: an empty store gets the seed corpus, so a fresh clone can verify drafts at once.
    const seeded = await seedIfEmpty(runtime, config.SEED_DIR, { annMinPassages: config.ANN_MIN_PASSAGES });
    if (seeded)
      process.stderr.write(
        `Lageret var tomt: leste inn ${seeded} ${seeded === 1 ? 'dokument' : 'dokumenter'} fra ${config.SEED_DIR}/.\n`,
      );
    return await verifyMarkdown(md, { source: storePassageSource(db) }, organisation ? { organisation } : {});
  } catch (err) {
    // The field, which the one-line message of failWith leaves out, says where in the file the draft breaks.
    if (err instanceof VerifyError)
      fail(
        `${err.message}${err.field ? ` (${err.field})` : ''}`,
        exitCode(toAppError(err)) === 2 ? EXIT.usage : EXIT.couldNotRun,
      );
    throw err;
  } finally {
    await db.close();
  }
}

// Anything else (the data directory held by another process, a store that will not open): the check was not made.
main().catch((err: unknown) => {
  const appErr = toAppError(err);
  fail(appErr.detail ?? (err instanceof Error ? err.message : String(err)), EXIT.couldNotRun);
});
