/** `npm run search -- "spørsmål" [--org …] [--k 8]`: ranked passages with ids. */
import { openRuntime } from '../bootstrap/runtime.js';
import { loadConfig } from '../config/env.js';
import { createLogger } from '../log.js';
import { search, type SearchHit } from '../retrieve/search.js';
import { fail, failWith, parseCli } from './args.js';
import { callServer, failServer } from './serverCall.js';
import { cliToken, runningServer } from './serverClient.js';

const HELP = `
Bruk: npm run search -- "spørsmål" [valg]

Søker i lageret (vektorer + norsk fulltekst med BM25, slått sammen) og viser de beste avsnittene med id.

Valg:
  --org <navn>      bare dokumenter fra denne organisasjonen (kan gjentas)
  --kind <type>     bare denne dokumenttypen (kan gjentas)
  --k <antall>      hvor mange treff (standard 8, høyst 50)
  --mode <modus>    hybrid (standard) | vector | text
  --mmr <lambda>    spre treffene (0–1; 1 = av)
  --json            skriv treffene som JSON
  -h, --help        vis denne hjelpen

Når serveren kjører (npm start) og holder lageret, går søket gjennom den (POST /search) med nøkkelen i
INNSPILL_TOKEN (ellers første nøkkel i API_TOKENS), med samme valg og samme utskrift; da finner det bare
dokumentene nøkkelen gir tilgang til.

Avslutningskoder:
  0   søket ble gjort (også uten treff)
  1   en feil i lageret
  2   feil i bruken: ukjent valg eller ugyldig verdi
  3   søket kunne ikke gjøres gjennom serveren: den svarte ikke, avviste nøkkelen eller feilet
`;

async function main() {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    {
      org: { type: 'string', multiple: true },
      kind: { type: 'string', multiple: true },
      k: { type: 'string' },
      mode: { type: 'string' },
      mmr: { type: 'string' },
      json: { type: 'boolean' },
    },
    HELP,
  );
  const query = positionals.join(' ').trim();
  if (!query) fail('skriv et spørsmål.\n' + HELP, 2);
  const k = values.k === undefined ? 8 : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 50) fail('--k må være et heltall fra 1 til 50.', 2);
  const mode = (values.mode ?? 'hybrid') as 'hybrid' | 'vector' | 'text';
  if (!['hybrid', 'vector', 'text'].includes(mode)) fail('--mode må være hybrid, vector eller text.', 2);
  const mmrLambda = values.mmr === undefined ? undefined : Number(values.mmr);
  if (mmrLambda !== undefined && !(mmrLambda >= 0 && mmrLambda <= 1)) fail('--mmr må være et tall fra 0 til 1.', 2);
  const config = loadConfig();
  const filters = { query, k, organisations: values.org, kinds: values.kind, mode, mmrLambda };
  // A server holds the data directory (store/pglite/lock.ts): the search goes through it, as verify does.
  const server = runningServer(config);
  const hits = server
    ? await searchViaServer(server, cliToken(config), filters).catch(failServer)
    : await searchLocally(config, filters);
  if (values.json) {
    process.stdout.write(JSON.stringify(hits, null, 2) + '\n');
    return;
  }
  if (hits.length === 0) process.stdout.write('Ingen treff.\n');
  hits.forEach((h, i) => {
    const p = h.passage;
    const where = p.headingPath.length ? ` › ${p.headingPath.join(' › ')}` : '';
    process.stdout.write(
      `${i + 1}. [${p.id}] ${p.document.organisation}: ${p.document.title} (${p.document.date})${where}\n` +
        `   samlet ${h.scores.fused.toFixed(4)} · vektor #${h.scores.vectorRank ?? '–'} · tekst #${h.scores.textRank ?? '–'}\n` +
        `   ${p.text.replace(/\s+/g, ' ').slice(0, 240)}${p.text.length > 240 ? ' …' : ''}\n\n`,
    );
  });
}

interface Filters {
  query: string;
  k: number;
  organisations?: string[];
  kinds?: string[];
  mode: 'hybrid' | 'vector' | 'text';
  mmrLambda?: number;
}

async function searchLocally(config: ReturnType<typeof loadConfig>, filters: Filters): Promise<SearchHit[]> {
  const runtime = await openRuntime(config, { logger: createLogger('warn') });
  try {
    return await search(runtime.db, runtime.embedder, filters);
  } finally {
    await runtime.db.close();
  }
}

/** POST /search with the same filters; the hits come back in the shape a local search returns. */
async function searchViaServer(server: string, token: string | undefined, f: Filters): Promise<SearchHit[]> {
  const json = {
    query: f.query,
    k: f.k,
    mode: f.mode,
    ...(f.organisations ? { organisation: f.organisations } : {}),
    ...(f.kinds ? { kind: f.kinds } : {}),
    ...(f.mmrLambda === undefined ? {} : { mmr: f.mmrLambda }),
  };
  const res = await callServer(server, '/search', { token, json });
  return ((await res.json()) as { hits: SearchHit[] }).hits;
}

main().catch(failWith);
