import { describe, expect, it } from 'vitest';
import { DEFAULT_DIMENSION, LocalEmbedder } from '../../src/embed/local.js';

const embedder = new LocalEmbedder();
const cos = (a: string, b: string) => {
  const x = embedder.embed(a);
  const y = embedder.embed(b);
  return x.reduce((s, v, i) => s + v * y[i], 0);
};
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const UNRELATED = ['lønnsoppgjøret i staten', 'sykehusenes økonomi', 'jernbanen', 'barnehagelærernes arbeidstid'];

describe('LocalEmbedder', () => {
  it('matches a compound with its parts written apart', () => {
    const related = cos('digitaliseringsstrategien', 'strategi for digitalisering');
    const worst = Math.max(...UNRELATED.map((u) => cos('digitaliseringsstrategien', u)));
    expect(related).toBeGreaterThan(0.4);
    expect(related - worst).toBeGreaterThan(0.3);
  });

  it('matches across inflection and derivation', () => {
    const related = cos('kommunene', 'kommunal sektor');
    const worst = Math.max(...UNRELATED.map((u) => cos('kommunene', u)));
    expect(related).toBeGreaterThan(0.25);
    expect(related - worst).toBeGreaterThan(0.15);
    expect(cos('sykehusene', 'sykehus')).toBeGreaterThan(0.8);
    expect(cos('arbeidstakernes rettigheter', 'rettighetene til arbeidstakere')).toBeGreaterThan(0.5);
  });

  it('is deterministic: same text, same vector, in any instance and via either LangChain method', async () => {
    const text = 'Kommunene må få finansiert digitaliseringen, skriver forbundet i høringssvaret.';
    const again = new LocalEmbedder();
    expect(again.embed(text)).toEqual(embedder.embed(text));
    expect(await again.embedQuery(text)).toEqual(embedder.embed(text));
    expect(await embedder.embedDocuments([text, 'jernbanen'])).toEqual([
      embedder.embed(text),
      embedder.embed('jernbanen'),
    ]);
  });

  it('returns unit vectors of the configured dimension', () => {
    for (const text of ['a b kommune', 'Helse- og omsorgstjenesteloven § 3-2', 'x'.repeat(5000), 'Æøå ÆØÅ 2024']) {
      const v = embedder.embed(text);
      expect(v).toHaveLength(DEFAULT_DIMENSION);
      expect(norm(v)).toBeCloseTo(1, 12);
    }
    expect(new LocalEmbedder({ dimension: 768 }).embed('kommune')).toHaveLength(768);
  });

  it('gives the zero vector for text without content words (empty, whitespace, punctuation, stop words)', () => {
    for (const text of ['', '   \n\t', '— … !?', 'og i at det som']) {
      const v = embedder.embed(text);
      expect(v).toHaveLength(DEFAULT_DIMENSION);
      expect(v.every((x) => x === 0)).toBe(true);
    }
  });

  it('names its model by version, dimension and any non-default features, so stored vectors never mix', () => {
    expect(embedder.model).toBe(`innspill-local-ngram-v2-${DEFAULT_DIMENSION}`);
    expect(embedder.dimension).toBe(DEFAULT_DIMENSION);
    expect(new LocalEmbedder({ dimension: 512 }).model).toBe('innspill-local-ngram-v2-512');
    const variants = [new LocalEmbedder({ idf: false }), new LocalEmbedder({ features: { ngramMax: 6 } })].map(
      (e) => e.model,
    );
    expect(new Set([embedder.model, ...variants]).size).toBe(3);
    expect(() => new LocalEmbedder({ dimension: 4 })).toThrow(RangeError);
  });

  it('keeps its vectors unchanged unless VERSION is bumped', () => {
    // NOTE: if this fails on purpose (new features, new IDF table), bump VERSION in src/embed/local.ts so
    // stores re-embed, then update the model name and the fingerprint here.
    const v = embedder.embed('Kommunene og fylkeskommunene støtter digitaliseringsstrategien.');
    const fingerprint = v.reduce((s, x, i) => s + x * ((i % 7) + 1), 0).toFixed(6);
    expect([embedder.model, fingerprint]).toEqual(['innspill-local-ngram-v2-384', '0.981915']);
  });
});
