/**
 * The targets a run is checked against. Search is judged in the configuration that ships: HNSW at the ef_search the
 * store sets for its size once the store holds ANN_MIN_PASSAGES, exact scan below that.
 *
 * NOTE: these are issue 17's restated bounds for this machine kind (2 shared cores), not the foundation issue's
 * first goals (issue 2: ≥ 5,000 passages/s, ≤ 10 ms p95 at 10k), which were withdrawn: ingest no worse than
 * ~1,500 passages/s, hybrid p95 no worse than 22 ms at 10k and 30 ms at 100k. Vector search is held to the same
 * bounds (it is the cheaper leg of hybrid).
 */
import { ANN_MIN_PASSAGES } from '../src/store/ann.js';
import { SESSION_SETTINGS } from '../src/store/db.js';
import type { LangchainSizeResult } from './langchain-size.js';
import type { PgliteSizeResult } from './pglite-size.js';
import type { PostgresSizeResult } from './postgres-size.js';
import type { ReadyResult } from './ready.js';

const TARGETS = {
  ingestPassagesPerSecond: 1500,
  /** p95 ms by corpus size: ≤ 22 ms up to 10k passages, ≤ 30 ms up to 100k. */
  searchP95Ms: (size: number) => (size <= 10_000 ? 22 : 30),
  annRecallAt10: 0.95,
  readySeconds: 5,
};

export interface SizeResults {
  size: number;
  pglite?: PgliteSizeResult;
  langchain?: LangchainSizeResult;
  /** The same size on PostgreSQL itself (--database-url). */
  postgres?: PostgresSizeResult;
  errors: string[];
}

export interface TargetCheck {
  target: string;
  goal: string;
  /** Wall clock: what a user sees on this machine at this load. */
  measured: string;
  pass: boolean;
  /** The same figure from CPU time: what an otherwise idle machine would show, about (see stats.cpuMs). */
  measuredCpu?: string;
  passCpu?: boolean;
}

/** ef_search the store set for itself at this size (older results: the session default). */
const shippedEfSearch = (p: PgliteSizeResult) => p.hnsw.shippedEfSearch ?? Number(SESSION_SETTINGS['hnsw.ef_search']);

/**
 * The search figures a user of the shipped store sees at this size: after a bulk load the store runs
 * VACUUM ANALYZE (src/store/maintenance.ts, from loadFiles), and the server opens the store afresh, so latency is
 * the run on the store opened again (or after VACUUM ANALYZE, in results from before that was measured); recall is the
 * ef_search sweep's at the store's ef_search (VACUUM does not change what the index returns).
 */
export function shippedSearch(p: PgliteSizeResult) {
  const indexed = p.size >= ANN_MIN_PASSAGES;
  const ef = p.hnsw.byEfSearch.find((r) => r.efSearch === shippedEfSearch(p));
  // Served: what npm start opens after npm run ingest (the store closed and opened again); older results lack it.
  const v = p.reopened ?? p.afterVacuum;
  const state = p.reopened
    ? `opened as npm start opens it, shared_buffers ${p.reopened.sharedBuffersMb} MB`
    : 'after VACUUM ANALYZE';
  return {
    config: indexed ? `HNSW ef_search=${shippedEfSearch(p)}, ${state}` : 'exact scan',
    vector: indexed ? v.vector : p.exact.vector,
    hybrid: indexed ? v.hybrid : p.exact.hybrid,
    cpu: { vector: indexed ? v.vectorCpu : p.exact.cpu.vector, hybrid: indexed ? v.hybridCpu : p.exact.cpu.hybrid },
    recall: indexed && ef ? ef.recallAt10 : 1,
  };
}

export function checkTargets(sizes: SizeResults[], ready?: ReadyResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const s of sizes) {
    const p = s.pglite;
    if (!p) continue;
    const n = p.size.toLocaleString('en');
    checks.push({
      target: `ingest ${n}`,
      goal: `≥ ${TARGETS.ingestPassagesPerSecond} passages/s`,
      measured: `${p.ingest.passagesPerSecond} passages/s`,
      pass: p.ingest.passagesPerSecond >= TARGETS.ingestPassagesPerSecond,
      measuredCpu: `${p.ingest.passagesPerCpuSecond} per CPU-s`,
      passCpu: p.ingest.passagesPerCpuSecond >= TARGETS.ingestPassagesPerSecond,
    });
    const shipped = shippedSearch(p);
    const limit = TARGETS.searchP95Ms(p.size);
    for (const mode of ['hybrid', 'vector'] as const) {
      checks.push({
        target: `search ${mode} p95 ${n} (${shipped.config})`,
        goal: `≤ ${limit} ms`,
        measured: `${shipped[mode].p95} ms`,
        pass: shipped[mode].p95 <= limit,
        measuredCpu: `${shipped.cpu[mode].p95} ms`,
        passCpu: shipped.cpu[mode].p95 <= limit,
      });
    }
    const ef = p.hnsw.byEfSearch.find((r) => r.efSearch === shippedEfSearch(p));
    if (ef) {
      checks.push({
        target: `ANN recall@10 ${n} (ef_search=${ef.efSearch})`,
        goal: `≥ ${TARGETS.annRecallAt10}`,
        measured: String(ef.recallAt10),
        pass: ef.recallAt10 >= TARGETS.annRecallAt10,
        measuredCpu: String(ef.recallAt10),
        passCpu: ef.recallAt10 >= TARGETS.annRecallAt10,
      });
    }
  }
  for (const s of sizes) {
    const q = s.postgres;
    if (!q) continue;
    const n = q.size.toLocaleString('en');
    const on = `PostgreSQL ${q.versions.postgres.split(' ')[0]}`;
    const limit = TARGETS.searchP95Ms(q.size);
    checks.push({
      target: `${on}: ingest ${n}`,
      goal: `≥ ${TARGETS.ingestPassagesPerSecond} passages/s`,
      measured: `${q.ingest.passagesPerSecond} passages/s`,
      pass: q.ingest.passagesPerSecond >= TARGETS.ingestPassagesPerSecond,
    });
    for (const mode of ['hybrid', 'vector'] as const) {
      checks.push({
        target: `${on}: search ${mode} p95 ${n} (HNSW ef_search=${q.hnsw.efSearch})`,
        goal: `≤ ${limit} ms`,
        measured: `${q[mode].p95} ms`,
        pass: q[mode].p95 <= limit,
      });
    }
    if (q.recallAt10 !== null) {
      checks.push({
        target: `${on}: ANN recall@10 ${n}`,
        goal: `≥ ${TARGETS.annRecallAt10}`,
        measured: String(q.recallAt10),
        pass: q.recallAt10 >= TARGETS.annRecallAt10,
      });
    }
  }
  if (ready) {
    checks.push({
      target: `ready, seed corpus (${ready.cold.passages} passages), empty data dir`,
      goal: `≤ ${TARGETS.readySeconds} s`,
      measured: `${ready.cold.seconds} s`,
      pass: ready.cold.seconds <= TARGETS.readySeconds,
      // No verdict from CPU time here: npx, node and esbuild run side by side, so their CPU seconds add up to
      // more than the wall clock even on an idle machine.
      measuredCpu: `${ready.cold.cpuSeconds} CPU-s, all processes`,
    });
  }
  return checks;
}
