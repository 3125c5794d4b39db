/**
 * One corpus size through the store on PostgreSQL itself (`npm run bench -- --database-url URL`): the same
 * corpus, questions and code as the PGlite step, through `pg` — ingest, HNSW build, then vector and hybrid search on
 * a pool opened afresh after `VACUUM ANALYZE`, as a server with DATABASE_URL runs. Recall@10 is against the PGlite
 * step's exact scan (same vectors, same questions). Works in a database of its own, created and dropped here.
 *
 *   node --import tsx bench/postgres-size.ts <passages> <result.json> <exact-top.json> <queries> <database-url>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { LocalEmbedder } from '../src/embed/local.js';
import { ensureAnnIndex } from '../src/store/ann.js';
import { openPg } from '../src/store/db.js';
import { ensureEmbedder } from '../src/store/embeddings.js';
import { migrate } from '../src/store/migrate.js';
import { loadCorpus } from './corpus.js';
import { benchIngest, type IngestResult } from './ingest.js';
import { loadQueries } from './queries.js';
import { legBreakdown, runQueries, type Step } from './search.js';
import { recallAgainst, timed, type Latency } from './stats.js';

export interface PostgresSizeResult {
  size: number;
  versions: { postgres: string; pgvector: string };
  ingest: IngestResult;
  hnsw: { buildSeconds: number; efSearch: number };
  vacuumSeconds: number;
  vector: Latency;
  vectorCpu: Latency;
  hybrid: Latency;
  hybridCpu: Latency;
  /** Against the PGlite step's exact scan, on the questions it scanned; null when it did not run. */
  recallAt10: number | null;
  legs: Record<Step, { wall: Latency; cpu: Latency }>;
  /** pg_database_size after the index build. */
  diskMb: number;
}

const VERSIONS_SQL = /* SQL */ `
  SELECT current_setting('server_version') AS postgres, (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS pgvector`;

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function main() {
  const [sizeArg, outFile, exactFile, queriesArg, url] = process.argv.slice(2);
  const corpus = loadCorpus(Number(sizeArg));
  const queries = loadQueries(Number(queriesArg));
  const embedder = new LocalEmbedder();
  const log = (msg: string) => process.stderr.write(`[${corpus.passages} PostgreSQL] ${msg}\n`);
  const name = `innspill_bench_${corpus.passages}_${process.pid}`;
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  await admin(url, `CREATE DATABASE ${name}`);
  try {
    const db = openPg(dbUrl.toString());
    await migrate(db);
    await ensureEmbedder(db, embedder);
    log(`ingest ${corpus.passages} passages`);
    const ingest = await benchIngest(db, embedder, corpus);
    log('build HNSW');
    const build = await timed(() => ensureAnnIndex(db, { minPassages: 0 }));
    const vacuum = await timed(() => db.exec('VACUUM ANALYZE'));
    // The load's WAL written out now rather than by a checkpoint in the middle of the search runs (superusers only).
    await db
      .exec('CHECKPOINT')
      .catch(() => log('CHECKPOINT not allowed for this role; a checkpoint may fall into the search runs'));
    await db.close();

    log('search on a pool opened afresh, as a server with DATABASE_URL');
    const served = openPg(dbUrl.toString());
    try {
      const vector = await runQueries(served, embedder, queries, 'vector');
      const hybrid = await runQueries(served, embedder, queries, 'hybrid');
      const legs = await legBreakdown(served, embedder, queries);
      const efSearch = Number(
        (await served.query<{ ef: string }>(`SELECT current_setting('hnsw.ef_search') AS ef`)).rows[0].ef,
      );
      const versions = (await served.query<{ postgres: string; pgvector: string }>(VERSIONS_SQL)).rows[0];
      const diskMb = Math.round(
        Number((await served.query<{ b: string }>(`SELECT pg_database_size(current_database()) AS b`)).rows[0].b) /
          1048576,
      );
      let recallAt10: number | null = null;
      try {
        const exact = JSON.parse(readFileSync(exactFile, 'utf8')) as { queryIndex: number[]; top: string[][] };
        recallAt10 = recallAgainst(
          exact.queryIndex.map((i) => vector.top[i]),
          exact.top,
        );
      } catch {
        // the PGlite step did not run or failed: no reference
      }
      const result: PostgresSizeResult = {
        size: corpus.passages,
        versions,
        ingest,
        hnsw: { buildSeconds: Math.round(build.seconds * 10) / 10, efSearch },
        vacuumSeconds: Math.round(vacuum.seconds * 100) / 100,
        vector: vector.latency,
        vectorCpu: vector.cpu,
        hybrid: hybrid.latency,
        hybridCpu: hybrid.cpu,
        recallAt10,
        legs,
        diskMb,
      };
      writeFileSync(outFile, JSON.stringify(result, null, 2));
    } finally {
      await served.close();
    }
  } finally {
    await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  await embedder.close();
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
