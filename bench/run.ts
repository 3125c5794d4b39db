/**
 * `npm run bench`: our store (PGlite + pgvector) against LangChain's MemoryVectorStore on corpora of real
 * Norwegian text, plus time to ready for `npm start`; with --database-url, the store on PostgreSQL itself too. Prints tables, writes bench/results/latest.json (and .md).
 * Each corpus size runs in child processes of its own so that peak RSS belongs to one store at one size.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCorpus } from './corpus.js';
import { describeMachine, loadAverageNow } from './machine.js';
import { publish, type Report } from './publish.js';
import { benchReady, type ReadyResult } from './ready.js';
import { saveBreakdown, type SaveVariant } from './save-breakdown.js';
import { ROOT } from './sources.js';
import { checkTargets, type SizeResults } from './targets.js';

const HELP = `
npm run bench -- [options]

  --sizes 10000,100000   corpus sizes in passages (default 10000,100000)
  --quick                smoke test: one 2,000-passage corpus (under a minute)
  --queries N            questions to time (default all 496: NorQuAD dev + seed questions; --quick: 100)
  --exact-queries N      questions for the exact scan above 20k passages (default 150; all below 20k)
  --skip-langchain       leave out LangChain's MemoryVectorStore
  --skip-ready           leave out time to ready for npm start
  --skip-breakdown       leave out the save-transaction breakdown (run at the smallest size; --quick leaves it out)
  --database-url URL     also run each size on PostgreSQL itself through pg (a server with pgvector; the bench
                         makes and drops a database of its own there; scripts/postgres.sh starts one)
  --strict               exit 1 when a target fails
  --from FILE            print and write the tables again from a saved results JSON (no measuring)
  --name NAME            write bench/results/NAME.json and NAME.md instead of latest.* (keep the committed
                         measurement of record when trying a change or a loaded machine)
  -h, --help             this text

Corpora are cached in bench/.cache. Results: bench/results/latest.json and latest.md (--quick: quick.json, quick.md; --name: NAME.json, NAME.md).
`;

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean' },
      queries: { type: 'string' },
      'exact-queries': { type: 'string' },
      'skip-langchain': { type: 'boolean' },
      'skip-ready': { type: 'boolean' },
      'skip-breakdown': { type: 'boolean' },
      strict: { type: 'boolean' },
      'database-url': { type: 'string' },
      from: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP.trimStart());
    process.exit(0);
  }
  const sizes = values.quick ? [2000] : (values.sizes ?? '10000,100000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((s) => !Number.isInteger(s) || s < 100))
    throw new Error(`--sizes: whole numbers ≥ 100, got ${values.sizes}`);
  if (values.name !== undefined && !/^[\w.-]+$/.test(values.name))
    throw new Error(`--name: letters, digits, '.', '-' and '_' only, got ${values.name}`);
  return {
    sizes,
    quick: Boolean(values.quick),
    queries: Number(values.queries ?? (values.quick ? 100 : 496)),
    exactQueries: Number(values['exact-queries'] ?? 150),
    langchain: !values['skip-langchain'],
    ready: !values['skip-ready'],
    breakdown: !values['skip-breakdown'] && !values.quick,
    strict: Boolean(values.strict),
    databaseUrl: values['database-url'],
    from: values.from,
    name: values.name ?? (values.quick ? 'quick' : 'latest'),
  };
}

/** Run a bench step in its own Node process (tsx loader), stderr passed through for progress. */
function child(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', file), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${file} exited with ${code}`))));
  });
}

