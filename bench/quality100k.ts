/**
 * `npm run bench:quality`: retrieval quality and time of hybrid search on a large store, by the text leg's
 * candidate budget (src/retrieve/textTerms.ts). The store is the bench corpus of N passages (bench/corpus.ts: the
 * real documents, NorQuAD's 755 passages among them, then recombined real sentences), built once into a data
 * directory and reused: the HNSW build alone takes 8+ minutes at 100k on two cores.
 *
 * Quality is NorQuAD dev's 472 questions against their own passage among the filler, two ways:
 * - gold document: the NorQuAD passage the question was written on (as `npm run eval:retrieval` counts it);
 * - answer in passage: the first hit whose text holds the answer. The filler recombines real sentences, NorQuAD's
 *   too, so a filler passage can hold the answer as well; this counts it.
 * Time is per question, wall and CPU (process.cpuUsage: PGlite's worker thread included), over --runs passes with
 * the budgets interleaved per question, so a load spike from other processes falls on all of them alike.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LocalEmbedder } from '../src/embed/local.js';
import { candidatePool, search, textLeg, vectorLeg } from '../src/retrieve/search.js';
import { candidateBudget } from '../src/retrieve/textTerms.js';
import { ensureAnnIndex, tuneEfSearch } from '../src/store/ann.js';
import { openPglite, type Db } from '../src/store/db.js';
import { ensureEmbedder } from '../src/store/embeddings.js';
import { migrate } from '../src/store/migrate.js';
import { firstGoldRank, rankMetrics, type RankMetrics } from '../evals/lib/metrics.js';
import { loadCorpus } from './corpus.js';
import { benchIngest, type IngestResult } from './ingest.js';
import { readJsonl, readSources, ROOT } from './sources.js';
import { cpuMs, latency, timed, type Latency } from './stats.js';

const HELP = `
npm run bench:quality -- [options]

  --passages N       store size in passages (default 100000)
  --data-dir DIR     where the store is built and reused (default bench/.cache/quality-<N>)
  --rebuild          build the store again even when DIR holds one
  --budgets LIST     text-leg candidate budgets, "unbounded" for none, "shipped" for candidateBudget(N); a "+vec"
                     suffix also scores the vector leg's hits in the text leg, "-vec" does not (the default for a
                     bare budget: the hybrid search's own default) (default 1000,1500,2000,unbounded)
  --runs N           timed passes over the questions (default 3; quality comes from the first)
  --questions N      only the first N NorQuAD dev questions (default all 472)
  --out NAME         write bench/results/NAME.json and .md (default quality-<N>-<date>)
  -h, --help         this text

The first run ingests the corpus (the ingest rate is reported), builds HNSW and runs VACUUM ANALYZE, then closes
the store; every run opens it as npm start does and measures. Re-run the timing only: the same command again.
`;

interface Question {
  id: string;
  question: string;
  /** The bench corpus's document id of the NorQuAD passage the question was written on. */
  gold: string;
  answers: string[];
}

interface Variant {
  /** null: unbounded; 'shipped': the search's own default (textTerms.ts candidateBudget). */
  budget: number | null | 'shipped';
  /** Vector-leg hits scored in the text leg too (SearchOptions.scoreVectorHits); undefined: search()'s default. */
  vectorHits?: boolean;
}

interface BudgetResult extends Variant {
  hybrid: { document: RankMetrics; answer: RankMetrics; wall: Latency; cpu: Latency };
  text: { document: RankMetrics; answer: RankMetrics; wall: Latency; cpu: Latency };
}

