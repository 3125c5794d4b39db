/**
 * What ✗ means (issue 15, precision of the hard verdicts; NOTE at MINIMAL_PAIR in src/verify/support/thresholds.ts):
 * a negation inside a condition restated as a duty is ≈, a reading (lexicon scale, roles) is ✗ only as a minimal pair,
 * and a report asked for with `explain` says which check gave which verdict.
 */
import { describe, expect, it } from 'vitest';
import type { PassageWithDocument } from '../../src/domain/types.js';
import { checkPolarity } from '../../src/verify/polarity.js';
import { memoryPassageSource, verifyDraft } from '../../src/verify/index.js';
import { draftOf, seedPassage } from './seedSource.js';

/** One passage with the given text (a seed's document), and the verdict, reasons and findings for a sentence. */
async function verify(text: string, quote: string, sentence: string) {
  const seed = await seedPassage('ntl-prinsipprogram-2019-p000');
  const p: PassageWithDocument = { ...seed, id: 'x-p001', text };
  const report = await verifyDraft(
    draftOf(sentence, p.id, quote),
    { source: memoryPassageSource([p]) },
    { explain: true },
  );
  return report.sentences[0];
}

const ITEM =
  '3. leieren ikke dokumenterer å ha reist søksmål innen fem uker etter at varselet etter femte ledd er sendt.';
const ITEM_QUOTE =
  'leieren ikke dokumenterer å ha reist søksmål innen fem uker etter at varselet etter femte ledd er sendt';

describe('a negation inside a condition', () => {
  it('is marked inCondition in a list item under a lead-in and after «dersom», not in a main clause', () => {
    expect(
      checkPolarity('Leieren har en frist på fem uker til å dokumentere at søksmål er reist.', ITEM),
    ).toMatchObject([{ kind: 'removed', word: 'ikke', inCondition: true }]);
    const source = 'Dersom leieren ikke betaler leien innen fristen, kan utleieren heve avtalen.';
    expect(checkPolarity('Leieren må betale leien innen fristen.', source)[0]).toMatchObject({ inCondition: true });
    const main = checkPolarity('Utleieren kan heve avtalen.', 'Utleieren kan ikke heve avtalen.');
    expect(main).toHaveLength(1);
    expect(main[0].inCondition).toBeUndefined();
  });

  it('restated as a duty or a deadline without a condition is ≈ (needs review), not ✗', async () => {
    for (const sentence of [
      'Leieren har en frist på fem uker til å dokumentere at søksmål er reist.',
      'Leieren må dokumentere å ha reist søksmål innen fem uker etter at varselet er sendt.',
    ]) {
      const s = await verify(ITEM, ITEM_QUOTE, sentence);
      expect(s.verdict).toBe('partly_supported');
      expect(s.reasons[0]).toMatch(/^Kilden sier «ikke» om «leieren», «dokumenterer»/);
    }
  });

  it('kept as a condition and flipped is still ✗ (contradicted), as is a flipped main clause', async () => {
    const source = 'Dersom leieren ikke betaler leien innen fristen, kan utleieren heve avtalen.';
    const flipped = await verify(
      source,
      source,
      'Dersom leieren betaler leien innen fristen, kan utleieren heve avtalen.',
    );
    expect(flipped.verdict).toBe('contradicted');
    const main = await verify(
      'Utleieren kan ikke heve avtalen.',
      'Utleieren kan ikke heve avtalen.',
      'Utleieren kan heve avtalen.',
    );
    expect(main.verdict).toBe('contradicted');
  });
});

describe('a reading (lexicon scale, roles) is ✗ only as a minimal pair', () => {
  const cases = [
    {
      name: 'stance',
      source: 'Fagforbundet støtter forslaget om en ny digitaliseringsstrategi for kommunene.',
      pair: 'Fagforbundet er skeptisk til forslaget om en ny digitaliseringsstrategi for kommunene.',
      paraphrase:
        'Fagforbundet er skeptisk til forslaget om en ny digitaliseringsstrategi for kommunene i hele landet.',
      reason: 'Setningen endrer standpunkt: den sier «skeptisk», men kilden sier «støtter».',
    },
    {
      name: 'quantity',
      source: 'Mange ansatte vil trenge kompetanseheving i årene som kommer.',
      pair: 'Alle ansatte vil trenge kompetanseheving i årene som kommer.',
      paraphrase: 'Alle ansatte vil trenge kompetanseheving og ny utdanning i årene som kommer.',
      reason: 'Setningen endrer mengde eller hyppighet: den sier «alle», men kilden sier «mange».',
    },
    {
      name: 'roles',
      source: 'Utleieren dekker kostnadene med å opprette depositumskonto.',
      pair: 'Leieren dekker kostnadene med å opprette depositumskonto.',
      paraphrase: 'Leieren dekker kostnadene med å opprette depositumskonto i banken.',
      reason: 'Setningen bytter om rollene: den gir «leieren» det kilden sier om «utleieren».',
    },
  ];
  for (const c of cases) {
    it(`${c.name}: the source with one word changed is ✗, the same change with words the source lacks is ≈`, async () => {
      const pair = await verify(c.source, c.source, c.pair);
      expect(pair.verdict).toBe('contradicted');
      expect(pair.reasons).toContain(c.reason);
      const loose = await verify(c.source, c.source, c.paraphrase);
      expect(loose.verdict).toBe('partly_supported');
      expect(loose.reasons).toContain(c.reason);
    });
  }
});

describe('findings (explain)', () => {
  it('name the check behind each verdict, and are left out unless asked for', async () => {
    const source = 'Mange ansatte vil trenge kompetanseheving i årene som kommer.';
    const s = await verify(source, source, 'Alle ansatte vil trenge kompetanseheving i årene som kommer.');
    expect(s.findings).toEqual([{ check: 'lexicon:quantity', verdict: 'contradicted' }]);
    const seed = await seedPassage('ntl-prinsipprogram-2019-p000');
    const plain = await verifyDraft(draftOf('Alle ansatte vil trenge det.'), {
      source: memoryPassageSource([seed]),
    });
    expect(plain.sentences[0].findings).toBeUndefined();
  });
});
