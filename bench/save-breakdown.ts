/**
 * Why the save transaction costs what it does: the same documents and vectors written by the real writeDocuments
 * into fresh stores, each with one more piece of the schema taken away. The differences are the prices of the
 * GIN index, the BM25 statistics triggers and the generated tsvector; what is left is rows, vectors and WAL.
 * Embedding is done once up front and served from a cache, so only the store is measured: one statement for all
 * passages, except in the "streamed" variant, which saves in the growing batches writeDocuments uses when the
 * embedder works on another thread. A warm-up write comes first (WASM tier-up and JIT would otherwise be billed
 * to the first variant); with `reps` > 1 each figure is the median of that many fresh stores.
 *
 *   npx tsx bench/save-breakdown.ts [passages=10000] [reps=1]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalEmbedder } from '../src/embed/local.js';
import type { IngestedDocument } from '../src/domain/types.js';
import { openPglite, type Db } from '../src/store/db.js';
import { embeddingInput, ensureEmbedder, type VectorEmbedder } from '../src/store/embeddings.js';
import { migrate } from '../src/store/migrate.js';
import { writeDocuments } from '../src/store/writeDocuments.js';
import { table } from '../evals/lib/table.js';
import { ingestCorpus, loadCorpus } from './corpus.js';
import { cpuMs, perSecond } from './stats.js';

export interface SaveVariant {
  variant: string;
  seconds: number;
  cpuSeconds: number;
  passagesPerCpuSecond: number;
}

const CREATE_GIN = 'CREATE INDEX passages_tsv_idx ON passages USING gin (tsv)';

/** `sql` runs before the write (not timed), `after` right after it (timed with it). */
const VARIANTS: { name: string; sql: string[]; after?: string[]; streamed?: boolean }[] = [
  { name: 'as shipped', sql: [] },
  { name: 'as shipped, streamed in growing batches', sql: [], streamed: true },
  { name: 'GIN index built after the load', sql: ['DROP INDEX passages_tsv_idx'], after: [CREATE_GIN] },
  { name: 'without GIN index', sql: ['DROP INDEX passages_tsv_idx'] },
  {
    name: 'without GIN, stats triggers',
    sql: ['DROP INDEX passages_tsv_idx', 'ALTER TABLE passages DISABLE TRIGGER USER'],
  },
  {
    name: 'without GIN, triggers, tsvector',
    sql: ['ALTER TABLE passages DISABLE TRIGGER USER', 'ALTER TABLE passages DROP COLUMN tsv CASCADE'],
  },
];

/** Serves vectors computed beforehand, so the variants time the store only. */
function cachedEmbedder(inner: LocalEmbedder, docs: IngestedDocument[]): VectorEmbedder {
  const cache = new Map<string, number[]>();
  for (const d of docs)
    for (const p of d.passages) {
      const t = embeddingInput(p);
      cache.set(t, inner.embed(t));
    }
  return {
    model: inner.model,
    dimension: inner.dimension,
    embedDocuments: async (texts) => texts.map((t) => cache.get(t) ?? inner.embed(t)),
  };
}

/** The same, flagged as working off the main thread: writeDocuments then streams the save in batches. */
const streamedEmbedder = (e: VectorEmbedder): VectorEmbedder => ({ ...e, embedsOffMainThread: true }) as VectorEmbedder;

async function measure(
  docs: IngestedDocument[],
  embedder: VectorEmbedder,
  sql: string[],
  after: string[] = [],
): Promise<{ seconds: number; cpuSeconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-save-'));
  let db: Db | undefined;
  try {
    db = await openPglite(join(dir, 'pglite'));
    await migrate(db);
    await ensureEmbedder(db, embedder);
    for (const s of sql) await db.query(s);
    const c = process.cpuUsage();
    const t = performance.now();
    await writeDocuments(db, embedder, docs);
    for (const s of after) await db.query(s);
    return { seconds: (performance.now() - t) / 1000, cpuSeconds: cpuMs(c) / 1000 };
  } finally {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function saveBreakdown(size: number, reps = 1): Promise<SaveVariant[]> {
  const docs = ingestCorpus(loadCorpus(size));
  const passages = docs.reduce((n, d) => n + d.passages.length, 0);
  const embedder = cachedEmbedder(new LocalEmbedder({ offThread: false }), docs);
  await measure(docs.slice(0, Math.ceil(docs.length / 5)), embedder, []); // warm-up, not reported
  const runs = new Map<string, { seconds: number; cpuSeconds: number }[]>();
  for (let r = 0; r < reps; r++) {
    for (const v of VARIANTS) {
      const m = await measure(docs, v.streamed ? streamedEmbedder(embedder) : embedder, v.sql, v.after);
      runs.set(v.name, [...(runs.get(v.name) ?? []), m]);
      process.stderr.write(`${v.name}: ${round(m.seconds)} s, ${round(m.cpuSeconds)} CPU-s\n`);
    }
  }
  return VARIANTS.map((v) => {
    const seconds = median(runs.get(v.name)!.map((m) => m.seconds));
    const cpuSeconds = median(runs.get(v.name)!.map((m) => m.cpuSeconds));
    return {
      variant: v.name,
      seconds: round(seconds),
      cpuSeconds: round(cpuSeconds),
      passagesPerCpuSecond: perSecond(passages, cpuSeconds),
    };
  });
}

const round = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = Number(process.argv[2] ?? 10_000);
  const reps = Number(process.argv[3] ?? 1);
  const rows = await saveBreakdown(size, reps);
  process.stdout.write(
    `Save transaction, ${size} passages (writeDocuments with cached vectors${reps > 1 ? `, median of ${reps}` : ''})\n`,
  );
  process.stdout.write(
    table(
      ['variant', 'wall s', 'CPU s', 'passages per CPU-s'],
      rows.map((r) => [r.variant, String(r.seconds), String(r.cpuSeconds), String(r.passagesPerCpuSecond)]),
    ) + '\n',
  );
}
