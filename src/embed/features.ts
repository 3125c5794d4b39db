/**
 * Hashed text features for the local embedder: each content word adds its stem, its character n-grams and its
 * bigram with the previous content word, hashed with a sign into D buckets ("feature hashing", Weinberger et al.
 * 2009). The sign keeps collisions unbiased: two features sharing a bucket cancel on average instead of adding up.
 */
import { STOPWORDS, stem, words } from '../text/norwegian.js';
import { fmix32, fnvStep, hashString, seedFor } from './hash.js';

export interface FeatureOptions {
  /** Weight of a word's whole stem: exact (inflection-folded) word matches. */
  stemWeight: number;
  /** Total weight of one word's n-grams; split over them so long compounds don't drown short words. */
  ngramWeight: number;
  /** N-gram lengths, inclusive, counted with the "<" and ">" word-boundary markers. */
  ngramMin: number;
  ngramMax: number;
  /** Take n-grams from the stem (inflection-robust) or from the word as written. */
  ngramSource: 'stem' | 'word';
  /** Weight of consecutive content-stem pairs ("kommunal sektor"); 0 turns them off. */
  bigramWeight: number;
  /** EXPERIMENT */
  ngramNormPower?: number;
  minNgramWord?: number;
}

const SEED_STEM = seedFor('stem');
const SEED_NGRAM = seedFor('ngram');
const SEED_BIGRAM = seedFor('bigram');
const BEGIN = 0x3c; // '<'
const END = 0x3e; // '>'
/** Past this length a token is a URL or a run-on, not a word; its n-grams would only add noise and time. */
const MAX_NGRAM_WORD = 32;

// NOTE: stemming is the slowest step per word and Norwegian text repeats its vocabulary, so stems are cached.
// The cache is cleared wholesale when full: simpler than LRU and the hit rate recovers within a few passages.
const stemCache = new Map<string, string>();
function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    if (stemCache.size >= 200_000) stemCache.clear();
    s = stem(word);
    stemCache.set(word, s);
  }
  return s;
}

/** Receives each feature as its 32-bit hash and its weight. */
export type Emit = (hash: number, weight: number) => void;

/** How many n-grams a word of `len` letters yields once wrapped in boundary markers. */
function ngramCount(len: number, min: number, max: number): number {
  let n = 0;
  for (let k = min; k <= max; k++) n += Math.max(0, len + 2 - k + 1);
  return n;
}

/** Hash every n-gram of "<word>" without building substrings: one running hash per start position. */
function ngrams(word: string, o: FeatureOptions, weight: number, emit: Emit): void {
  const len = word.length + 2;
  for (let i = 0; i + o.ngramMin <= len; i++) {
    let h = SEED_NGRAM;
    for (let j = i; j < len && j - i < o.ngramMax; j++) {
      const c = j === 0 ? BEGIN : j === len - 1 ? END : word.charCodeAt(j - 1);
      h = fnvStep(h, c);
      if (j - i + 1 >= o.ngramMin) emit(fmix32(h), weight);
    }
  }
}

/**
 * Accumulate the features of `text` into `vec` (not normalised). Term frequency is sublinear (1 + ln tf) per
 * distinct word, so a passage that repeats "kommunen" ten times is not ten times about municipalities.
 */
export function forEachFeature(text: string, o: FeatureOptions, emit: Emit): void {
  const counts = new Map<string, number>();
  let prev: string | null = null;
  for (const word of words(text)) {
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    const s = cachedStem(word);
    if (o.bigramWeight > 0 && prev !== null) emit(hashString(`${prev} ${s}`, SEED_BIGRAM), o.bigramWeight);
    prev = s;
  }
  for (const [word, tf] of counts) {
    const w = 1 + Math.log(tf);
    const s = cachedStem(word);
    if (o.stemWeight > 0) emit(hashString(s, SEED_STEM), o.stemWeight * w);
    const source = o.ngramSource === 'stem' ? s : word;
    // NOTE: numbers get no n-grams — "1991" and "1992" share "<19" and "199" but are not similar in meaning.
    if (o.ngramWeight > 0 && source.length <= MAX_NGRAM_WORD && source.length >= (o.minNgramWord ?? 0) && !/^\d+$/.test(source)) {
      const n = ngramCount(source.length, o.ngramMin, o.ngramMax);
      ngrams(source, o, (o.ngramWeight * w) / n ** (o.ngramNormPower ?? 0.5), emit);
    }
  }
}
