/** Organisation names on the floor (src/text/organisationNames.ts): which spellings are one name, which short forms count. */
import { describe, expect, it } from 'vitest';
import { nameKey, shortFormSlugs } from '../../src/text/organisationNames.js';

describe('nameKey', () => {
  it('reads casing, hyphens, short forms and other spellings as one name', () => {
    const key = nameKey('Oslo Arbeiderparti');
    for (const n of ['Oslo AP', 'Oslo-Ap', 'oslo ap', 'Oslo Arbeidarpartiet', ' Oslo  Arbeiderpartiet '])
      expect(nameKey(n), n).toBe(key);
    expect(nameKey('NTL')).toBe(nameKey('ntl'));
    expect(nameKey('Fagforbundet Ås')).toBe(nameKey('fagforbundet-as'));
  });

  it('keeps different organisations apart', () => {
    expect(nameKey('Oslo')).not.toBe(nameKey('Oslo Arbeiderparti'));
    expect(nameKey('Bergen Ap')).not.toBe(nameKey('Oslo Ap'));
    expect(nameKey('NTL')).not.toBe(nameKey('KS'));
  });
});

describe('shortFormSlugs', () => {
  it('gives a name with another word its abbreviations of at most three letters', () => {
    expect(shortFormSlugs('Oslo Arbeiderparti')).toEqual(['oslo-ap']);
    expect(shortFormSlugs('Oslo Arbeiderpartiet')).toEqual(['oslo-ap']);
    expect(shortFormSlugs('Bergen Fremskrittsparti')).toEqual(['bergen-frp']);
  });

  it('gives none that would stand alone or that are whole words', () => {
    expect(shortFormSlugs('Arbeiderpartiet')).toEqual([]);
    expect(shortFormSlugs('Arbeiderparti')).toEqual([]);
    expect(shortFormSlugs('NTL')).toEqual([]);
    expect(shortFormSlugs('Norsk Tjenestemannslag')).toEqual([]);
    expect(shortFormSlugs('Fagforbundet')).toEqual([]);
    expect(shortFormSlugs('Oslo Ap')).toEqual([]);
  });
});
