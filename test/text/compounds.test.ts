import { describe, expect, it } from 'vitest';
import { compoundCuts, splitCompound } from '../../src/text/compounds.js';

describe('splitCompound', () => {
  const known =
    (...stems: string[]) =>
    (s: string) =>
      stems.includes(s);

  it('splits into known parts, with or without a linking s', () => {
    expect(splitCompound('digitaliseringsstrategien', known('digitalisering', 'strategi'))).toEqual([
      'digitalisering',
      'strategi',
    ]);
    expect(splitCompound('kommunesektoren', known('kommun', 'sektor'))).toEqual(['kommun', 'sektor']);
  });

  it('returns the stemmed word when no split into known parts exists', () => {
    expect(splitCompound('kommunesektoren', known('sektor'))).toEqual(['kommunesektor']);
  });
});

describe('compoundCuts', () => {
  it('offers modifier + head cuts, with and without a linking s', () => {
    expect(compoundCuts('skyløsning')).toContainEqual({ modifier: 'sky', head: 'løsning' });
    expect(compoundCuts('digitaliseringsstrategi')).toContainEqual({ modifier: 'digitalisering', head: 'strategi' });
    expect(compoundCuts('kommun')).toEqual([]);
    expect(compoundCuts('covid-19')).toEqual([]);
  });

  it('never cuts off a word-forming prefix', () => {
    expect(compoundCuts('overgangsordning').map((c) => c.modifier)).not.toContain('over');
  });
});
