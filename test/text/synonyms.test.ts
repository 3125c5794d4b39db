import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stem } from '../../src/text/stem.js';
import { parseSynonyms, spellingVariants, synonymLexicon, synonymsOf, wordForms } from '../../src/text/synonyms.js';

/** The shipped file's groups, each with the field (`# field: …`) it is listed under. */
function shippedGroups(): { field: string; words: string[]; line: number }[] {
  const tsv = readFileSync(new URL('../../src/text/data/synonyms.tsv', import.meta.url), 'utf8');
  let field = '';
  const out: { field: string; words: string[]; line: number }[] = [];
  for (const [n, raw] of tsv.split('\n').entries()) {
    const line = raw.trim();
    if (line.startsWith('# field:')) field = line.slice('# field:'.length).trim();
    if (!line || line.startsWith('#')) continue;
    out.push({ field, words: line.split(/[\t,]/), line: n + 1 });
  }
  return out;
}

/** Words meant to be in two groups: two senses of one word. */
const IN_TWO_GROUPS = new Set(['kompetanse']);

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

describe('the shipped lexicon of the consultation register (issue 17)', () => {
  const groups = shippedGroups();

  it('parses, with 150+ groups under the ten fields of the register', () => {
    expect(() => synonymLexicon()).not.toThrow();
    expect(groups.length).toBeGreaterThanOrEqual(150);
    expect(new Set(groups.map((g) => g.field))).toEqual(
      new Set([
        'people and roles',
        'bodies and levels of government',
        'IT systems and services',
        'skills and training',
        'money and procurement',
        'security and privacy',
        'health and care',
        'work and employment',
        'law and rights',
        'change and time',
        'general',
      ]),
    );
  });

  it('lists base forms in lower case, one word each: no definite or plural endings', () => {
    const bad = groups.flatMap((g) =>
      g.words
        .filter((w) => !/^[a-zæøå]+$/.test(w) || /(?:ene|ane|ingen|heten|sjonen)$|[a-zæøå]{3}erne$/.test(w))
        .map((w) => `${g.line}: ${w}`),
    );
    expect(bad).toEqual([]);
  });

  it('has no word, nor two words of one stem, in two groups unless meant', () => {
    const where = new Map<string, number[]>();
    for (const g of groups) for (const w of new Set(g.words.map(stem))) where.set(w, [...(where.get(w) ?? []), g.line]);
    const twice = [...where].filter(
      ([s, lines]) => lines.length > 1 && !IN_TWO_GROUPS.has(s) && ![...IN_TWO_GROUPS].some((w) => stem(w) === s),
    );
    expect(twice).toEqual([]);
  });

  it.each([
    // [field, a word as a question writes it, a synonym the lexicon must give for it]
    ['people and roles', 'innbyggerne', 'folk'],
    ['people and roles', 'folk', 'innbygger'],
    ['people and roles', 'tillitsvalgte', 'representant'],
    ['people and roles', 'arbeidstakerrepresentanter', 'tillitsvalgt'],
    ['bodies and levels of government', 'virksomheter', 'etat'],
    ['bodies and levels of government', 'parlamentet', 'storting'],
    ['IT systems and services', 'datasystemer', 'iktsystem'],
    ['IT systems and services', 'iktsystem', 'datasystem'],
    ['IT systems and services', 'nettløsninger', 'digitaltjeneste'],
    ['IT systems and services', 'informasjonsteknologi', 'ikt'],
    ['skills and training', 'kurs', 'opplæring'],
    ['skills and training', 'opplæringen', 'kurs'],
    ['skills and training', 'kompetanseutvikling', 'kompetanseheving'],
    ['money and procurement', 'innkjøp', 'anskaffelse'],
    ['money and procurement', 'anskaffelser', 'innkjøp'],
    ['money and procurement', 'kollektivavtalen', 'tariffavtale'],
    ['security and privacy', 'datasikkerhet', 'informasjonssikkerhet'],
    ['security and privacy', 'persondata', 'personopplysning'],
    ['health and care', 'sykehjemmene', 'pleiehjem'],
    ['health and care', 'omsorgsteknologi', 'velferdsteknologi'],
    ['work and employment', 'heltid', 'fulltid'],
    ['work and employment', 'omorganisering', 'omstilling'],
    ['law and rights', 'lovverket', 'regelverk'],
    ['law and rights', 'forskjellsbehandling', 'diskriminering'],
    ['change and time', 'implementeringen', 'innføring'],
    ['change and time', 'framtiden', 'fremtid'],
  ])('%s: «%s» gives «%s»', (_field, word, synonym) => {
    expect(synonymsOf(word)).toContain(synonym);
  });

  it('keeps apart what is near but not the same', () => {
    // «sykepleier» is no synonym of «ansatt»; «lærer» (a teacher) is not «læring»; «fast» is not «fastlege».
    expect(synonymsOf('sykepleier')).toEqual([]);
    expect(synonymsOf('ansatt')).not.toContain('sykepleier');
    expect(synonymsOf('lærer')).toEqual([]);
    expect(synonymsOf('fast')).toEqual([]);
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
