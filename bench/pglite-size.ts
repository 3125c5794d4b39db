/**
 * One corpus size through our store, in its own process so peak RSS is this size's alone:
 * ingest → search without an index (exact) → build HNSW → search with it at several ef_search → sizes.
 *
 *   node --import tsx bench/pglite-size.ts <passages> <result.json> <exact-top.json> <queries> [exact-queries]
 *
 * The exact scan runs on every question, or on an evenly spread subset of `exact-queries` of them when given
 * (a full scan of 100k passages per question makes 496 questions slow); recall@10 is over that subset.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEmbedder } from '../src/embed/local.js';
import { ensureAnnIndex, tuneEfSearch } from '../src/store/ann.js';
import { openPglite } from '../src/store/db.js';
import { ensureEmbedder } from '../src/store/embeddings.js';
import { migrate } from '../src/store/migrate.js';
import { loadCorpus } from './corpus.js';
import { benchIngest, type IngestResult } from './ingest.js';
import { loadQueries, spread } from './queries.js';
import { legBreakdown, runQueries, textBudgetSweep, vectorPlan, type BudgetRun, type Step } from './search.js';
import { candidateBudget } from '../src/retrieve/textTerms.js';
import { dirSizeMb, peakRssMb, recallAgainst, rssMb, timed, type Latency } from './stats.js';

const EF_SEARCH = [40, 100, 200, 400];

export interface PgliteSizeResult {
  size: number;
  realPassages: number;
  queries: number;
  exactQueries: number;
  versions: { postgres: string; pgvector: string };
  /** pg_attribute.attstorage of passages.embedding: 'e' external (pgvector's default), 'm' main, 'p' plain. */
  embeddingStorage: string;
  ingest: IngestResult;
  exact: { vector: Latency; hybrid: Latency; cpu: { vector: Latency; hybrid: Latency }; plan: string };
  hnsw: {
    buildSeconds: number;
    plan: string;
    /** hnsw.ef_search the store sets for itself at this size (ann.ts tuneEfSearch); older results lack it. */
    shippedEfSearch?: number;
    /** Vector-only search and recall@10 against the exact scan at each ef_search. */
    byEfSearch: { efSearch: number; vector: Latency; cpu: Latency; recallAt10: number }[];
    /** Hybrid at the shipped ef_search, and its recall@10 against hybrid over the exact scan. */
    hybrid: Latency;
    hybridCpu: Latency;
    hybridRecallAt10: number;
    legs: Record<Step, { wall: Latency; cpu: Latency }>;
  };
  /**
   * The shipped configuration again after `VACUUM ANALYZE`, which PGlite never runs by itself (no autovacuum):
   * planner statistics, a flushed GIN pending list and a visibility map. What running it after a bulk ingest buys.
   */
  afterVacuum: {
    seconds: number;
    vector: Latency;
    vectorCpu: Latency;
    hybrid: Latency;
    hybridCpu: Latency;
    legs: Record<Step, { wall: Latency; cpu: Latency }>;
  };
  /**
   * The store closed and opened again, as `npm start` opens what `npm run ingest` wrote: PGlite's buffer pool is
   * sized to the store on disk when it opens (src/store/pglite/buffers.ts), and reads that every search repeats are
   * kept until the next write (src/store/readCache.ts). `coldHybrid` is the first pass over the questions after
   * opening (20 warm-up questions, then all), the rest come after it. Older results lack it.
   */
  reopened?: {
    sharedBuffersMb: number;
    coldHybrid: Latency;
    vector: Latency;
    vectorCpu: Latency;
    hybrid: Latency;
    hybridCpu: Latency;
    legs: Record<Step, { wall: Latency; cpu: Latency }>;
    rssMb: number;
  };
  /** The text leg at several candidate budgets (after VACUUM ANALYZE), against the unbounded ranking. */
  textBudget?: BudgetRun[];
  diskMb: { afterIngest: number; afterIndex: number; wal: number };
  rssMb: { peak: number; afterIngest: number; afterIndex: number; afterSearch: number };
}

const VERSIONS_SQL = /* SQL */ `
  SELECT current_setting('server_version') AS postgres, (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS pgvector`;
const EMBEDDING_STORAGE_SQL = /* SQL */ `
  SELECT attstorage AS s FROM pg_attribute WHERE attrelid = 'passages'::regclass AND attname = 'embedding'`;

