/**
 * Search latency through the real `search()` (embed the question, SQL legs, fusion, passage fetch), per query,
 * and the ids it returns so ANN results can be scored against the exact scan's.
 */
import { performance } from 'node:perf_hooks';
import { search, candidatePool, textLeg, vectorLeg, type QueryEmbedder } from '../src/retrieve/search.js';
import { vectorLegSql } from '../src/store/searchQueries.js';
import { getPassages } from '../src/store/documents.js';
import type { Queryable } from '../src/store/db.js';
import { toVectorLiteral } from '../src/store/vectorCodec.js';
import { cpuMs, latency, recallAgainst, type Latency } from './stats.js';

export const K = 10;
const WARMUP = 20;

export interface ModeRun {
  latency: Latency;
  /** CPU time of this process per query: PGlite runs on our thread, so this is the work itself, untouched by
   *  other processes competing for the cores (wall time is what a user sees; compare both on a busy machine). */
  cpu: Latency;
  /** Top-K passage ids per query, in rank order. */
  top: string[][];
}

export async function runQueries(
  db: Queryable,
  embedder: QueryEmbedder,
  queries: string[],
  mode: 'hybrid' | 'vector',
): Promise<ModeRun> {
  for (const query of queries.slice(0, WARMUP)) await search(db, embedder, { query, k: K, mode });
  const ms: number[] = [];
  const cpu: number[] = [];
  const top: string[][] = [];
  for (const query of queries) {
    const c = process.cpuUsage();
    const t = performance.now();
    const hits = await search(db, embedder, { query, k: K, mode });
    ms.push(performance.now() - t);
    cpu.push(cpuMs(c));
    top.push(hits.map((h) => h.passage.id));
  }
  return { latency: latency(ms), cpu: latency(cpu), top };
}

export type Step = 'embedQuery' | 'vectorLeg' | 'textLeg' | 'fetchPassages';

/** Where a hybrid query's time goes: each step of search() run and timed on its own, wall and CPU. */
export async function legBreakdown(
  db: Queryable,
  embedder: QueryEmbedder,
  queries: string[],
): Promise<Record<Step, { wall: Latency; cpu: Latency }>> {
  const wall = new Map<Step, number[]>();
  const cpu = new Map<Step, number[]>();
  const step = async <T>(name: Step, fn: () => Promise<T>): Promise<T> => {
    const c = process.cpuUsage();
    const t = performance.now();
    const out = await fn();
    (wall.get(name) ?? wall.set(name, []).get(name)!).push(performance.now() - t);
    (cpu.get(name) ?? cpu.set(name, []).get(name)!).push(cpuMs(c));
    return out;
  };
  const pool = candidatePool(K);
  for (const query of queries) {
    const v = await step('embedQuery', () => embedder.embedQuery(query));
    const vec = await step('vectorLeg', () => vectorLeg(db, v, pool));
    // As hybrid search runs it: the vector leg's hits scored too, at the hybrid budget (textTerms.ts).
    await step('textLeg', () => textLeg(db, query, pool, {}, { also: vec.map((r) => r.id) }));
    await step('fetchPassages', () => getPassages(db, { ids: vec.slice(0, K).map((r) => r.id) }));
  }
  const steps: Step[] = ['embedQuery', 'vectorLeg', 'textLeg', 'fetchPassages'];
  return Object.fromEntries(
    steps.map((s) => [s, { wall: latency(wall.get(s)!), cpu: latency(cpu.get(s)!) }]),
  ) as Record<Step, { wall: Latency; cpu: Latency }>;
}

/** The plan's first line for the vector leg, to show whether the HNSW index is used. */
export async function vectorPlan(db: Queryable, embedder: QueryEmbedder, query: string): Promise<string> {
  const v = toVectorLiteral(await embedder.embedQuery(query));
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${vectorLegSql(false)}`, [v, candidatePool(K)]);
  return (
    rows
      .map((r) => r['QUERY PLAN'])
      .find((l) => /Index Scan|Seq Scan/.test(l))
      ?.trim() ??
    rows[0]?.['QUERY PLAN'] ??
    ''
  );
}

export interface BudgetRun {
  /** Candidate budget of the text leg (null: unbounded, every passage sharing a term is scored). */
  budget: number | null;
  wall: Latency;
  cpu: Latency;
  /** Top-10 overlap with the unbounded text leg, averaged over the questions. */
  overlapAt10: number;
}

/** The text leg alone at several candidate budgets (src/retrieve/textTerms.ts), against the unbounded ranking. */
export async function textBudgetSweep(
  db: Queryable,
  queries: string[],
  budgets: (number | null)[],
): Promise<BudgetRun[]> {
  const runs: { budget: number | null; ms: number[]; cpu: number[]; top: string[][] }[] = [];
  for (const budget of budgets) {
    const run = { budget, ms: [] as number[], cpu: [] as number[], top: [] as string[][] };
    for (const query of queries.slice(0, WARMUP))
      await textLeg(db, query, candidatePool(K), {}, { budget: budget ?? Number.MAX_SAFE_INTEGER });
    for (const query of queries) {
      const c = process.cpuUsage();
      const t = performance.now();
      const hits = await textLeg(db, query, candidatePool(K), {}, { budget: budget ?? Number.MAX_SAFE_INTEGER });
      run.ms.push(performance.now() - t);
      run.cpu.push(cpuMs(c));
      run.top.push(hits.slice(0, K).map((h) => h.id));
    }
    runs.push(run);
  }
  const reference = runs.find((r) => r.budget === null)?.top ?? runs[0].top;
  return runs.map((r) => ({
    budget: r.budget,
    wall: latency(r.ms),
    cpu: latency(r.cpu),
    overlapAt10: recallAgainst(r.top, reference),
  }));
}
