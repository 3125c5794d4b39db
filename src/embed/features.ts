/**
 * Hashed text features for the local embedder. Each distinct content word adds its stem (an exact match that
 * folds inflection: "kommunene" ~ "kommunen") and its character n-grams within "<word>" boundary markers (a
 * partial match that survives compounding: "digitaliseringsstrategien" shares "strat", "ategi", "digit" with
 * "strategi for digitalisering"). Features are 32-bit hashes; the embedder folds them into D signed buckets.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS, words } from '../text/words.js';
import { fmix32, fnvStep, hashString, seedFor } from './hash.js';

export interface FeatureOptions {
  /** Weight of a word's stem. */
  stemWeight: number;
  /** Weight of one word's n-grams together; split over them so a long compound doesn't drown short words. */
  ngramWeight: number;
  /** N-gram lengths, inclusive, counting the "<" and ">" markers. */
  ngramMin: number;
  ngramMax: number;
  /** Take n-grams from the word as written or from its stem. */
  ngramSource: 'word' | 'stem';
}

/** Receives each feature as its 32-bit hash and its weight. */
export type Emit = (hash: number, weight: number) => void;

export const SEED_STEM = seedFor('stem');
export const SEED_NGRAM = seedFor('ngram');
const BEGIN = 0x3c; // '<'
const END = 0x3e; // '>'
/** Past this length a token is a URL or a run-on, not a word; its n-grams would add noise and time. */
const MAX_NGRAM_WORD = 32;

/** Count distinct content words (stop words and one-letter tokens dropped), in first-seen order. */
function contentWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words(text)) {
    if (word.length > 1 && !STOPWORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** The string n-grams come from, or null for none. Numbers get none: "1991" and "1992" share "<19", "199". */
function ngramSource(word: string, o: FeatureOptions): string | null {
  const src = o.ngramSource === 'stem' ? stem(word) : word;
  return o.ngramWeight > 0 && src.length <= MAX_NGRAM_WORD && !/^\d+$/.test(src) ? src : null;
}

/** A word's feature hashes: its stem's at [0], then one per n-gram occurrence (repeats kept, as in the text). */
function computeWordFeatures(word: string, o: FeatureOptions): Uint32Array {
  const src = ngramSource(word, o);
  const len = src === null ? 0 : src.length + 2;
  let n = 0;
  for (let k = o.ngramMin; k <= o.ngramMax; k++) n += Math.max(0, len - k + 1);
  const out = new Uint32Array(1 + n);
  out[0] = hashString(stem(word), SEED_STEM);
  // Hash every n-gram of "<src>" without building substrings: one running hash per start position.
  let at = 1;
  for (let i = 0; src !== null && i + o.ngramMin <= len; i++) {
    let h = SEED_NGRAM;
    for (let j = i; j < len && j - i < o.ngramMax; j++) {
      h = fnvStep(h, j === 0 ? BEGIN : j === len - 1 ? END : src.charCodeAt(j - 1));
      if (j - i + 1 >= o.ngramMin) out[at++] = fmix32(h);
    }
  }
  return out;
}

// NOTE: text repeats its vocabulary, so each word's features are computed once: stemming and hashing were
// most of the time per passage. One cache per options object (the embedder's own, never mutated); cleared
// wholesale when full — simpler than an LRU, and the hit rate recovers within a few passages.
const caches = new WeakMap<FeatureOptions, Map<string, Uint32Array>>();
const CACHE_WORDS = 100_000;

/**
 * Call `emit` once per feature occurrence. Term frequency is sublinear (1 + ln tf per distinct word), so a
 * passage that says "kommunen" ten times is not ten times as much about municipalities. A word's n-grams share
 * `ngramWeight` (divided by the square root of their count, so their vector has about that length).
 */
export function forEachFeature(text: string, o: FeatureOptions, emit: Emit): void {
  let cache = caches.get(o);
  if (cache === undefined) caches.set(o, (cache = new Map()));
  for (const [word, tf] of contentWords(text)) {
    let f = cache.get(word);
    if (f === undefined) {
      if (cache.size >= CACHE_WORDS) cache.clear();
      f = computeWordFeatures(word, o);
      cache.set(word, f);
    }
    const w = 1 + Math.log(tf);
    if (o.stemWeight > 0) emit(f[0], o.stemWeight * w);
    if (f.length > 1) {
      const weight = (o.ngramWeight * w) / Math.sqrt(f.length - 1);
      for (let i = 1; i < f.length; i++) emit(f[i], weight);
    }
  }
}

/**
 * The distinct stem and n-gram features of `text` as strings, the same ones `forEachFeature` hashes (with
 * SEED_STEM and SEED_NGRAM). Used to build the IDF table in readable form, and to debug a surprising match.
 * @example featureKeys('Kommunene', DEFAULT_FEATURES).stems // ['kommun']
 */
export function featureKeys(text: string, o: FeatureOptions): { stems: string[]; ngrams: string[] } {
  const stems = new Set<string>();
  const ngrams = new Set<string>();
  for (const word of contentWords(text).keys()) {
    if (o.stemWeight > 0) stems.add(stem(word));
    const src = ngramSource(word, o);
    if (src === null) continue;
    const padded = `<${src}>`;
    for (let k = o.ngramMin; k <= o.ngramMax; k++) {
      for (let i = 0; i + k <= padded.length; i++) ngrams.add(padded.slice(i, i + k));
    }
  }
  return { stems: [...stems], ngrams: [...ngrams] };
}
