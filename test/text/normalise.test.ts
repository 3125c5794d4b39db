import { describe, expect, it } from 'vitest';
import { canonicalLine, looseTokens, normalise, normaliseQuote } from '../../src/text/normalise.js';

describe('normalise', () => {
  it('unifies typographic quotes, dashes, invisible characters and whitespace', () => {
    expect(normalise('«Bra» – “sa” ‘hun’\u00A0og\u200B kompe\u00ADtanse\n\n  slutt').text).toBe(
      '"Bra" - "sa" \'hun\' og kompetanse slutt',
    );
  });

  it('composes decomposed letters and splits ligatures (NFKC)', () => {
    expect(normalise('a\u030Apen \uFB01nans').text).toBe('åpen finans');
  });

  it('maps every normalised character back to its offsets in the original', () => {
    const original = 'Vi\n\n  «støtter»\u00ADdette';
    const n = normalise(original);
    expect(n.text).toBe('Vi "støtter"dette');
    const at = n.text.indexOf('støtter');
    expect(original.slice(n.starts[at], n.ends[at + 'støtter'.length - 1])).toBe('støtter');
    // The collapsed whitespace run covers all of it.
    expect(original.slice(n.starts[2], n.ends[2])).toBe('\n\n  ');
  });
});

describe('normaliseQuote', () => {
  it('trims what normalise leaves around a quote', () => {
    expect(normaliseQuote('\n «digital kompetanse» ')).toBe('"digital kompetanse"');
  });
});

describe('looseTokens', () => {
  it('gives lower-cased words with their offsets in the original', () => {
    const original = 'Økt  «Kompetanse»!';
    expect(looseTokens(original).map((t) => [t.word, original.slice(t.start, t.end)])).toEqual([
      ['økt', 'Økt'],
      ['kompetanse', 'Kompetanse'],
    ]);
  });
});

describe('canonicalLine', () => {
  it('collapses spaces, tabs and line breaks but keeps no-break and narrow spaces', () => {
    expect(canonicalLine('  Vi mener\n\tat  850\u00A0000 og 5\u202F% ')).toBe('Vi mener at 850\u00A0000 og 5\u202F%');
  });
});
