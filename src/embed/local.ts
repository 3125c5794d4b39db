/**
 * The default embedder: offline, deterministic, no model download. Hashed stems + character n-grams (see
 * features.ts), L2-normalised, so cosine = dot product and pgvector's inner-product operators apply.
 */
import { Embeddings } from '@langchain/core/embeddings';
import { forEachFeature, type FeatureOptions } from './features.js';
import { hashString, seedFor } from './hash.js';

// NOTE on the dimension: chosen by bench/embedder-quality.ts on NorQuAD (755 passages, 472 questions).
// DIMENSION_NOTE
export const DEFAULT_DIMENSION = 384;

/** The shipped feature mix; bench/embedder-quality.ts compares it with the alternatives. */
export const DEFAULT_FEATURES: FeatureOptions = {
  stemWeight: 1,
  ngramWeight: 1,
  ngramMin: 3,
  ngramMax: 5,
  ngramSource: 'word',
  bigramWeight: 0,
};

/** Bump whenever the vectors for the same text would change: the store re-embeds when `model` differs. */
const VERSION = 'v1';

export interface LocalEmbedderOptions {
  dimension?: number;
  /** For benchmarks; any change from the defaults shows in `model`, so stored vectors never mix. */
  features?: Partial<FeatureOptions>;
}

export class LocalEmbedder extends Embeddings {
  readonly model: string;
  readonly dimension: number;
  private readonly features: FeatureOptions;

  constructor(options: LocalEmbedderOptions = {}) {
    super({ maxRetries: 0 });
    this.dimension = options.dimension ?? DEFAULT_DIMENSION;
    if (!Number.isInteger(this.dimension) || this.dimension < 8 || this.dimension > 4096) {
      throw new RangeError(`dimension must be an integer in 8..4096, got ${this.dimension}`);
    }
    this.features = { ...DEFAULT_FEATURES, ...options.features };
    this.model = `innspill-local-ngram-${VERSION}-${this.dimension}${variantTag(this.features)}`;
  }

  /**
   * Embed one text synchronously. Empty or whitespace-only text (or text of stop words only) has no features
   * and returns the zero vector: it is similar to nothing, and callers can test for it with `every(x => x === 0)`.
   * @example new LocalEmbedder().embed('kommunene').length === 384
   */
  embed(text: string): number[] {
    const acc = new Float64Array(this.dimension);
    const D = this.dimension;
    forEachFeature(text, this.features, (h, w) => {
      acc[h % D] += h & 0x80000000 ? -w : w;
    });
    let sq = 0;
    for (let i = 0; i < acc.length; i++) sq += acc[i] * acc[i];
    const out = new Array<number>(this.dimension);
    const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    for (let i = 0; i < acc.length; i++) out[i] = acc[i] * inv;
    return out;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embed(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }
}

/** "" for the shipped features, else a short stable tag of the difference, e.g. "-x1a2b3c". */
function variantTag(f: FeatureOptions): string {
  const key = (o: FeatureOptions) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  if (key(f) === key(DEFAULT_FEATURES)) return '';
  return `-x${hashString(key(f), seedFor('variant')).toString(16)}`;
}
