/**
 * The same corpus and questions through LangChain's MemoryVectorStore — what a user would otherwise pick — in its
 * own process, so its peak RSS is its own. Also measures the local embedder alone (it embeds every passage here).
 *
 *   node --import tsx bench/langchain-size.ts <passages> <result.json> <exact-top.json> <queries>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { Document } from '@langchain/core/documents';
import { passageId } from '../src/domain/types.js';
import { LocalEmbedder } from '../src/embed/local.js';
import { embeddingInput } from '../src/store/embeddings.js';
import { ingestCorpus, loadCorpus } from './corpus.js';
import { loadQueries } from './queries.js';
import { K } from './search.js';
import { cpuMs, latency, peakRssMb, perSecond, recallAgainst, timed, type Latency } from './stats.js';

export interface LangchainSizeResult {
  size: number;
  /** The local embedder alone over every passage (heading + text, as the store embeds them). */
  embedder: { passages: number; seconds: number; passagesPerSecond: number; passagesPerCpuSecond: number };
  add: { vectors: number; seconds: number; vectorsPerSecond: number };
  /** similaritySearch(question, 10): embeds the question, then scans every vector in JS. */
  search: Latency;
  searchCpu: Latency;
  /** Against our exact scan (pgvector without index), over the questions the exact scan ran. */
  recallAt10: number;
  /**
   * The same cosine scan in plain JS (float64, sorted by score), against our exact scan (pgvector, float32): both
   * are exact, so what keeps this below 1 is near-ties at rank 10 that the two orders break differently. It is the
   * ceiling for recallAt10, and shows how much of any ANN "miss" is such a tie.
   */
  correctSortRecallAt10: number;
  rssMb: { peak: number };
}

const ADD_BATCH = 1000;
const WARMUP = 20;

async function main() {
  const [sizeArg, outFile, exactFile, queriesArg] = process.argv.slice(2);
  const corpus = loadCorpus(Number(sizeArg));
  const passages = ingestCorpus(corpus).flatMap((d) =>
    d.passages.map((p) => ({
      id: passageId(d.meta.id, p.ordinal),
      documentId: d.meta.id,
      text: p.text,
      input: embeddingInput(p),
    })),
  );
  const embedder = new LocalEmbedder();
  const inputs = passages.map((p) => p.input);
  await embedder.embedDocuments(inputs.slice(0, 500)); // JIT warm-up
  const embedCpu = process.cpuUsage();
  const embedded = await timed(async () => {
    const out: number[][] = [];
    for (let i = 0; i < inputs.length; i += 256) out.push(...(await embedder.embedDocuments(inputs.slice(i, i + 256))));
    return out;
  });
  const embedCpuSeconds = cpuMs(embedCpu) / 1000;
  const vectors = embedded.result;

  const store = new MemoryVectorStore(embedder);
  const docs = passages.map(
    (p) => new Document({ pageContent: p.text, metadata: { documentId: p.documentId }, id: p.id }),
  );
  const added = await timed(async () => {
    for (let i = 0; i < docs.length; i += ADD_BATCH)
      await store.addVectors(vectors.slice(i, i + ADD_BATCH), docs.slice(i, i + ADD_BATCH));
  });

  const exact = JSON.parse(readFileSync(exactFile, 'utf8')) as { queryIndex: number[]; top: string[][] };
  const queries = loadQueries(Number(queriesArg));
  for (const q of queries.slice(0, WARMUP)) await store.similaritySearch(q, K);
  const ms: number[] = [];
  const cpu: number[] = [];
  const top: string[][] = [];
  for (const q of queries) {
    const c = process.cpuUsage();
    const t = performance.now();
    const hits = await store.similaritySearch(q, K);
    ms.push(performance.now() - t);
    cpu.push(cpuMs(c));
    top.push(hits.map((h) => h.id ?? ''));
  }
  const correct = exact.queryIndex.map((i) =>
    topByCosine(
      embedder.embed(queries[i]),
      vectors,
      passages.map((p) => p.id),
    ),
  );
  const result: LangchainSizeResult = {
    size: passages.length,
    embedder: {
      passages: inputs.length,
      seconds: round(embedded.seconds),
      passagesPerSecond: perSecond(inputs.length, embedded.seconds),
      passagesPerCpuSecond: perSecond(inputs.length, embedCpuSeconds),
    },
    add: {
      vectors: vectors.length,
      seconds: round(added.seconds),
      vectorsPerSecond: perSecond(vectors.length, added.seconds),
    },
    search: latency(ms),
    searchCpu: latency(cpu),
    recallAt10: recallAgainst(
      exact.queryIndex.map((i) => top[i]),
      exact.top,
    ),
    correctSortRecallAt10: recallAgainst(correct, exact.top),
    rssMb: { peak: peakRssMb() },
  };
  writeFileSync(outFile, JSON.stringify(result, null, 2));
}

/** Top-K ids by dot product (vectors are unit length, so this is cosine). */
function topByCosine(q: number[], vectors: number[][], ids: string[]): string[] {
  const scored = vectors.map((v, i) => {
    let s = 0;
    for (let d = 0; d < q.length; d++) s += q[d] * v[d];
    return { id: ids[i], s };
  });
  return scored
    .sort((a, b) => b.s - a.s)
    .slice(0, K)
    .map((x) => x.id);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
