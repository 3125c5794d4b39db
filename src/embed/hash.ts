/**
 * The string hash behind the local embedder's feature hashing. FNV-1a over UTF-16 code units, finished with
 * murmur3's fmix32 so that the low bits (which pick the bucket) and the top bit (which picks the sign) are well
 * mixed even for three-letter n-grams — plain FNV-1a leaves short keys clustered in the low bits.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One FNV-1a step: fold a code unit into a running 32-bit hash. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hash a whole string, starting from `seed` so each feature type (stem, n-gram) lives in its own hash
 * space and "kommun" the stem never collides on purpose with "kommun" the n-gram.
 * @example hashString('kommun', seedFor('stem')) !== hashString('kommun', seedFor('ngram'))
 */
export function hashString(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return fmix32(h);
}

/** A per-feature-type starting value for the hash. */
export function seedFor(kind: string): number {
  return hashString(kind, FNV_OFFSET);
}
