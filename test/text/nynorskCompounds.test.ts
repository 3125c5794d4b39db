/** Issue 17, fourth round: Nynorsk compounds whose inner part or head the lexicon lists get their Bokmål form. */
import { describe, expect, it } from 'vitest';
import { compoundBokmalForms } from '../../src/text/nynorsk.js';
import { questionTerms } from '../../src/draft/questionTerms.js';

describe('compoundBokmalForms', () => {
  it('rewrites a listed part inside or at the end of a compound', () => {
    expect(compoundBokmalForms('barneskulelærarar')).toContain('barneskolelærarar');
    expect(compoundBokmalForms('kurstilbodet')).toContain('kurstilbudet');
  });

  it('leaves listed words, short parts and word starts to the whole-word bridge', () => {
    expect(compoundBokmalForms('skule')).toEqual([]);
    expect(compoundBokmalForms('skulebygg')).toEqual([]);
    expect(compoundBokmalForms('digital')).toEqual([]);
  });

  it('gives a Nynorsk question the Bokmål compound a source uses', () => {
    const [term] = questionTerms('Kva meiner dei om kurstilbodet?');
    expect(term.word).toBe('kurstilbodet');
    expect(term.forms).toContain('kurstilbudet');
  });
});