async function runSize(size: number, opts: ReturnType<typeof options>, work: string): Promise<SizeResults> {
  const out: SizeResults = { size, errors: [] };
  const t = Date.now();
  const corpus = loadCorpus(size); // built once here, read from the cache by the children
  log(
    `corpus ${size}: ${corpus.passages} passages (${corpus.realPassages} real, the rest recombined real sentences), ${corpus.docs.length} documents`,
  );
  const exactFile = join(work, `exact-${size}.json`);
  try {
    const file = join(work, `pglite-${size}.json`);
    const exactArgs = size > 20_000 ? [String(opts.exactQueries)] : [];
    await child('pglite-size.ts', [String(size), file, exactFile, String(opts.queries), ...exactArgs]);
    out.pglite = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    out.errors.push(`pglite: ${(err as Error).message}`);
  }
  if (opts.langchain && existsSync(exactFile)) {
    try {
      const file = join(work, `langchain-${size}.json`);
      log(`[${size}] LangChain MemoryVectorStore`);
      await child('langchain-size.ts', [String(size), file, exactFile, String(opts.queries)]);
      out.langchain = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      out.errors.push(`langchain: ${(err as Error).message}`);
    }
  }
  if (opts.databaseUrl) {
    try {
      const file = join(work, `postgres-${size}.json`);
      log(`[${size}] PostgreSQL through pg`);
      await child('postgres-size.ts', [String(size), file, exactFile, String(opts.queries), opts.databaseUrl]);
      out.postgres = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      out.errors.push(`postgres: ${(err as Error).message}`);
    }
  }
  log(`[${size}] done in ${Math.round((Date.now() - t) / 1000)} s`);
  return out;
}

/** bench/ingest-formats.ts (PDF/DOCX pages/s) belongs to another step; run it when it is there. */
async function ingestFormats(): Promise<unknown> {
  const file = join(ROOT, 'bench/ingest-formats.ts');
  if (!existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { benchIngestFormats?: () => Promise<unknown> };
  return mod.benchIngestFormats ? await mod.benchIngestFormats() : undefined;
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);

async function main() {
  const opts = options();
  if (opts.from) {
    const saved = JSON.parse(readFileSync(opts.from, 'utf8')) as Report;
    const name = opts.from.replace(/^.*\//, '').replace(/\.json$/, '');
    publish({ ...saved, targets: checkTargets(saved.sizes, saved.ready) }, name);
    return;
  }
  const started = new Date();
  const machine = describeMachine();
  log(
    `bench on ${machine.cpus} CPUs, Node ${machine.node}, PGlite ${machine.pglite}; load average ${machine.loadAverageAtStart}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'innspill-bench-run-'));
  const sizes: SizeResults[] = [];
  for (const size of opts.sizes) sizes.push(await runSize(size, opts, work));
  rmSync(work, { recursive: true, force: true });

  let ready: ReadyResult | undefined;
  const errors = sizes.flatMap((s) => s.errors.map((e) => `${s.size}: ${e}`));
  if (opts.ready) {
    try {
      log('time to ready (npm start on an empty data dir)');
      ready = await benchReady();
    } catch (err) {
      errors.push(`ready: ${(err as Error).message}`);
    }
  }
  let breakdown: { size: number; variants: SaveVariant[] } | undefined;
  if (opts.breakdown) {
    const size = Math.min(...opts.sizes);
    try {
      log(`save-transaction breakdown at ${size} passages`);
      breakdown = { size, variants: await saveBreakdown(size) };
    } catch (err) {
      errors.push(`save-breakdown: ${(err as Error).message}`);
    }
  }
  let formats: unknown;
  try {
    formats = await ingestFormats();
  } catch (err) {
    errors.push(`ingest-formats: ${(err as Error).message}`);
  }

  const checks = checkTargets(sizes, ready);
  const seconds = Math.round((Date.now() - started.getTime()) / 1000);
  const report: Report = {
    command: process.argv.length > 2 ? `npm run bench -- ${process.argv.slice(2).join(' ')}` : 'npm run bench',
    startedAt: started.toISOString(),
    seconds,
    machine: { ...machine, loadAverageAtEnd: loadAverageNow() },
    sizes,
    saveBreakdown: breakdown,
    ready,
    ingestFormats: formats,
    targets: checks,
    errors,
  };
  publish(report, opts.name);
  if (errors.length || (opts.strict && checks.some((c) => !c.pass))) process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
