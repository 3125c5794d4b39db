/**
 * The default embedder: offline, deterministic, no model download. Stems and character n-grams of content words
 * (features.ts), weighted down when common (idf.ts), folded into D buckets with a signed hash and L2-normalised,
 * so cosine = dot product and pgvector's inner-product operator ranks the same as cosine.
 */
import { Embeddings } from '@langchain/core/embeddings';
import { forEachFeature, type FeatureOptions } from './features.js';
import { hashString, seedFor } from './hash.js';
import { FeatureWeights, commonFeatureWeights } from './idf.js';
import { LocalEmbedderThread } from './localThread.js';

// NOTE on the dimension — measured with bench/embedder-quality.ts on NorQuAD (755 passages, 472 questions),
// ranking whole passages (~2,100 chars) and, as ingest stores text, ~500-char chunks (a passage scores its best):
//     D    MRR whole  recall@5 whole  MRR chunked   gain in chunked MRR
//    256     0.554        0.653          0.673
//    384     0.673        0.771          0.733            +0.060
//    512     0.700        0.792          0.753            +0.020
//    768     0.747        0.826          0.768            +0.015
// Hashed features collide less as D grows, so quality keeps rising, but exact-scan time and storage grow
// linearly with D. 384 is the knee: past it each step costs a third more or double for +0.02 MRR on the
// stored-size chunks. It is also the size the rest of the stack is measured at, and the vector leg is fused
// with full-text search (BM25 alone: MRR 0.906), where its job is the compound and inflection matches BM25
// misses, not to win alone. Other hash seeds move these figures by about ±0.01.
export const DEFAULT_DIMENSION = 384;

/**
 * The shipped feature mix, chosen with bench/embedder-quality.ts: stems at half the weight of a word's n-grams
 * (+0.03 MRR over equal weights); 3–5-grams from the word as written (n-grams from the stem, 3–4 and 3–6 were
 * within noise, 4–5 a little worse); pairs of consecutive words cost 0.01–0.03 MRR and were dropped.
 */
export const DEFAULT_FEATURES: FeatureOptions = {
  stemWeight: 0.5,
  ngramWeight: 1,
  ngramMin: 3,
  ngramMax: 5,
  ngramSource: 'word',
};

/**
 * Bump whenever the vectors for the same text would change: the store re-embeds when `model` differs.
 * v1: development snapshots (other weights and IDF tables). v2: stems at 0.5, the 10% IDF table.
 */
const VERSION = 'v2';

export interface LocalEmbedderOptions {
  dimension?: number;
  /** For benchmarks. Any change from the defaults shows in `model`, so stored vectors never mix. */
  features?: Partial<FeatureOptions>;
  /** Weigh common features down with the shipped table (default true). */
  idf?: boolean;
  /**
   * Embed large batches (OFF_THREAD_MIN texts or more, once WORKER_FROM texts wait) on a worker thread, so the
   * caller's thread is free meanwhile (default true). Same code, same vectors; whatever the worker has not
   * claimed when the caller's thread is idle, that thread embeds itself.
   */
  offThread?: boolean;
  /**
   * Keep the calling thread free (a server, whose thread answers requests): large batches go to the worker from
   * the first one and this thread never takes one while the worker lives. Default false (an ingest, where both
   * threads embedding finishes sooner).
   */
  spareCallingThread?: boolean;
}

/** Below this many texts a batch is embedded in place: posting it to the worker would cost more than it saves. */
export const OFF_THREAD_MIN = 256;
/**
 * The worker starts once this many texts wait in large batches (writeDocuments asks for all of an ingest's at
 * once); smaller jobs are embedded on the calling thread as before. Measured on 2,000-passage ingests in fresh
 * processes: starting the worker for them made the ingest ~6 % slower, not faster.
 */
export const WORKER_FROM = 4096;

export class LocalEmbedder extends Embeddings {
  readonly model: string;
  readonly dimension: number;
  private readonly features: FeatureOptions;
  private readonly weights: FeatureWeights;
  private readonly thread: LocalEmbedderThread | undefined;
  /** embedDocuments of a large batch leaves the calling thread free (writeDocuments overlaps it with saving). */
  readonly embedsOffMainThread: boolean;

