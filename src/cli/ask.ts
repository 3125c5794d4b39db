/** `npm run ask -- "spørsmål" [--org …]`: a short, cited, verified answer from the documents. */
import { draftingFromConfig } from '../bootstrap/drafting.js';
import { seedIfEmpty } from '../bootstrap/loadFiles.js';
import { openRuntime } from '../bootstrap/runtime.js';
import { loadConfig } from '../config/env.js';
import { AskRequestSchema, type AskEvent, type AskRequestInput, type AskResult } from '../draft/ask.js';
import { fieldErrorsFromZod } from '../fieldErrors.js';
import { createLogger } from '../log.js';
import { fail, failWith, parseCli } from './args.js';
import { failServer, serverDrafter, streamFromServer } from './serverCall.js';
import { cliToken, runningServer } from './serverClient.js';
import { verificationSummary } from './summary.js';

const HELP = `
Bruk: npm run ask -- "spørsmål" [valg]

Svarer kort på et spørsmål ut fra dokumentene i lageret, med kildehenvisning for hver setning, og kontrollerer
hvert sitat. Uten ANTHROPIC_API_KEY eller CHAT_BASE_URL er svaret setninger hentet ordrett fra dokumentene.

Når serveren kjører (npm start) og holder lageret, går spørsmålet gjennom den (POST /ask) med nøkkelen i
INNSPILL_TOKEN (ellers første nøkkel i API_TOKENS), med samme valg og samme utskrift. Da svarer serverens modell
og kontrollør (VERIFY_JUDGE), og svaret bygger bare på dokumentene nøkkelen gir tilgang til.

Valg:
  --org <navn>    svar bare ut fra denne organisasjonens dokumenter
  --nynorsk       svar på nynorsk
  --json          skriv hele svaret som JSON
  -h, --help      vis denne hjelpen

Avslutningskoder:
  0   svaret holder kontrollen
  1   et sitat eller en påstand holder ikke, eller en feil i lageret
  2   feil i bruken: ukjent valg eller ugyldig spørsmål
  3   svaret kunne ikke lages gjennom serveren: den svarte ikke, avviste nøkkelen eller feilet

Eksempel: npm run ask -- "Hva mener Fagforbundet om en offentlig skyløsning?" --org fagforbundet
`;

async function main() {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    { org: { type: 'string' }, nynorsk: { type: 'boolean' }, json: { type: 'boolean' } },
    HELP,
  );
  const question = positionals.join(' ').trim();
  if (!question) fail('skriv et spørsmål.\n' + HELP, 2);
  const input: AskRequestInput = { question, organisation: values.org, language: values.nynorsk ? 'nn' : 'nb' };
  // Checked here, before the store or the server: the same Norwegian reasons either way (not zod's raw issues).
  const parsed = AskRequestSchema.safeParse(input);
  if (!parsed.success) {
    const lines = fieldErrorsFromZod(parsed.error.issues).map((e) => `  ${e.field}: ${e.reason}`);
    fail(`ugyldig spørsmål:\n${lines.join('\n')}`, 2);
  }
  const config = loadConfig();
  // A server holds the data directory (store/pglite/lock.ts): the question goes through it, as verify does.
  const server = runningServer(config);
  const result = server
    ? await askViaServer(server, cliToken(config), input).catch(failServer)
    : await askLocally(config, input);
  if (values.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  if (result.extractive && result.answered)
    process.stdout.write('(Uttrekksbasert svar: setningene er hentet ordrett fra dokumentene.)\n\n');
  process.stdout.write(result.markdown + '\n');
  if (result.uncertain && result.message) process.stderr.write(`≈ ${result.message}\n`);
  process.stderr.write(verificationSummary(result.verification, result.dropped));
  process.exitCode = result.verification.ok ? 0 : 1;
}

/** The progress line a run prints when the passages are found, locally or through the server. */
function printRetrieval(e: AskEvent) {
  if (e.type === 'retrieval')
    process.stderr.write(
      `${e.passages.length} avsnitt hentet${e.relevant ? '' : e.outcome === 'uncertain' ? ', usikkert om de svarer' : ', ingen relevante'}.\n`,
    );
}

async function askLocally(config: ReturnType<typeof loadConfig>, input: AskRequestInput): Promise<AskResult> {
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const runtime = await openRuntime(config, { logger });
  try {
    await seedIfEmpty(runtime, config.SEED_DIR, { annMinPassages: config.ANN_MIN_PASSAGES });
    const { provider, asker } = draftingFromConfig(config, runtime, { logger });
    process.stderr.write(`Søker og svarer med ${provider.name} (${provider.model}) …\n`);
    return await asker.ask(input, { onEvent: printRetrieval });
  } finally {
    await runtime.db.close();
  }
}

/** POST /ask with `stream: true`: the same progress line from its `retrieval` event, the answer from `done`. */
async function askViaServer(server: string, token: string | undefined, input: AskRequestInput): Promise<AskResult> {
  const drafter = await serverDrafter(server);
  process.stderr.write(`Søker og svarer med ${drafter ? `${drafter} på ` : ''}serveren på ${server} …\n`);
  return streamFromServer<AskResult>(server, '/ask', {
    token,
    json: input,
    onEvent: (event, data) => event === 'retrieval' && printRetrieval(data as AskEvent),
  });
}

main().catch(failWith);
