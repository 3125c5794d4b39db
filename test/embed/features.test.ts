import { describe, expect, it } from 'vitest';
import { SEED_NGRAM, SEED_STEM, featureKeys, forEachFeature } from '../../src/embed/features.js';
import { hashString } from '../../src/embed/hash.js';
import { commonFeatureWeights, parseIdfTable } from '../../src/embed/idf.js';
import { DEFAULT_FEATURES } from '../../src/embed/local.js';

const TEXT = 'Kommunene må få finansiert digitaliseringsstrategien i 2025, skriver forbundet. Kommunene!';

describe('features', () => {
  it('hashes exactly the features featureKeys lists, so the IDF table built from keys matches the embedder', () => {
    const emitted = new Set<number>();
    forEachFeature(TEXT, DEFAULT_FEATURES, (h) => emitted.add(h));
    const keys = featureKeys(TEXT, DEFAULT_FEATURES);
    const hashed = new Set([
      ...keys.stems.map((k) => hashString(k, SEED_STEM)),
      ...keys.ngrams.map((k) => hashString(k, SEED_NGRAM)),
    ]);
    expect(hashed).toEqual(emitted);
  });

  it('drops stop words, stems content words, gives numbers no n-grams, and marks word boundaries', () => {
    const { stems, ngrams } = featureKeys(TEXT, DEFAULT_FEATURES);
    expect(stems).toEqual(expect.arrayContaining(['kommun', 'digitaliseringsstrategi', '2025']));
    expect(stems).not.toContain('i');
    expect(ngrams).toEqual(expect.arrayContaining(['<ko', 'strat', 'ien>']));
    expect(ngrams.some((g) => g.includes('202'))).toBe(false);
  });

  it('weighs a repeated word sublinearly (1 + ln tf)', () => {
    const stemWeight = (text: string) => {
      let w = 0;
      const target = hashString('kommun', SEED_STEM);
      forEachFeature(text, DEFAULT_FEATURES, (h, x) => (w += h === target ? x : 0));
      return w;
    };
    expect(stemWeight('kommunene kommunene kommunene') / stemWeight('kommunene')).toBeCloseTo(1 + Math.log(3), 12);
  });
});

describe('IDF table', () => {
  it('weighs generic endings and prefixes down but leaves topic words like "kommun" alone', () => {
    const w = commonFeatureWeights();
    expect(w.get(hashString('ing>', SEED_NGRAM))).toBeLessThan(0.2);
    expect(w.get(hashString('<for', SEED_NGRAM))).toBeLessThan(0.5);
    expect(w.has(hashString('kommun', SEED_STEM))).toBe(false);
    expect(w.has(hashString('digit', SEED_NGRAM))).toBe(false);
  });

  it('rejects a malformed line instead of silently using a partial table', () => {
    expect(() => parseIdfTable('# comment\nstem\t0.5\tlov\nword\t0.5\tx')).toThrow(/bad line/);
    expect(() => parseIdfTable('ngram\t1.5\ting>')).toThrow(/bad line/);
    expect(parseIdfTable('# only a comment\n').size).toBe(0);
  });
});
