/**
 * The text leg searches a question word's related forms (issue 17, fifth round): its synonyms and, for a Nynorsk
 * compound, its Bokmål form, at RELATED_WEIGHT. Questions and passages written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textLeg } from '../../src/retrieve/search.js';
import { RELATED_WEIGHT, relatedForms, textQuery } from '../../src/retrieve/textTerms.js';
import type { Db } from '../../src/store/db.js';
import { storeWith, textDocument as doc } from '../helpers/runtime.js';

const FILLER =
  'Departementet har bedt om innspill fra mange instanser, og svarene skal leses samlet før en konklusjon tas.';

let db: Db;
beforeAll(async () => {
  ({ db } = await storeWith([
    doc('svak', `Rundt 400 000 lærere har for svak kompetanse i programmering. ${FILLER}`),
    doc('lærere', `Lærere i grunnskolen underviser mange timer i uka. ${FILLER}`),
    doc('sky', `Kommunen bør flytte arkivet sitt til en skyløsning innen to år. ${FILLER}`),
    doc('arkiv', `Arkivet i kommunen er gammelt og trenger nye hyller. ${FILLER}`),
  ]));
}, 60_000);
afterAll(async () => db.close());

describe('relatedForms', () => {
  it("lists a word's synonyms and a Nynorsk compound's Bokmål form, not the question's own words", () => {
    expect(relatedForms('Hvor mange lærere har dårlige ferdigheter?')).toEqual([
      ['svak'],
      expect.arrayContaining(['kompetanse']),
    ]);
    expect(relatedForms('Bør arkivet flyttast til ei skyløysing?')).toEqual([expect.arrayContaining(['skyløsning'])]);
    // Function words get none, and a whole-word Bokmål form is searched at full weight instead (bridgedQuestion).
    expect(relatedForms('Kva har dei tilsette sagt?').flat()).not.toContain('ansatte');
  });
});

describe('text leg with related forms', () => {
  it('finds the passage saying «svak kompetanse» for a question on «dårlige ferdigheter»', async () => {
    // Of the question's own words both passages have only «lærere»; the shorter one would win on it alone.
    const hits = await textLeg(db, 'Hvor mange lærere har dårlige ferdigheter?', 10);
    expect(hits.map((h) => h.id.replace(/-p\d+$/, '')).slice(0, 2)).toEqual(['svak', 'lærere']);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
    const q = (await textQuery(db, 'Hvor mange lærere har dårlige ferdigheter?', { related: false }))!;
    expect(q.terms.flatMap((t) => t.lexemes)).not.toContain('svak');
  });

  it('weighs a related form below the word it stands for', async () => {
    // «svak» and the question's own «programmering» are each in one passage: the same idf.
    const q = (await textQuery(db, 'Har lærere dårlige ferdigheter i programmering?'))!;
    const svak = q.terms.find((t) => t.lexemes.includes('svak'))!;
    const own = q.terms.find((t) => t.lexemes.some((l) => l.startsWith('programmer')))!;
    expect(svak.df).toBe(own.df);
    expect(svak.weight).toBeCloseTo(RELATED_WEIGHT * own.weight, 9);
    expect(RELATED_WEIGHT).toBeLessThan(1);
  });

  it('finds a Bokmål passage for a Nynorsk compound («skyløysing» → «skyløsning»)', async () => {
    // «arkivet» is in both; the Nynorsk compound alone tells them apart.
    const hits = await textLeg(db, 'Bør arkivet over i ei skyløysing?', 10);
    expect(hits.map((h) => h.id.replace(/-p\d+$/, '')).slice(0, 2)).toEqual(['sky', 'arkiv']);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
    const lexemes = async (related: boolean) =>
      (await textQuery(db, 'Bør arkivet over i ei skyløysing?', { related }))!.terms.flatMap((t) => t.lexemes);
    expect(await lexemes(true)).toContain('skyløsning');
    expect(await lexemes(false)).not.toContain('skyløsning');
  });
});