function options() {
  const { values } = parseArgs({
    options: {
      passages: { type: 'string' },
      'data-dir': { type: 'string' },
      rebuild: { type: 'boolean' },
      budgets: { type: 'string' },
      runs: { type: 'string' },
      questions: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP.trimStart());
    process.exit(0);
  }
  const passages = Number(values.passages ?? 100_000);
  if (!Number.isInteger(passages) || passages < 1000) throw new Error(`--passages: a whole number ≥ 1000`);
  const budgets = (values.budgets ?? '1000,1500,2000,unbounded').split(',').map((b): Variant => {
    const m = /^(.*?)([+-]vec)?$/.exec(b.trim())!;
    const vectorHits = m[2] === undefined ? undefined : m[2] === '+vec';
    const t = m[1];
    if (t === 'unbounded') return { budget: null, vectorHits };
    if (t === 'shipped') return { budget: 'shipped', vectorHits };
    const n = Number(t);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--budgets: whole numbers, "shipped" or "unbounded", got ${t}`);
    return { budget: n, vectorHits };
  });
  return {
    passages,
    dataDir: values['data-dir'] ?? join(ROOT, 'bench/.cache', `quality-${passages}`),
    rebuild: Boolean(values.rebuild),
    budgets,
    runs: Math.max(1, Number(values.runs ?? 3)),
    questions: values.questions ? Number(values.questions) : Infinity,
    out: values.out ?? `quality-${passages}-${new Date().toISOString().slice(0, 10)}`,
  };
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const MARKER = 'quality-store.json';

/** Ingest the corpus, build HNSW, VACUUM ANALYZE; records the ingest figures beside the store. */
async function build(dataDir: string, passages: number, embedder: LocalEmbedder): Promise<IngestResult> {
  const corpus = loadCorpus(passages);
  mkdirSync(dataDir, { recursive: true });
  const db = await openPglite(dataDir);
  try {
    await migrate(db);
    await ensureEmbedder(db, embedder);
    log(`ingest ${corpus.passages} passages`);
    const ingest = await benchIngest(db, embedder, corpus);
    log(`ingest: ${ingest.passagesPerSecond} passages/s (${ingest.passagesPerCpuSecond} per CPU-s)`);
    log('build HNSW');
    const hnsw = await timed(() => ensureAnnIndex(db, { minPassages: 0 }));
    log(`HNSW: ${Math.round(hnsw.seconds)} s; VACUUM ANALYZE`);
    await db.exec('VACUUM ANALYZE');
    writeFileSync(
      join(dataDir, MARKER),
      JSON.stringify({ passages: corpus.passages, corpus: corpus.file, ingest, hnswSeconds: hnsw.seconds }, null, 2),
    );
    return ingest;
  } finally {
    await db.close();
  }
}

/** NorQuAD dev with each question's gold passage as the bench corpus names its document (corpus.ts realDocs). */
function norquadQuestions(limit: number): Question[] {
  const sources = readSources();
  const passages = readJsonl<{ id: string }>(join(ROOT, 'evals/data/norquad/passages.jsonl'));
  const first = sources.findIndex((s) => s.source === 'norquad');
  const docOf = new Map(passages.map((p, j) => [p.id, `norquad-${String(first + j).padStart(5, '0')}`]));
  return readJsonl<{ id: string; question: string; passage_id: string; answers: { text: string }[] }>(
    join(ROOT, 'evals/data/norquad/dev.jsonl'),
  )
    .slice(0, limit)
    .map((q) => ({
      id: q.id,
      question: q.question,
      gold: docOf.get(q.passage_id)!,
      answers: q.answers.map((a) => a.text),
    }));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

/** 1-based rank of the first hit holding an answer, within 10 passages. */
function answerRank(texts: string[], answers: string[]): number | null {
  const wanted = answers.map(squash).filter(Boolean);
  const i = texts.slice(0, 10).findIndex((t) => wanted.some((a) => squash(t).includes(a)));
  return i < 0 ? null : i + 1;
}

/** Quality: as the retrieval eval asks, ten distinct documents after deduplication. */
const K = 30;
/** Time: a search as the bench and the page ask for it (bench/search.ts K). */
const SERVED_K = 10;

async function measure(
  db: Db,
  embedder: LocalEmbedder,
  questions: Question[],
  budgets: Variant[],
  runs: number,
  passages: number,
) {
  const unbounded = Number.MAX_SAFE_INTEGER;
  const per = budgets.map(() => ({
    hybrid: { doc: [] as (number | null)[], ans: [] as (number | null)[], ms: [] as number[], cpu: [] as number[] },
    text: { doc: [] as (number | null)[], ans: [] as (number | null)[], ms: [] as number[], cpu: [] as number[] },
  }));
  for (const q of questions.slice(0, 20)) await search(db, embedder, { query: q.question, k: SERVED_K });
  for (let run = 0; run < runs; run++) {
    log(`pass ${run + 1}/${runs} (load average ${loadavg()[0].toFixed(2)})`);
    for (const [n, q] of questions.entries()) {
      // Rotate the budgets' order per question so none always runs first (warm caches) or last.
      for (let j = 0; j < budgets.length; j++) {
        const b = (j + n + run) % budgets.length;
        const given = budgets[b].budget;
        const textBudget = given === 'shipped' ? undefined : (given ?? unbounded);
        const scoreVectorHits = budgets[b].vectorHits;
        const slot = per[b];
        let c = process.cpuUsage();
        let t = performance.now();
        await search(db, embedder, { query: q.question, k: SERVED_K, textBudget, scoreVectorHits });
        slot.hybrid.ms.push(performance.now() - t);
        slot.hybrid.cpu.push(cpuMs(c));
        const also =
          scoreVectorHits === false
            ? undefined
            : (await vectorLeg(db, await embedder.embedQuery(q.question), candidatePool(10))).map((h) => h.id);
        c = process.cpuUsage();
        t = performance.now();
        await textLeg(db, q.question, candidatePool(10), {}, { budget: textBudget, also });
        slot.text.ms.push(performance.now() - t);
        slot.text.cpu.push(cpuMs(c));
        if (run > 0) continue;
        const quality = { query: q.question, k: K, textBudget, scoreVectorHits, understandQuery: false };
        const hits = await search(db, embedder, quality);
        // The text leg alone at the budget the hybrid search gave it.
        const legBudget = textBudget ?? candidateBudget(passages, { withVectorHits: scoreVectorHits !== false });
        const texts = await search(db, embedder, { ...quality, mode: 'text' as const, textBudget: legBudget });
        for (const [leg, list] of [
          ['hybrid', hits],
          ['text', texts],
        ] as const) {
          slot[leg].doc.push(
            firstGoldRank(
              list.map((h) => h.passage.documentId),
              new Set([q.gold]),
              10,
            ),
          );
          slot[leg].ans.push(
            answerRank(
              list.map((h) => h.passage.text),
              q.answers,
            ),
          );
        }
      }
    }
  }
  return budgets.map((variant, b): BudgetResult => {
    const s = per[b];
    const leg = (l: (typeof s)['hybrid']) => ({
      document: rankMetrics(l.doc),
      answer: rankMetrics(l.ans),
      wall: latency(l.ms),
      cpu: latency(l.cpu),
    });
    return { ...variant, hybrid: leg(s.hybrid), text: leg(s.text) };
  });
}

const f3 = (x: number) => x.toFixed(3);

function markdown(r: {
  passages: number;
  questions: number;
  runs: number;
  load: { start: number[]; end: number[] };
  ingest: IngestResult;
  results: BudgetResult[];
  startedAt: string;
}): string {
  const rows = r.results.flatMap((b) =>
    (['hybrid', 'text'] as const).map((leg) => {
      const x = b[leg];
      const m = (k: RankMetrics) => `${f3(k.recallAt1)} / ${f3(k.recallAt5)} / ${f3(k.mrr)}`;
      const budget =
        b.budget === null
          ? 'unbounded'
          : b.budget === 'shipped'
            ? `shipped (${candidateBudget(r.passages, { withVectorHits: b.vectorHits !== false })})`
            : b.budget.toLocaleString('en');
      return `| ${budget}${b.vectorHits === undefined ? '' : b.vectorHits ? ' + vector hits' : ' alone'} | ${leg} | ${m(x.document)} | ${m(x.answer)} | ${x.wall.p50} / ${x.wall.p95} | ${x.cpu.p50} / ${x.cpu.p95} |`;
    }),
  );
  return [
    `innspill bench:quality — ${r.passages.toLocaleString('en')} passages, NorQuAD dev ${r.questions} questions, ${r.runs} timed passes, ${r.startedAt}`,
    `load average (1/5/15 min) ${r.load.start.map((x) => x.toFixed(2)).join(' ')} → ${r.load.end.map((x) => x.toFixed(2)).join(' ')}; ingest when built ${r.ingest.passagesPerSecond} passages/s (${r.ingest.passagesPerCpuSecond} per CPU-s)`,
    '',
    '| budget | search | gold document R@1 / R@5 / MRR | answer in passage R@1 / R@5 / MRR | wall ms p50 / p95 | CPU ms p50 / p95 |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    'Time: hybrid is search() as served (k 10: both legs, fusion, passage fetch), text the text leg alone as hybrid search runs it. Quality: hybrid search, and text-only search at the budget hybrid search gave the text leg (k 30, ten distinct documents).',
    '',
  ].join('\n');
}

async function main() {
  const opts = options();
  const startedAt = new Date().toISOString();
  const start = loadavg();
  const embedder = new LocalEmbedder();
  const marker = join(opts.dataDir, MARKER);
  if (opts.rebuild || !existsSync(marker)) {
    if (existsSync(opts.dataDir) && !existsSync(marker) && !opts.rebuild)
      throw new Error(`${opts.dataDir} exists without ${MARKER} (a build cut short?): remove it or pass --rebuild`);
    if (opts.rebuild) (await import('node:fs')).rmSync(opts.dataDir, { recursive: true, force: true });
    await build(opts.dataDir, opts.passages, embedder);
  }
  const saved = JSON.parse(readFileSync(marker, 'utf8')) as { passages: number; ingest: IngestResult };
  if (saved.passages !== opts.passages)
    throw new Error(`${opts.dataDir} holds ${saved.passages} passages, not ${opts.passages}: pass --rebuild`);
  const questions = norquadQuestions(opts.questions);
  log(`measure ${questions.length} questions × budgets ${opts.budgets.map((b) => JSON.stringify(b)).join(', ')}`);
  const db = await openPglite(opts.dataDir);
  let results: BudgetResult[];
  try {
    await ensureEmbedder(db, embedder);
    await tuneEfSearch(db);
    results = await measure(db, embedder, questions, opts.budgets, opts.runs, opts.passages);
  } finally {
    await db.close();
  }
  const report = {
    command: `npm run bench:quality -- ${process.argv.slice(2).join(' ')}`.trim(),
    startedAt,
    passages: opts.passages,
    questions: questions.length,
    runs: opts.runs,
    load: { start, end: loadavg() },
    ingest: saved.ingest,
    results,
  };
  const md = markdown(report);
  process.stdout.write(md);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results', `${opts.out}.json`), JSON.stringify(report, null, 2));
  writeFileSync(join(ROOT, 'bench/results', `${opts.out}.md`), md);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
