/**
 * Which way a limit points (src/verify/lexicons/bounds.json): «høyst» for «minst», «senest» for «tidligst»,
 * «lengre tid enn» for «kortere tid enn» reverse a rule while keeping its number; a negation turns a term
 * («ikke overstige» is a ceiling), so restatements that keep the direction are not shifts.
 */
import { describe, expect, it } from 'vitest';
import { lexicons, shifts } from '../../src/verify/lexicon.js';
import { memoryPassageSource, verifyDraft } from '../../src/verify/index.js';
import { draftOf, seedPassage } from './seedSource.js';

const bounds = () => [lexicons().find((l) => l.lexicon.name === 'bounds')!];

describe('bounds', () => {
  it('finds a floor turned into a ceiling and the other way round, with the words', () => {
    const s = shifts('gi en frist på høyst fire uker', 'gi en frist på minst fire uker', bounds());
    expect(s).toMatchObject([{ lexicon: 'bounds', sentence: 'høyst', source: ['minst'] }]);
    expect(
      shifts('kan senest settes i verk ett år etter', 'kan tidligst settes i verk ett år etter', bounds()),
    ).toHaveLength(1);
    expect(
      shifts(
        'ikke adgang til å inngå avtale for lengre tid enn tre år',
        'ikke adgang til å inngå avtale for kortere tid enn tre år',
        bounds(),
      ),
    ).toHaveLength(1);
  });

  it('reads a negated term as the other side, so restatements keep their direction', () => {
    expect(
      shifts('et depositum på høyst seks måneders leie', 'kan ikke overstige summen av seks måneders leie', bounds()),
    ).toEqual([]);
    expect(
      shifts(
        'Avtalen kan ikke inngås for kortere tid enn tre år.',
        'Det er ikke adgang til avtale for kortere tid enn tre år.',
        bounds(),
      ),
    ).toEqual([]);
    expect(
      shifts(
        'ikkje vere nærare granneeigedomen enn 1,25 meter',
        'må ikkje vera nærare granneeigedomen enn 1,25 meter',
        bounds(),
      ),
    ).toEqual([]);
    expect(
      shifts(
        'ikkje vere lenger frå granneeigedomen enn 1,25 meter',
        'må ikkje vera nærare granneeigedomen enn 1,25 meter',
        bounds(),
      ),
    ).toHaveLength(1);
  });

  it('makes «høyst fire uker» for «minst fire uker» contradicted through the verifier, with a Norwegian reason', async () => {
    const seed = await seedPassage('ntl-prinsipprogram-2019-p000');
    const text =
      'Sameieren må skriftlig varsle de øvrige sameierne om sitt krav og gi en frist på minst fire uker til å komme med innsigelser.';
    const p = { ...seed, id: 'nl-20170616-065-p014', documentId: 'nl-20170616-065', text };
    const source = memoryPassageSource([p]);
    const flipped = await verifyDraft(
      draftOf(
        'Sameieren må skriftlig varsle de øvrige sameierne om sitt krav og gi en frist på høyst fire uker til å komme med innsigelser.',
        p.id,
        text,
      ),
      { source },
    );
    expect(flipped.sentences[0].verdict).toBe('contradicted');
    expect(flipped.sentences[0].reasons).toContain(
      'Setningen endrer grensen: den sier «høyst», men kilden sier «minst».',
    );
    const kept = await verifyDraft(draftOf(text, p.id, text), { source });
    expect(kept.sentences[0].verdict).toBe('supported');
  });
});
