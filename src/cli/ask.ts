/** `npm run ask -- "spørsmål" [--org …]`: a short, cited, verified answer from the documents. */
import { draftingFromConfig } from '../bootstrap/drafting.js';
import { seedIfEmpty } from '../bootstrap/loadFiles.js';
import { openRuntime } from '../bootstrap/runtime.js';
import { loadConfig } from '../config/env.js';
import { createLogger } from '../log.js';
import { fail, failWith, parseCli } from './args.js';
import { verificationSummary } from './summary.js';

const HELP = `
Bruk: npm run ask -- "spørsmål" [valg]

Svarer kort på et spørsmål ut fra dokumentene i lageret, med kildehenvisning for hver setning, og kontrollerer
hvert sitat. Uten ANTHROPIC_API_KEY eller CHAT_BASE_URL er svaret setninger hentet ordrett fra dokumentene.

Valg:
  --org <navn>    svar bare ut fra denne organisasjonens dokumenter
  --nynorsk       svar på nynorsk
  --json          skriv hele svaret som JSON
  -h, --help      vis denne hjelpen

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
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const runtime = await openRuntime(config, { logger });
  try {
    await seedIfEmpty(runtime, config.SEED_DIR, { annMinPassages: config.ANN_MIN_PASSAGES });
    const { provider, asker } = draftingFromConfig(config, runtime, { logger });
    process.stderr.write(`Søker og svarer med ${provider.name} (${provider.model}) …\n`);
    const result = await asker.ask(
      { question, organisation: values.org, language: values.nynorsk ? 'nn' : 'nb' },
      {
        onEvent: (e) =>
          e.type === 'retrieval' &&
          process.stderr.write(
            `${e.passages.length} avsnitt hentet${e.relevant ? '' : e.outcome === 'uncertain' ? ', usikkert om de svarer' : ', ingen relevante'}.\n`,
          ),
      },
    );
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
  } finally {
    await runtime.db.close();
  }
}

main().catch(failWith);