async function main() {
  const [sizeArg, outFile, exactFile, queriesArg, exactArg] = process.argv.slice(2);
  const size = Number(sizeArg);
  const corpus = loadCorpus(size);
  const queries = loadQueries(Number(queriesArg));
  const exactIndex = spread(queries.length, exactArg ? Number(exactArg) : queries.length);
  const exactQueries = exactIndex.map((i) => queries[i]);
  const embedder = new LocalEmbedder();
  const dir = mkdtempSync(join(tmpdir(), 'innspill-bench-'));
  const dataDir = join(dir, 'pglite');
  const log = (msg: string) => process.stderr.write(`[${size}] ${msg}\n`);
  try {
    const db = await openPglite(dataDir);
    await migrate(db);
    await ensureEmbedder(db, embedder);
    log(`ingest ${corpus.passages} passages`);
    const ingest = await benchIngest(db, embedder, corpus);
    const afterIngest = dirSizeMb(dataDir);
    const rssAfterIngest = rssMb();

    log(`search without index (${exactQueries.length} queries)`);
    const exactVector = await runQueries(db, embedder, exactQueries, 'vector');
    const exactHybrid = await runQueries(db, embedder, exactQueries, 'hybrid');
    const subset = (top: string[][]) => exactIndex.map((i) => top[i]);
    const exactPlan = await vectorPlan(db, embedder, queries[0]);

    log('build HNSW');
    const build = await timed(() => ensureAnnIndex(db, { minPassages: 0 }));
    const plan = await vectorPlan(db, embedder, queries[0]);
    const rssAfterIndex = rssMb();
    const byEfSearch: PgliteSizeResult['hnsw']['byEfSearch'] = [];
    for (const ef of EF_SEARCH) {
      log(`search with HNSW, ef_search ${ef}`);
      await db.query(`SELECT set_config('hnsw.ef_search', $1, false)`, [String(ef)]);
      const run = await runQueries(db, embedder, queries, 'vector');
      byEfSearch.push({
        efSearch: ef,
        vector: run.latency,
        cpu: run.cpu,
        recallAt10: recallAgainst(subset(run.top), exactVector.top),
      });
    }
    // What the store ships with at this size (ann.ts: ef_search by passages).
    const shippedEfSearch = await tuneEfSearch(db);
    const hybrid = await runQueries(db, embedder, queries, 'hybrid');
    const legs = await legBreakdown(db, embedder, queries);
    const afterSearch = rssMb();

    log('VACUUM ANALYZE, then the shipped configuration again');
    const vacuum = await timed(() => db.exec('VACUUM ANALYZE'));
    const vVector = await runQueries(db, embedder, queries, 'vector');
    const vHybrid = await runQueries(db, embedder, queries, 'hybrid');
    const vLegs = await legBreakdown(db, embedder, queries);
    log('text leg at several candidate budgets');
    const textBudget = await textBudgetSweep(db, queries, [
      ...new Set([null, 4000, 2000, candidateBudget(corpus.passages), 1000]),
    ]);
    const versions = (await db.query<{ postgres: string; pgvector: string }>(VERSIONS_SQL)).rows[0];
    const embeddingStorage = (await db.query<{ s: string }>(EMBEDDING_STORAGE_SQL)).rows[0].s;
    const afterIndex = dirSizeMb(dataDir);
    await db.close();

    log('closed and opened again, as npm start opens it');
    const served = await openPglite(dataDir);
    let reopened: PgliteSizeResult['reopened'];
    try {
      await tuneEfSearch(served);
      const sharedBuffersMb = settingMb(
        (await served.query<{ s: string }>(`SELECT current_setting('shared_buffers') AS s`)).rows[0].s,
      );
      const coldHybrid = await runQueries(served, embedder, queries, 'hybrid');
      const rVector = await runQueries(served, embedder, queries, 'vector');
      const rHybrid = await runQueries(served, embedder, queries, 'hybrid');
      const rLegs = await legBreakdown(served, embedder, queries);
      reopened = {
        sharedBuffersMb,
        coldHybrid: coldHybrid.latency,
        vector: rVector.latency,
        vectorCpu: rVector.cpu,
        hybrid: rHybrid.latency,
        hybridCpu: rHybrid.cpu,
        legs: rLegs,
        rssMb: rssMb(),
      };
    } finally {
      await served.close();
    }

    const result: PgliteSizeResult = {
      size: corpus.passages,
      realPassages: corpus.realPassages,
      queries: queries.length,
      exactQueries: exactQueries.length,
      versions,
      embeddingStorage,
      ingest,
      exact: {
        vector: exactVector.latency,
        hybrid: exactHybrid.latency,
        cpu: { vector: exactVector.cpu, hybrid: exactHybrid.cpu },
        plan: exactPlan,
      },
      hnsw: {
        buildSeconds: Math.round(build.seconds * 10) / 10,
        plan,
        shippedEfSearch,
        byEfSearch,
        hybrid: hybrid.latency,
        hybridCpu: hybrid.cpu,
        hybridRecallAt10: recallAgainst(subset(hybrid.top), exactHybrid.top),
        legs,
      },
      afterVacuum: {
        seconds: Math.round(vacuum.seconds * 100) / 100,
        vector: vVector.latency,
        vectorCpu: vVector.cpu,
        hybrid: vHybrid.latency,
        hybridCpu: vHybrid.cpu,
        legs: vLegs,
      },
      reopened,
      textBudget,
      diskMb: { afterIngest, afterIndex, wal: dirSizeMb(join(dataDir, 'pg_wal')) },
      rssMb: { peak: peakRssMb(), afterIngest: rssAfterIngest, afterIndex: rssAfterIndex, afterSearch },
    };
    writeFileSync(outFile, JSON.stringify(result, null, 2));
    writeFileSync(exactFile, JSON.stringify({ queryIndex: exactIndex, top: exactVector.top }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A shared_buffers setting as PostgreSQL shows it ('128MB', '1GB') in MB. */
function settingMb(setting: string): number {
  const m = /^(\d+)\s*(kB|MB|GB)$/.exec(setting);
  if (!m) return NaN;
  return Number(m[1]) * ({ kB: 1 / 1024, MB: 1, GB: 1024 } as const)[m[2] as 'kB' | 'MB' | 'GB'];
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
