/** Turns a bench run into tables: plain text for the terminal, Markdown for bench/results/*.md and BENCHMARKS.md. */
import { table } from '../evals/lib/table.js';
import type { Latency } from './stats.js';
import { shippedSearch, type SizeResults, type TargetCheck } from './targets.js';
import type { ReadyResult, StartResult } from './ready.js';
import type { SaveVariant } from './save-breakdown.js';
import {
  CANDIDATE_BUDGET,
  CANDIDATE_MIN,
  CANDIDATE_SHARE,
  HYBRID_CANDIDATE_BUDGET,
} from '../src/retrieve/textTerms.js';

export interface Section {
  title: string;
  headers: string[];
  rows: string[][];
}

const n = (x: number) => x.toLocaleString('en');
const ms = (l: Latency | undefined) => (l ? [String(l.p50), String(l.p95), String(l.p99)] : ['–', '–', '–']);
const cpu = (l: Latency | undefined) => (l ? [String(l.p50), String(l.p95)] : ['–', '–']);

export function sections(
  sizes: SizeResults[],
  ready: ReadyResult | undefined,
  checks: TargetCheck[],
  breakdown?: { size: number; variants: SaveVariant[] },
  formats?: unknown,
): Section[] {
  const out: Section[] = [];
  out.push({
    title: 'Ingest (passages/s; seconds per phase)',
    headers: [
      'passages',
      'ingest /s',
      'per CPU-s',
      'total s',
      'cut s',
      'check s',
      'embed s',
      'save s',
      'embedder only /s (per CPU-s)',
      'LangChain add vectors/s',
    ],
    rows: sizes.map((s) => {
      const i = s.pglite?.ingest;
      const e = s.langchain?.embedder;
      return [
        n(s.size),
        i ? n(i.passagesPerSecond) : '–',
        i ? n(i.passagesPerCpuSecond) : '–',
        ...(i
          ? [i.seconds, i.phases.cut, i.phases.check, i.phases.embed, i.phases.save].map(String)
          : ['–', '–', '–', '–', '–']),
        e ? `${n(e.passagesPerSecond)} (${n(e.passagesPerCpuSecond)})` : '–',
        s.langchain ? n(s.langchain.add.vectorsPerSecond) : '–',
      ];
    }),
  });
  const statements = sizes
    .filter((s) => s.pglite)
    .flatMap((s) =>
      s
        .pglite!.ingest.saveStatements.slice(0, 4)
        .map((st) => [n(s.size), st.call, String(st.count), String(st.seconds)]),
    );
  out.push({
    title: 'The save transaction by statement (wall s)',
    headers: ['passages', 'call', 'count', 'seconds'],
    rows: statements,
  });
  if (breakdown) {
    out.push({
      title: `Save transaction without parts of the schema, ${n(breakdown.size)} passages (vectors cached; bench/save-breakdown.ts)`,
      headers: ['variant', 'wall s', 'CPU s', 'passages per CPU-s'],
      rows: breakdown.variants.map((v) => [
        v.variant,
        String(v.seconds),
        String(v.cpuSeconds),
        n(v.passagesPerCpuSecond),
      ]),
    });
  }
  const search: string[][] = [];
  for (const s of sizes) {
    const p = s.pglite;
    if (p) {
      const exactNote = p.exactQueries < p.queries ? ` (${p.exactQueries} q)` : '';
      search.push([
        n(s.size),
        `pgvector exact scan${exactNote}`,
        'vector',
        ...ms(p.exact.vector),
        ...cpu(p.exact.cpu.vector),
        '1 (reference)',
      ]);
      search.push([
        n(s.size),
        `pgvector exact scan${exactNote}`,
        'hybrid',
        ...ms(p.exact.hybrid),
        ...cpu(p.exact.cpu.hybrid),
        '1 (reference)',
      ]);
      for (const r of p.hnsw.byEfSearch)
        search.push([
          n(s.size),
          `pgvector HNSW ef_search=${r.efSearch}`,
          'vector',
          ...ms(r.vector),
          ...cpu(r.cpu),
          String(r.recallAt10),
        ]);
      search.push([
        n(s.size),
        'pgvector HNSW (shipped ef_search)',
        'hybrid',
        ...ms(p.hnsw.hybrid),
        ...cpu(p.hnsw.hybridCpu),
        String(p.hnsw.hybridRecallAt10),
      ]);
      search.push([
        n(s.size),
        'pgvector HNSW (shipped) after VACUUM ANALYZE',
        'vector',
        ...ms(p.afterVacuum.vector),
        ...cpu(p.afterVacuum.vectorCpu),
        '–',
      ]);
      search.push([
        n(s.size),
        'pgvector HNSW (shipped) after VACUUM ANALYZE',
        'hybrid',
        ...ms(p.afterVacuum.hybrid),
        ...cpu(p.afterVacuum.hybridCpu),
        '–',
      ]);
      const r = p.reopened;
      if (r) {
        const opened = `opened again (shared_buffers ${r.sharedBuffersMb} MB)`;
        search.push([n(s.size), `${opened}, first pass`, 'hybrid', ...ms(r.coldHybrid), '–', '–', '–']);
        search.push([n(s.size), `${opened}, as served`, 'vector', ...ms(r.vector), ...cpu(r.vectorCpu), '–']);
        search.push([n(s.size), `${opened}, as served`, 'hybrid', ...ms(r.hybrid), ...cpu(r.hybridCpu), '–']);
      }
    }
    if (s.langchain) {
      search.push([
        n(s.size),
        'LangChain MemoryVectorStore',
        'vector',
        ...ms(s.langchain.search),
        ...cpu(s.langchain.searchCpu),
        String(s.langchain.recallAt10),
      ]);
      search.push([
        n(s.size),
        'same exact scan in plain JS (float64)',
        'vector',
        '–',
        '–',
        '–',
        '–',
        '–',
        String(s.langchain.correctSortRecallAt10),
      ]);
    }
  }
  out.push({
    title:
      'Search latency, ms per question (k=10): wall clock, and CPU time of the process; recall@10 against the exact scan',
    headers: ['passages', 'store', 'mode', 'p50', 'p95', 'p99', 'CPU p50', 'CPU p95', 'recall@10'],
    rows: search,
  });
  const f = (x: { wall: Latency; cpu: Latency }) => `${x.wall.p50} / ${x.wall.p95} (CPU ${x.cpu.p50} / ${x.cpu.p95})`;
  out.push({
    title: 'Where a hybrid question goes (HNSW, shipped ef_search), ms p50 / p95 wall (CPU p50 / p95)',
    headers: ['passages', 'store state', 'embed question', 'vector leg', 'text leg', 'fetch passages'],
    rows: sizes
      .filter((s) => s.pglite)
      .flatMap((s) => {
        const p = s.pglite!;
        return [
          [
            n(s.size),
            'as ingested',
            f(p.hnsw.legs.embedQuery),
            f(p.hnsw.legs.vectorLeg),
            f(p.hnsw.legs.textLeg),
            f(p.hnsw.legs.fetchPassages),
          ],
          [
            n(s.size),
            `after VACUUM ANALYZE (${p.afterVacuum.seconds} s)`,
            f(p.afterVacuum.legs.embedQuery),
            f(p.afterVacuum.legs.vectorLeg),
            f(p.afterVacuum.legs.textLeg),
            f(p.afterVacuum.legs.fetchPassages),
          ],
          ...(p.reopened
            ? [
                [
                  n(s.size),
                  `opened again, as served (shared_buffers ${p.reopened.sharedBuffersMb} MB)`,
                  f(p.reopened.legs.embedQuery),
                  f(p.reopened.legs.vectorLeg),
                  f(p.reopened.legs.textLeg),
                  f(p.reopened.legs.fetchPassages),
                ],
              ]
            : []),
        ];
      }),
  });
  const budgets = sizes
    .filter((s) => s.pglite?.textBudget)
    .flatMap((s) =>
      s.pglite!.textBudget!.map((b) => [
        n(s.size),
        b.budget === null ? 'unbounded' : n(b.budget),
        `${b.wall.p50} / ${b.wall.p95}`,
        `${b.cpu.p50} / ${b.cpu.p95}`,
        String(b.overlapAt10),
      ]),
    );
  if (budgets.length) {
    out.push({
      title: `Text leg alone by candidate budget (shipped: ${CANDIDATE_SHARE * 100} % of the passages, ${n(CANDIDATE_MIN)}–${n(CANDIDATE_BUDGET)}; src/retrieve/textTerms.ts; hybrid search caps it at ${n(HYBRID_CANDIDATE_BUDGET)} and scores the vector hits too), ms p50 / p95; top-10 overlap with the unbounded ranking`,
      headers: ['passages', 'budget', 'wall', 'CPU', 'overlap@10'],
      rows: budgets,
    });
  }
  out.push({
    title: 'Index build, disk and memory',
    headers: [
      'passages',
      'HNSW build s',
      'disk after ingest MB',
      'disk with HNSW MB',
      'of which WAL MB',
      'peak RSS PGlite MB',
      'peak RSS LangChain MB',
      'plan without / with index',
    ],
    rows: sizes.map((s) => {
      const p = s.pglite;
      return [
        n(s.size),
        p ? String(p.hnsw.buildSeconds) : '–',
        p ? String(p.diskMb.afterIngest) : '–',
        p ? String(p.diskMb.afterIndex) : '–',
        p ? String(p.diskMb.wal) : '–',
        p ? String(p.rssMb.peak) : '–',
        s.langchain ? String(s.langchain.rssMb.peak) : '–',
        p ? `${scan(p.exact.plan)} / ${scan(p.hnsw.plan)}` : '–',
      ];
    }),
  });
  const onPostgres = sizes.filter((s) => s.postgres);
  if (onPostgres.length) {
    const q0 = onPostgres[0].postgres!;
    out.push({
      title: `PostgreSQL ${q0.versions.postgres.split(' ')[0]} + pgvector ${q0.versions.pgvector} through pg (--database-url; same corpus, questions and code): ingest, then search on a pool opened afresh, ms`,
      headers: [
        'passages',
        'ingest /s',
        'save s',
        'HNSW build s',
        'ef_search',
        'vector p50',
        'p95',
        'p99',
        'hybrid p50',
        'p95',
        'p99',
        'recall@10',
        'disk MB',
      ],
      rows: onPostgres.map((s) => {
        const q = s.postgres!;
        return [
          n(s.size),
          n(q.ingest.passagesPerSecond),
          String(q.ingest.phases.save),
          String(q.hnsw.buildSeconds),
          String(q.hnsw.efSearch),
          ...ms(q.vector),
          ...ms(q.hybrid),
          q.recallAt10 === null ? '–' : String(q.recallAt10),
          String(q.diskMb),
        ];
      }),
    });
    out.push({
      title:
        'Where a hybrid question goes on PostgreSQL (each step alone, one after the other), ms p50 / p95 wall (CPU of this process p50 / p95)',
      headers: ['passages', 'embed question', 'vector leg', 'text leg', 'fetch passages'],
      rows: onPostgres.map((s) => {
        const l = s.postgres!.legs;
        return [n(s.size), f(l.embedQuery), f(l.vectorLeg), f(l.textLeg), f(l.fetchPassages)];
      }),
    });
  }
  const shipped = sizes
    .filter((s) => s.pglite)
    .map((s) => {
      const x = shippedSearch(s.pglite!);
      return [n(s.size), x.config, ...ms(x.hybrid), ...ms(x.vector).slice(0, 2), String(x.recall)];
    });
  out.push({
    title: 'As shipped (index per ANN_MIN_PASSAGES, ef_search by store size per ann.ts)',
    headers: ['passages', 'search', 'hybrid p50', 'p95', 'p99', 'vector p50', 'p95', 'recall@10'],
    rows: shipped,
  });
  if (ready) {
    out.push({
      title: `Time to ready: ${ready.command}, GET /health = 200`,
      headers: [
        'start',
        'seconds to 200',
        'of which in main() (boot, migrate, seed)',
        'CPU seconds (all processes)',
        'documents',
        'passages',
      ],
      rows: [
        ['empty data dir (seeds ingested)', ...vals(ready.cold)],
        ['restart on the same dir', ...vals(ready.warm)],
      ],
    });
  }
  if (Array.isArray(formats) && formats.length && typeof formats[0] === 'object') {
    const keys = Object.keys(formats[0] as object);
    out.push({
      title: 'Ingest by file format (bench/ingest-formats.ts)',
      headers: keys,
      rows: formats.map((f) => keys.map((k) => String((f as Record<string, unknown>)[k]))),
    });
  }
  const verdict = (pass: boolean | undefined) => (pass === undefined ? '–' : pass ? 'PASS' : 'FAIL');
  out.push({
    title: 'Targets (wall clock on this machine at its load; and from CPU time, about what an idle machine shows)',
    headers: ['target', 'goal', 'wall clock', 'result', 'CPU time', 'result'],
    rows: checks.map((c) => [c.target, c.goal, c.measured, verdict(c.pass), c.measuredCpu ?? '–', verdict(c.passCpu)]),
  });
  return out;
}

const vals = (r: StartResult) => [
  String(r.seconds),
  r.appSeconds === null ? '–' : String(r.appSeconds),
  String(r.cpuSeconds),
  String(r.documents),
  String(r.passages),
];
const scan = (plan: string) =>
  /Index Scan/.test(plan) ? 'index scan' : /Seq Scan/.test(plan) ? 'seq scan' : plan.slice(0, 30);

export function renderText(secs: Section[]): string {
  return secs.map((s) => `\n${s.title}\n${table(s.headers, s.rows)}`).join('\n');
}

export function renderMarkdown(secs: Section[]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return secs
    .map((s) =>
      [
        `#### ${s.title}`,
        '',
        `| ${s.headers.map(esc).join(' | ')} |`,
        `|${s.headers.map(() => '---').join('|')}|`,
        ...s.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
      ].join('\n'),
    )
    .join('\n\n');
}
