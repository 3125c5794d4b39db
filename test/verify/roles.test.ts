/**
 * Paired roles (src/verify/roles.ts, lexicons/roles.json): a sentence that keeps the source's words but swaps
 * leier/utleier, arbeidsgiver/arbeidstaker, staten/kommunen … is refused, naming both words; the same roles reworded
 * or reordered are not.
 */
import { describe, expect, it } from 'vitest';
import type { PassageWithDocument } from '../../src/domain/types.js';
import { memoryPassageSource, verifyDraft } from '../../src/verify/index.js';
import { parseRoles, roleMentions, roleSwaps } from '../../src/verify/roles.js';
import { draftOf, seedPassage, seedSource } from './seedSource.js';

const REPAIR =
  'Leieren kan kreve at utleieren for egen regning retter en mangel ved husrommet eller tilbehøret dersom dette kan skje uten en urimelig kostnad eller ulempe for utleieren.';

/** A husleieloven passage shaped like a stored one (the seeds hold no statute). */
async function statute(text: string): Promise<PassageWithDocument> {
  const seed = await seedPassage('ntl-prinsipprogram-2019-p000');
  return {
    ...seed,
    id: 'nl-19990326-017-p017',
    documentId: 'nl-19990326-017',
    text,
    document: { ...seed.document, organisation: 'Kommunal- og distriktsdepartementet', title: 'Lov om husleieavtaler' },
  };
}

async function verdict(sentence: string, passage: PassageWithDocument, quote = passage.text) {
  const r = await verifyDraft(draftOf(sentence, passage.id, quote), { source: memoryPassageSource([passage]) });
  return r.sentences[0];
}

describe('paired roles', () => {
  it('finds a full swap of tenant and landlord, both ways, as sure', () => {
    expect(roleSwaps('Utleieren kan kreve at leieren for egen regning retter en mangel.', REPAIR)).toEqual([
      { sentence: 'utleieren', source: 'leieren', sure: true },
      { sentence: 'leieren', source: 'utleieren', sure: true },
    ]);
  });

  it('finds a role replaced by its counterpart where the cited text lacks the role itself', () => {
    expect(
      roleSwaps('Oppsigelse fra leier skal være skriftlig.', 'Oppsigelse fra utleier skal være skriftlig.'),
    ).toEqual([{ sentence: 'leier', source: 'utleier', sure: true }]);
    expect(
      roleSwaps(
        'Staten skal behandle seksjoneringssøknaden innen 12 uker.',
        'Kommunen skal behandle seksjoneringssøknaden og registrere seksjonene i matrikkelen innen 12 uker.',
      )[0],
    ).toEqual({ sentence: 'staten', source: 'kommunen', sure: true });
  });

  it('leaves the same roles alone when the sentence reorders or rewords them', () => {
    expect(roleSwaps('Leieren kan kreve at utleieren retter mangelen for egen regning.', REPAIR)).toEqual([]);
    expect(
      roleSwaps(
        'Ved eierskifte kan utleieren overføre rettigheter og forpliktelser etter leieavtalen til erververen.',
        'Ved eierskifte kan utleieren overføre til erververen rettigheter og forpliktelser etter leieavtalen.',
      ),
    ).toEqual([]);
    // A genitive owns what follows it: «innbyggernes privatliv» is not something the citizens do.
    expect(
      roleSwaps(
        'Oslo kommune har en viktig oppgave i å beskytte innbyggernes privatliv.',
        'Å beskytte innbyggernes privatliv og personopplysninger er en viktig oppgave som Oslo kommune forvalter.',
      ),
    ).toEqual([]);
    // A clause moved: what follows the comma is not the landlord's.
    expect(
      roleSwaps(
        'Leieren kan holde dyr selv om utleieren har forbudt dyrehold, dersom gode grunner taler for det.',
        'Selv om utleieren har fastsatt forbud mot dyrehold i eiendommen, kan leieren holde dyr dersom gode grunner taler for det.',
      ),
    ).toEqual([]);
  });

  it('reads the data file: role forms, Nynorsk through Bokmål, and no role in «leierett»', () => {
    expect(roleMentions('Leieretten og leiekontrakten.')).toEqual([]);
    expect(roleMentions('Arbeidsgjevaren og dei tilsette.').map((m) => m.role)).toEqual([
      'arbeidsgiver',
      'arbeidstaker',
    ]);
    expect(() => parseRoles({ about: '', roles: { a: ['a'] }, pairs: [['a', 'b']] })).toThrow(/unknown role «b»/);
  });

  it('refuses a swapped sentence with a reason naming both words, and supports the faithful one', async () => {
    const p = await statute(REPAIR);
    const quote = 'Leieren kan kreve at utleieren for egen regning retter en mangel ved husrommet eller tilbehøret';
    const swapped = await verdict(
      'Etter husleieloven kan utleieren kreve at leieren for egen regning retter en mangel ved husrommet eller tilbehøret.',
      p,
      quote,
    );
    expect(swapped.verdict).toBe('contradicted');
    expect(swapped.reasons).toContain('Setningen bytter om rollene: den gir «utleieren» det kilden sier om «leieren».');
    // The faithful sentence keeps the condition the rest of the cited sentence sets (frame.ts).
    const kept = await verdict(
      'Etter husleieloven kan leieren kreve at utleieren for egen regning retter en mangel ved husrommet eller tilbehøret dersom dette kan skje uten en urimelig kostnad eller ulempe for utleieren.',
      p,
      quote,
    );
    expect(kept.reasons).toEqual([]);
    expect(kept.verdict).toBe('supported');
  });

  it('catches employers and employees swapped in a seed', async () => {
    const q =
      'NTL skal jobbe for at arbeidsgiverne iverksetter tiltak som gir de ansatte mulighet til å styrke sin kompetanse';
    const r = await verifyDraft(
      draftOf(
        'NTL skal jobbe for at de ansatte iverksetter tiltak som gir arbeidsgiverne mulighet til å styrke sin kompetanse.',
        'ntl-prinsipprogram-2019-p003',
        q,
      ),
      { source: await seedSource() },
    );
    expect(r.sentences[0].verdict).toBe('contradicted');
    expect(r.sentences[0].reasons.join(' ')).toMatch(
      /bytter om rollene: den gir «ansatte» det kilden sier om «arbeidsgiverne»/,
    );
  });
});