  constructor(options: LocalEmbedderOptions = {}) {
    super({ maxRetries: 0 });
    this.dimension = options.dimension ?? DEFAULT_DIMENSION;
    if (!Number.isInteger(this.dimension) || this.dimension < 8 || this.dimension > 4096) {
      throw new RangeError(`dimension must be an integer in 8..4096, got ${this.dimension}`);
    }
    this.features = { ...DEFAULT_FEATURES, ...options.features };
    const idf = options.idf ?? true;
    this.weights = idf ? commonFeatureWeights() : new FeatureWeights(new Map());
    this.model = `innspill-local-ngram-${VERSION}-${this.dimension}${variantTag(this.features, idf)}`;
    this.embedsOffMainThread = options.offThread ?? true;
    this.thread = this.embedsOffMainThread
      ? new LocalEmbedderThread(
          { dimension: this.dimension, features: this.features, idf } satisfies LocalEmbedderOptions,
          (t) => this.embedFlat(t),
          options.spareCallingThread ? 0 : WORKER_FROM,
          !options.spareCallingThread,
        )
      : undefined;
  }

  /**
   * Embed one text synchronously. Text without content words (empty, whitespace, punctuation, only stop words)
   * returns the zero vector: it is similar to nothing, and the norm of 0 marks it for callers who care.
   * @example new LocalEmbedder().embed('kommunene').length === 384
   */
  embed(text: string): number[] {
    const D = this.dimension;
    const acc = new Float64Array(D);
    const weights = this.weights;
    forEachFeature(text, this.features, (h, w) => {
      const x = w * weights.get(h);
      acc[h % D] += h & 0x80000000 ? -x : x;
    });
    let sq = 0;
    for (let i = 0; i < D; i++) sq += acc[i] * acc[i];
    const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    const out = new Array<number>(D);
    for (let i = 0; i < D; i++) out[i] = acc[i] * inv;
    return out;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    if (this.thread && documents.length >= OFF_THREAD_MIN) {
      return splitRows(await this.thread.embed(documents), this.dimension);
    }
    return documents.map((d) => this.embed(d));
  }

  /** Vectors of `texts` row after row in one array (texts.length × dimension): the form threads exchange. */
  embedFlat(texts: string[]): Float64Array<ArrayBuffer> {
    const D = this.dimension;
    const out = new Float64Array(texts.length * D);
    for (let i = 0; i < texts.length; i++) out.set(this.embed(texts[i]), i * D);
    return out;
  }

  /**
   * Large batches embedded so far on the worker and on the calling thread (undefined with `offThread: false`):
   * how a server can tell its request thread was spared (spareCallingThread).
   */
  get batchesEmbedded(): { readonly worker: number; readonly here: number } | undefined {
    return this.thread?.batches;
  }

  /** Stop the worker thread, if one was started (a process may also simply exit: it never holds one open). */
  async close(): Promise<void> {
    await this.thread?.close();
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }
}

/** A flat array of vectors (n × D) as n arrays. NOTE: a plain loop; Array.from(subarray) was ~15× slower. */
function splitRows(flat: Float64Array, D: number): number[][] {
  const out = new Array<number[]>(flat.length / D);
  for (let i = 0, o = 0; i < out.length; i++, o += D) {
    const v = new Array<number>(D);
    for (let j = 0; j < D; j++) v[j] = flat[o + j];
    out[i] = v;
  }
  return out;
}

/** "" for the shipped configuration, else a short stable tag of it, e.g. "-x1a2b3c4d". */
function variantTag(f: FeatureOptions, idf: boolean): string {
  const key = (o: FeatureOptions, i: boolean) =>
    JSON.stringify([Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)), i]);
  if (key(f, idf) === key(DEFAULT_FEATURES, true)) return '';
  return `-x${hashString(key(f, idf), seedFor('variant')).toString(16)}`;
}
