/**
 * How well and how fast does the local embedder retrieve? Embeds NorQuAD's 755 passages and 472 dev questions,
 * ranks every passage by exact cosine for each question, and prints recall@1/5/10, MRR and throughput for each
 * dimension × feature variant. Used to pick DEFAULT_DIMENSION and DEFAULT_FEATURES in src/embed/local.ts.
 *
 *   npx tsx bench/embedder-quality.ts            # all variants
 *   npx tsx bench/embedder-quality.ts default    # only variants whose name contains "default"
 *
 * Reference on the same set: plain BM25 gets recall@5 0.956, MRR 0.906.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { FeatureOptions } from '../src/embed/features.js';
import { LocalEmbedder } from '../src/embed/local.js';

const DATA = new URL('../evals/data/norquad/', import.meta.url);
const readJsonl = <T>(name: string): T[] =>
  readFileSync(new URL(name, DATA), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

const passages = readJsonl<{ id: string; title: string; text: string }>('passages.jsonl');
const questions = readJsonl<{ question: string; passage_id: string }>('dev.jsonl');
const gold = questions.map((q) => passages.findIndex((p) => p.id === q.passage_id));

/** ~500-character chunks cut at spaces: the size ingest stores, for the throughput figure. */
const chunks = passages.flatMap((p) => p.text.match(/[\s\S]{1,500}(?=\s|$)/g) ?? []);

const VARIANTS: Record<string, Partial<FeatureOptions>> = {
  default: {},
  'stems-only': { ngramWeight: 0 },
  'ngrams-only': { stemWeight: 0 },
  'ngrams-from-stem': { ngramSource: 'stem' },
  'ngram-3-6': { ngramMax: 6 },
  'ngram-4-5': { ngramMin: 4 },
  'ngram-3-4': { ngramMax: 4 },
  'stem-x2': { stemWeight: 2 },
  '+bigrams': { bigramWeight: 0.5 },
};
const DIMENSIONS = [256, 384, 512, 768];

function evaluate(embedder: LocalEmbedder) {
  const D = embedder.dimension;
  const matrix = new Float32Array(passages.length * D);
  passages.forEach((p, i) => matrix.set(embedder.embed(p.text), i * D));
  let hits1 = 0, hits5 = 0, hits10 = 0, rr = 0;
  questions.forEach((q, qi) => {
    const v = embedder.embed(q.question);
    const scores = new Float64Array(passages.length);
    for (let p = 0; p < passages.length; p++) {
      let s = 0;
      for (let d = 0, o = p * D; d < D; d++) s += v[d] * matrix[o + d];
      scores[p] = s;
    }
    // Rank of the gold passage = 1 + passages scoring strictly higher (ties go in the gold's favour).
    const g = scores[gold[qi]];
    let rank = 1;
    for (let p = 0; p < passages.length; p++) if (scores[p] > g) rank++;
    if (rank <= 1) hits1++;
    if (rank <= 5) hits5++;
    if (rank <= 10) hits10++;
    rr += 1 / rank;
  });
  const n = questions.length;
  return { r1: hits1 / n, r5: hits5 / n, r10: hits10 / n, mrr: rr / n };
}

/** Chunks per second, best of three passes: the first pass also pays for JIT warm-up and the stem cache. */
function throughput(embedder: LocalEmbedder): number {
  let best = 0;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = performance.now();
    for (const c of chunks) embedder.embed(c);
    best = Math.max(best, chunks.length / ((performance.now() - t0) / 1000));
  }
  return best;
}

const filter = process.argv[2] ?? '';
const avgChunk = chunks.reduce((a, c) => a + c.length, 0) / chunks.length;
console.log(`NorQuAD dev: ${passages.length} passages, ${questions.length} questions; ` +
  `throughput on ${chunks.length} chunks of ~${Math.round(avgChunk)} chars, one core\n`);
console.log('variant            |    D | recall@1 | recall@5 | recall@10 |   MRR | chunks/s');
console.log('-------------------|------|----------|----------|-----------|-------|---------');
for (const [name, features] of Object.entries(VARIANTS)) {
  if (!name.includes(filter)) continue;
  for (const dimension of DIMENSIONS) {
    const embedder = new LocalEmbedder({ dimension, features });
    const m = evaluate(embedder);
    const tps = throughput(embedder);
    const f = (x: number) => x.toFixed(3).padStart(8);
    console.log(`${name.padEnd(18)} | ${String(dimension).padStart(4)} | ${f(m.r1)} | ${f(m.r5)} | ` +
      `${f(m.r10)}  | ${m.mrr.toFixed(3)} | ${Math.round(tps).toString().padStart(7)}`);
  }
}
