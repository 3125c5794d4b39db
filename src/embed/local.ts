/**
 * The default embedder: offline, deterministic, no model download. Stems and character n-grams of content words
 * (features.ts), weighted down when common (idf.ts), folded into D buckets with a signed hash and L2-normalised,
 * so cosine = dot product and pgvector's inner-product operator ranks the same as cosine.
 */
import { Embeddings } from '@langchain/core/embeddings';
import { forEachFeature, type FeatureOptions } from './features.js';
import { hashString, seedFor } from './hash.js';
import { commonFeatureWeights } from './idf.js';

// NOTE on the dimension, measured by bench/embedder-quality.ts on NorQuAD (755 whole passages of ~2,100 chars,
// 472 questions; throughput on ~450-char chunks, one core):
//   D=256: MRR 0.62, recall@5 0.74    D=384: MRR 0.70, recall@5 0.80
//   D=512: MRR 0.73, recall@5 0.84    D=768: MRR 0.78, recall@5 0.87
// Quality keeps rising with D because the hashed features collide less, but exact-scan cost and storage grow
// linearly with it. 384 is the size the rest of the stack is measured at; the vector leg is fused with
// full-text search (BM25 alone: MRR 0.906), where it has to add compound and inflection matches, not win alone;
// and ingest stores ~500-char passages, which carry a quarter of the features and so collide far less than
// NorQuAD's whole articles (chunked, D=384 scores like D=768 does on whole passages). DIMENSION_TODO
export const DEFAULT_DIMENSION = 384;

/**
 * The shipped feature mix, chosen with bench/embedder-quality.ts: stems at half the weight of a word's n-grams
 * (+0.03 MRR over equal weights with the IDF table); 3–5-grams from the word as written (stem-sourced n-grams
 * and 3–4 / 4–5 / 3–6 ranges were within noise); word bigrams cost 0.03 MRR and were dropped.
 */
export const DEFAULT_FEATURES: FeatureOptions = {
  stemWeight: 0.5,
  ngramWeight: 1,
  ngramMin: 3,
  ngramMax: 5,
  ngramSource: 'word',
};

/** Bump whenever the vectors for the same text would change: the store re-embeds when `model` differs. */
const VERSION = 'v1';

export interface LocalEmbedderOptions {
  dimension?: number;
  /** For benchmarks. Any change from the defaults shows in `model`, so stored vectors never mix. */
  features?: Partial<FeatureOptions>;
  /** Weigh common features down with the shipped table (default true). */
  idf?: boolean;
}

export class LocalEmbedder extends Embeddings {
  readonly model: string;
  readonly dimension: number;
  private readonly features: FeatureOptions;
  private readonly weights: Map<number, number>;

  constructor(options: LocalEmbedderOptions = {}) {
    super({ maxRetries: 0 });
    this.dimension = options.dimension ?? DEFAULT_DIMENSION;
    if (!Number.isInteger(this.dimension) || this.dimension < 8 || this.dimension > 4096) {
      throw new RangeError(`dimension must be an integer in 8..4096, got ${this.dimension}`);
    }
    this.features = { ...DEFAULT_FEATURES, ...options.features };
    const idf = options.idf ?? true;
    this.weights = idf ? commonFeatureWeights() : new Map();
    this.model = `innspill-local-ngram-${VERSION}-${this.dimension}${variantTag(this.features, idf)}`;
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
      const x = w * (weights.get(h) ?? 1);
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
    return documents.map((d) => this.embed(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }
}

/** "" for the shipped configuration, else a short stable tag of it, e.g. "-x1a2b3c4d". */
function variantTag(f: FeatureOptions, idf: boolean): string {
  const key = (o: FeatureOptions, i: boolean) =>
    JSON.stringify([Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)), i]);
  if (key(f, idf) === key(DEFAULT_FEATURES, true)) return '';
  return `-x${hashString(key(f, idf), seedFor('variant')).toString(16)}`;
}
