/** Organisation names on the floor (src/text/organisationNames.ts): which spellings are one name, which short forms count. */
import { describe, expect, it } from 'vitest';
import {
  differentGroups,
  NAME_GROUPS,
  nameKey,
  organisationAliases,
  organisationMentions,
  shortFormSlugs,
  spellingClash,
} from '../../src/text/organisationNames.js';
import { slug } from '../../src/text/slug.js';

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

describe('whole names of one organisation (the table’s `names`)', () => {
  it('reads «NTL» and «Norsk Tjenestemannslag» (also Nynorsk, any casing) as one name', () => {
    for (const n of ['Norsk Tjenestemannslag', 'norsk tjenestemannslag', 'Norsk Tenestemannslag'])
      expect(nameKey(n), n).toBe(nameKey('NTL'));
    expect(nameKey('Landsorganisasjonen i Norge')).toBe(nameKey('LO'));
    expect(nameKey('Kommunesektorens organisasjon')).toBe(nameKey('KS'));
    expect(nameKey('Kommunenes Sentralforbund')).toBe(nameKey('KS'));
    expect(nameKey('Yrkesorganisasjonenes Sentralforbund')).toBe(nameKey('YS'));
    expect(nameKey('Norsk Sykepleierforbund')).toBe(nameKey('NSF'));
  });

  it('keeps different organisations apart, and matches only whole names', () => {
    expect(nameKey('Yrkesorganisasjonenes Sentralforbund')).not.toBe(nameKey('KS'));
    expect(nameKey('YS')).not.toBe(nameKey('LO'));
    expect(nameKey('NTL Oslo')).not.toBe(nameKey('NTL'));
    expect(nameKey('Norsk')).not.toBe(nameKey('NTL'));
  });

  it('lists an organisation’s other names, a genitive read as the name', () => {
    expect(organisationAliases('NTL')).toEqual(['Norsk Tjenestemannslag']);
    expect(organisationAliases('Norsk Tjenestemannslag')).toEqual(['NTL']);
    expect(organisationAliases('NTLs')).toEqual(['NTL', 'Norsk Tjenestemannslag']);
    expect(organisationAliases('Fagforbundet')).toEqual([]);
    expect(differentGroups('Yrkesorganisasjonenes Sentralforbund', 'KS')).toBe(true);
    expect(differentGroups('Norsk Tjenestemannslag', 'NTL')).toBe(false);
    expect(differentGroups('Fagforbundet', 'KS')).toBe(false);
  });

  it('lists every group’s names once, no name in two groups', () => {
    const keys = NAME_GROUPS.flat().map((n) => slug(n));
    expect(new Set(keys).size).toBe(keys.length);
    expect(NAME_GROUPS.find((g) => g[0] === 'NTL')).toEqual(['NTL', 'Norsk Tjenestemannslag']);
  });
});

describe('spellingClash', () => {
  it('finds a name that reads as a stored one, naming the stored spelling', () => {
    expect(spellingClash(['KS', 'Norsk Tjenestemannslag'], ['NTL', 'Fagforbundet'])).toEqual({
      organisation: 'Norsk Tjenestemannslag',
      known: 'NTL',
      inBatch: false,
    });
  });

  it('finds two spellings within one batch, the first one given winning', () => {
    expect(spellingClash(['Oslo Arbeiderparti', 'KS', 'Oslo-Ap'], [])).toEqual({
      organisation: 'Oslo-Ap',
      known: 'Oslo Arbeiderparti',
      inBatch: true,
    });
  });

  it('passes other casings and organisations of their own', () => {
    expect(spellingClash(['ntl', 'NTL', 'Oslo', 'Fagforbundet'], ['NTL', 'Oslo Ap'])).toBeUndefined();
  });
});

describe('organisationMentions', () => {
  it('finds each mention with its offsets, the genitive’s apostrophe included', () => {
    const text = 'KS’ og Norsk Tjenestemannslags syn';
    const mentions = organisationMentions(text, ['ntl', 'ks']);
    expect(mentions.map((m) => [m.organisations, text.slice(m.start, m.end)])).toEqual([
      [['ks'], 'KS’'],
      [['ntl'], 'Norsk Tjenestemannslags'],
    ]);
  });

  it('takes the longest name: «Oslo Arbeiderparti» is not «Arbeiderpartiet» too', () => {
    const mentions = organisationMentions('Oslo Arbeiderpartiets program', ['Arbeiderpartiet', 'Oslo Arbeiderparti']);
    expect(mentions.map((m) => m.organisations)).toEqual([['Oslo Arbeiderparti']]);
  });
});
