/** Each directional lexicon (src/verify/lexicons/*.json): its own direction pairs shift both ways, same-group terms do not. */
import { describe, expect, it } from 'vitest';
import { compare, LEXICON_NAMES, lexicons, shifts } from '../../src/verify/lexicon.js';

describe('directional lexicons', () => {
  for (const name of LEXICON_NAMES) {
    it(`${name}: every direction pair is a shift, both ways, and names the words`, () => {
      const lex = lexicons().find((l) => l.lexicon.name === name)!;
      for (const [a, b] of lex.lexicon.pairs) {
        const one = shifts(`Setningen sier ${b} her.`, `Kilden sier ${a} her.`, [lex]);
        expect(one, `${a} → ${b}`).toHaveLength(1);
        expect(one[0].lexicon).toBe(name);
        expect(one[0].sentence).toBe(b);
        expect(one[0].source).toContain(a);
        expect(shifts(`Setningen sier ${a} her.`, `Kilden sier ${b} her.`, [lex]), `${b} → ${a}`).toHaveLength(1);
        expect(shifts(`Setningen sier ${a} her.`, `Kilden sier ${a} her.`, [lex]), `${a} = ${a}`).toEqual([]);
      }
    });
  }

  it('says nothing when the cited text does not speak on the scale', () => {
    expect(shifts('Fagforbundet er skeptisk til planen.', 'Planen ble lagt fram i mars.')).toEqual([]);
  });

  it('reads Nynorsk forms as Bokmål (tilsette = ansatte) and a negated stance as the other side', () => {
    expect(shifts('Dei tilsette må få opplæring.', 'De ansatte må få opplæring.')).toEqual([]);
    expect(shifts('Vi avviser ikke ny teknologi.', 'Vi er positive til ny teknologi.')).toEqual([]);
    expect(shifts('Tvert imot er vi positive.', 'Vi er positive til dette.')).toEqual([]);
  });

  it('quantity: «de fleste» / «flertallet» is a step above «mange», not the same claim; within each step no shift', () => {
    const many = 'Mange kommuner har innført heltidskultur.';
    const most = shifts('De fleste kommuner har innført heltidskultur.', many);
    expect(most.map((s) => s.lexicon)).toEqual(['quantity']);
    expect(shifts('Flertallet av kommunene har innført heltidskultur.', many)).toHaveLength(1);
    expect(shifts('Dei fleste kommunane har innført heiltidskultur.', many)).toHaveLength(1);
    expect(
      shifts('Flertallet av kommunene har innført heltidskultur.', 'De fleste kommunene har innført heltidskultur.'),
    ).toEqual([]);
    expect(shifts('Mange kommuner har ofte innført heltidskultur.', many)).toEqual([]);
  });

  it('reports the words it found in agreement, so overlap need not count them', () => {
    expect(compare('Fagforbundet er kritisk til planen.', 'Vi er bekymret for planen.').agreed).toContain('kritisk');
  });

  it('issue 15, fourth blind set: «lunken» (stance), «pålagt», «tillatt», «ikke tillatt» (modality), «eller noen»', () => {
    expect(
      shifts('Styret er lunkent til nye p-plasser.', 'Styret støtter nye p-plasser.').map((x) => x.lexicon),
    ).toEqual(['stance']);
    expect(compare('Eieren er pålagt å måke fortauet.', 'Eieren skal måke fortauet.').agreed).toContain('pålagt');
    expect(compare('Det er tillatt å sykle i gågata.', 'Det er adgang til å sykle i gågata.').agreed).toContain(
      'tillatt',
    );
    expect(shifts('Det er ikke tillatt å sykle i gågata.', 'Man skal ikke sykle i gågata.')).toEqual([]);
    expect(shifts('Det er tillatt å sykle i gågata.', 'Man skal sykle i gågata.').map((x) => x.lexicon)).toEqual([
      'modality',
    ]);
    expect(
      compare('Bilen til eieren kan fjernes.', 'Bilen til eieren eller noen i husstanden kan fjernes.').dropped,
    ).toEqual([]);
  });
});
