/**
 * The shipped down-weights for common Norwegian features (idf-nb.txt, built by scripts/idf-build.ts from Lovdata).
 * Common n-grams like "ing>", "ene>" or "<for" occur in nearly every passage; at full weight they fill the
 * few hundred buckets with collision noise. Weighing them down measured +0.03 MRR at D=384 on NorQuAD whole
 * passages, +0.013 on ~500-char chunks (bench/embedder-quality.ts, variants "default" and "no-idf").
 */
import { readFileSync } from 'node:fs';
import { hashString } from './hash.js';
import { SEED_NGRAM, SEED_STEM } from './features.js';

const TABLE = new URL('./idf-nb.txt', import.meta.url);

/**
 * Feature hash → weight, 1 when not listed. NOTE: an open-addressing table in typed arrays rather than a Map:
 * the hashes are unsigned 32-bit, beyond V8's small-integer range, so Map boxed every key and its lookups were
 * the single largest cost per passage.
 */
export class FeatureWeights {
  readonly size: number;
  private readonly keys: Uint32Array;
  private readonly values: Float64Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(entries: Map<number, number>) {
    let capacity = 16;
    while (capacity < entries.size * 4) capacity *= 2; // load ≤ 1/4 keeps probe chains short
    this.keys = new Uint32Array(capacity);
    this.values = new Float64Array(capacity);
    this.used = new Uint8Array(capacity);
    this.mask = capacity - 1;
    this.size = entries.size;
    for (const [hash, weight] of entries) {
      let i = hash & this.mask;
      while (this.used[i]) i = (i + 1) & this.mask;
      [this.keys[i], this.values[i], this.used[i]] = [hash, weight, 1];
    }
  }

  get(hash: number): number {
    for (let i = hash & this.mask; this.used[i]; i = (i + 1) & this.mask) {
      if (this.keys[i] === hash) return this.values[i];
    }
    return 1;
  }

  has(hash: number): boolean {
    return this.get(hash) !== 1;
  }
}

/** Parse the table text (features not listed weigh 1). */
export function parseIdfTable(text: string): FeatureWeights {
  const weights = new Map<number, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [kind, weight, keys] = line.split('\t');
    const seed = kind === 'stem' ? SEED_STEM : kind === 'ngram' ? SEED_NGRAM : null;
    const w = Number(weight);
    if (seed === null || !(w > 0 && w <= 1) || keys === undefined)
      throw new Error(`idf-nb.txt: bad line "${line.slice(0, 60)}"`);
    for (const key of keys.split(' ')) weights.set(hashString(key, seed), w);
  }
  return new FeatureWeights(weights);
}

let cached: FeatureWeights | null = null;

/** The shipped table, read once on first use (so importing the embedder costs no I/O). */
export function commonFeatureWeights(): FeatureWeights {
  cached ??= parseIdfTable(readFileSync(TABLE, 'utf8'));
  return cached;
}
