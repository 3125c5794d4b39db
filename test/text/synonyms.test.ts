import { describe, expect, it } from 'vitest';
import { parseSynonyms, spellingVariants, synonymsOf, wordForms } from '../../src/text/synonyms.js';

describe('the synonym lexicon', () => {
  it('finds a word’s synonyms by its stem, both ways', () => {
    expect(synonymsOf('kunnskapen')).toContain('kompetanse');
    expect(synonymsOf('kompetanse')).toContain('kunnskap');
    expect(synonymsOf('kurs')).toContain('opplæring');
    expect(synonymsOf('hackere')).toContain('cyberangrep');
  });

  it('finds a long entry at the start of a compound, but not a short one inside a longer word', () => {
    expect(synonymsOf('maskinlæringsmodeller')).toContain('intelligens');
    // «digital» (7 letters) is a synonym of «nett»; «digitalisering» is not.
    expect(synonymsOf('digitalisering')).toEqual([]);
  });

  it('has nothing for a word it does not list', () => {
    expect(synonymsOf('fiskekvotene')).toEqual([]);
  });

  it('rejects a line that is not two tab-separated columns, naming the line', () => {
    expect(() => parseSynonyms('# comment\nkunnskap kompetanse\n')).toThrow(/line 2/);
    expect(parseSynonyms('a-ord\tb-ord,c-ord\n').get('b-ord')).toEqual(['a-ord', 'c-ord']);
  });
});

describe('spelling variants', () => {
  it('pairs the parallel forms Norwegian allows', () => {
    expect(spellingVariants('overvåking')).toContain('overvåkning');
    expect(spellingVariants('overvåkning')).toContain('overvåking');
    expect(spellingVariants('forbrukerne')).toContain('forbruker');
    expect(spellingVariants('viktigare')).toContain('viktigere');
  });

  it('leaves other words alone', () => {
    expect(spellingVariants('kommunane')).toEqual(['kommunane']);
    expect(wordForms('fiskekvotene')).toEqual(['fiskekvotene']);
  });
});
