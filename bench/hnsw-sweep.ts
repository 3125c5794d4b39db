/**
 * Which HNSW build parameters and ef_search reach recall@10 ≥ 0.95 against the exact scan, and at what cost.
 * Rerun it when the embedder changes: how clustered the vectors are decides the answer (see src/store/ann.ts).
 *
 *   npx tsx bench/hnsw-sweep.ts [passages=100000] [questions=150]     # about 17 min at 100k on 2 cores
 *
 * "recall ε" also counts a hit whose similarity is within 0.001 of the exact 10th: how much of a miss is a near-tie.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { table } from '../evals/lib/table.js';
import { LocalEmbedder } from '../src/embed/local.js';
import { ANN_INDEX_NAME, DROP_ANN_INDEX_SQL } from '../src/store/ann.js';
import { openPglite, type Db } from '../src/store/db.js';
import { ensureEmbedder } from '../src/store/embeddings.js';
import { migrate } from '../src/store/migrate.js';
import { toVectorLiteral } from '../src/store/vectorCodec.js';
import { writeDocuments } from '../src/store/writeDocuments.js';
import { ingestCorpus, loadCorpus } from './corpus.js';
import { loadQueries } from './queries.js';
import { cpuMs, latency } from './stats.js';

const BUILDS = [
  { m: 16, efConstruction: 64 },
  { m: 24, efConstruction: 100 },
  { m: 32, efConstruction: 128 },
];
const EF_SEARCH = [40, 100, 200, 400];
const NEAREST_SQL = /* SQL */ `
  SELECT id, -(embedding <#> $1::vector) AS s FROM passages ORDER BY embedding <#> $1::vector LIMIT $2`;

type Hit = { id: string; s: number };

async function nearest(db: Db, vectors: string[], limit: number): Promise<{ hits: Hit[][]; cpu: number[] }> {
  const hits: Hit[][] = [];
  const cpu: number[] = [];
  for (const v of vectors) {
    const c = process.cpuUsage();
    const { rows } = await db.query<{ id: string; s: number }>(NEAREST_SQL, [v, limit]);
    cpu.push(cpuMs(c));
    hits.push(rows.map((r) => ({ id: r.id, s: Number(r.s) })));
  }
  return { hits, cpu };
}

async function main() {
  const size = Number(process.argv[2] ?? 100_000);
  const vectors = loadQueries(Number(process.argv[3] ?? 150)).map((q) => toVectorLiteral(embedder.embed(q)));
  const dir = mkdtempSync(join(tmpdir(), 'innspill-hnsw-'));
  const db = await openPglite(join(dir, 'pglite'));
  try {
    await migrate(db);
    await ensureEmbedder(db, embedder);
    await writeDocuments(db, embedder, ingestCorpus(loadCorpus(size)));
    await db.exec('VACUUM ANALYZE');
    const exact = (await nearest(db, vectors, 11)).hits;
    const rows: string[][] = [];
    for (const b of BUILDS) {
      await db.query(DROP_ANN_INDEX_SQL);
      const t = performance.now();
      await db.transaction(async (tx) => {
        await tx.query(`SET LOCAL maintenance_work_mem = '1GB'`);
        await tx.query(
          `CREATE INDEX ${ANN_INDEX_NAME} ON passages USING hnsw (embedding vector_ip_ops) WITH (m = ${b.m}, ef_construction = ${b.efConstruction})`,
        );
      });
      const build = ((performance.now() - t) / 1000).toFixed(0);
      for (const ef of EF_SEARCH) {
        await db.query(`SELECT set_config('hnsw.ef_search', $1, false)`, [String(ef)]);
        // LIMIT 50 like the vector leg of a hybrid search (candidatePool(10)); recall counts its first 10.
        const { hits, cpu } = await nearest(db, vectors, 50);
        let strict = 0;
        let tolerant = 0;
        hits.forEach((got, i) => {
          const truth = new Set(exact[i].slice(0, 10).map((h) => h.id));
          const tenth = exact[i][9]?.s ?? -Infinity;
          for (const h of got.slice(0, 10)) {
            if (truth.has(h.id)) strict++;
            if (h.s >= tenth - 1e-3) tolerant++;
          }
        });
        const l = latency(cpu);
        const n = 10 * vectors.length;
        rows.push([
          `${b.m} / ${b.efConstruction}`,
          build,
          String(ef),
          (strict / n).toFixed(3),
          (tolerant / n).toFixed(3),
          String(l.p50),
          String(l.p95),
        ]);
        process.stderr.write(`${rows.at(-1)!.join('  ')}\n`);
      }
    }
    process.stdout.write(`HNSW at ${size} passages, ${vectors.length} questions (vector query alone, CPU ms)\n`);
    process.stdout.write(
      table(['m / ef_construction', 'build s', 'ef_search', 'recall@10', 'recall ε', 'CPU p50', 'CPU p95'], rows) +
        '\n',
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const embedder = new LocalEmbedder();

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
