/**
 * How well and how fast does the local embedder retrieve? Embeds NorQuAD's 755 passages and 472 dev questions,
 * ranks every passage by exact cosine for each question, and prints recall@1/5/10, MRR and throughput for each
 * dimension × feature variant. Used to pick DEFAULT_DIMENSION and DEFAULT_FEATURES in src/embed/local.ts.
 *
 *   npx tsx bench/embedder-quality.ts            # all variants (~10 minutes on two busy cores)
 *   npx tsx bench/embedder-quality.ts default    # only variants whose name contains "default"
 *
 * Reference on the same set: plain BM25 gets recall@5 0.956, MRR 0.906. The IDF table (src/embed/idf-nb.txt)
 * comes from Lovdata, not NorQuAD, so nothing here was tuned on text the table saw.
 */
import { readFileSync } from 'node:fs';
import type { FeatureOptions } from '../src/embed/features.js';
import { LocalEmbedder } from '../src/embed/local.js';

const DATA = new URL('../evals/data/norquad/', import.meta.url);
const readJsonl = <T>(name: string): T[] =>
  readFileSync(new URL(name, DATA), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

const passages = readJsonl<{ id: string; title: string; text: string }>('passages.jsonl');
const questions = readJsonl<{ question: string; passage_id: string }>('dev.jsonl');
const gold = questions.map((q) => passages.findIndex((p) => p.id === q.passage_id));

/** ~500-character chunks cut at spaces: the size ingest stores. */
const chunkText = (t: string) => t.match(/[\s\S]{1,500}(?=\s|$)/g) ?? [t];
const whole = passages.map((p) => [p.text]);
const chunked = passages.map((p) => chunkText(p.text));
const chunks = chunked.flat();

const VARIANTS: Record<string, { features?: Partial<FeatureOptions>; idf?: boolean }> = {
  default: {},
  'no-idf': { idf: false },
  'stem-weight-1': { features: { stemWeight: 1 } },
  'stems-only': { features: { ngramWeight: 0 } },
  'ngrams-only': { features: { stemWeight: 0 } },
  'ngrams-from-stem': { features: { ngramSource: 'stem' } },
  'ngram-3-4': { features: { ngramMax: 4 } },
  'ngram-4-5': { features: { ngramMin: 4 } },
  'ngram-3-6': { features: { ngramMax: 6 } },
};
const DIMENSIONS = [256, 384, 512, 768];

/**
 * Rank all passages for every question by exact cosine (dot product of unit vectors). A passage is given as
 * one or more texts and scores its best one: whole passages (one text) as asked, or ~500-char chunks as
 * ingest would store them.
 */
function evaluate(embedder: LocalEmbedder, texts: string[][]) {
  const D = embedder.dimension;
  const owner = texts.flatMap((ts, p) => ts.map(() => p));
  const matrix = new Float32Array(owner.length * D);
  texts.flat().forEach((t, i) => matrix.set(embedder.embed(t), i * D));
  let hits1 = 0,
    hits5 = 0,
    hits10 = 0,
    rr = 0;
  questions.forEach((q, qi) => {
    const v = embedder.embed(q.question);
    const scores = new Float64Array(passages.length).fill(-Infinity);
    for (let r = 0; r < owner.length; r++) {
      let s = 0;
      for (let d = 0, o = r * D; d < D; d++) s += v[d] * matrix[o + d];
      if (s > scores[owner[r]]) scores[owner[r]] = s;
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

/**
 * Chunks per CPU-second, best of three passes (the first also pays for JIT warm-up and the stem cache).
 * NOTE: CPU time, not wall time, so other processes on a shared machine don't distort the figure.
 */
function throughput(embedder: LocalEmbedder): number {
  let best = 0;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = process.cpuUsage();
    for (const c of chunks) embedder.embed(c);
    const t = process.cpuUsage(t0);
    best = Math.max(best, chunks.length / ((t.user + t.system) / 1e6));
  }
  return best;
}

const filter = process.argv[2] ?? '';
const avgChunk = chunks.reduce((a, c) => a + c.length, 0) / chunks.length;
console.log(
  `NorQuAD dev: ${passages.length} passages, ${questions.length} questions; ` +
    `throughput on ${chunks.length} chunks of ~${Math.round(avgChunk)} chars, one core\n`,
);
console.log('Whole passages: recall@k and MRR. Chunked: the same questions against ~500-char chunks, a passage');
console.log('scoring its best chunk (how ingest stores text). chunks/s: embedding throughput, one core.\n');
console.log('variant          |    D | recall@1 | recall@5 | recall@10 |   MRR | chunked r@5 | chunked MRR | chunks/s');
console.log('-----------------|------|----------|----------|-----------|-------|-------------|-------------|---------');
for (const [name, options] of Object.entries(VARIANTS)) {
  if (!name.includes(filter)) continue;
  for (const dimension of DIMENSIONS) {
    const embedder = new LocalEmbedder({ dimension, ...options });
    const m = evaluate(embedder, whole);
    const c = evaluate(embedder, chunked);
    const tps = throughput(embedder);
    const f = (x: number, w = 8) => x.toFixed(3).padStart(w);
    console.log(
      `${name.padEnd(16)} | ${String(dimension).padStart(4)} | ${f(m.r1)} | ${f(m.r5)} | ${f(m.r10, 9)} | ` +
        `${f(m.mrr, 5)} | ${f(c.r5, 11)} | ${f(c.mrr, 11)} | ${Math.round(tps).toString().padStart(8)}`,
    );
  }
}
