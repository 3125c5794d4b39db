/** What a number is a share of (src/verify/numberReference.ts): «2/3 av bærekraftsmålene» is not «2/3 av kommunene». */
import { describe, expect, it } from 'vitest';
import { changedShare } from '../../src/verify/numberReference.js';
import { verifyDraft } from '../../src/verify/index.js';
import { draftOf, seedSource } from './seedSource.js';

describe('a share of another noun', () => {
  it('finds the same number made a share of something else, in figures or words', () => {
    expect(
      changedShare(
        'FN sier at 2/3 av kommunene kun kan løse bærekraftsmålene lokalt.',
        'FN sier at 2/3 av bærekraftsmålene kun kan løses gjennom regional og lokal innsats.',
      ),
    ).toEqual({ number: '2/3', said: 'kommunene', source: 'bærekraftsmålene' });
    expect(
      changedShare(
        'Et flertall på to tredjedeler av eierne kan kreve målere.',
        'Et flertall på to tredjedeler av leierne kan kreve at det blir installert apparat for måling.',
      ),
    ).toEqual({ number: 'to tredjedeler', said: 'eierne', source: 'leierne' });
  });

  it('leaves alone the same share, another way of writing it, and a number with no «av»', () => {
    const quote = 'FN sier at 2/3 av bærekraftsmålene kun kan løses gjennom regional og lokal innsats.';
    expect(changedShare('FN sier at to tredjedeler av bærekraftsmålene bare kan løses lokalt.', quote)).toBeNull();
    expect(changedShare('FN sier at 2/3 av alle bærekraftsmålene må løses lokalt.', quote)).toBeNull();
    expect(
      changedShare('Rundt 850 000 har for svak digital kompetanse.', 'Rundt 850 000 har for svak kompetanse.'),
    ).toBeNull();
  });

  it('marks the seed sentence ≈ with the noun the source counts', async () => {
    const r = await verifyDraft(
      draftOf(
        'FN sier at 2/3 av kommunene kun kan løse bærekraftsmålene gjennom regional og lokal innsats.',
        'ks-innspill-digitaliseringsstrategi-2023-p003',
        'FN sier at 2/3 av bærekraftsmålene kun kan løses gjennom regional og lokal innsats.',
      ),
      { source: await seedSource() },
    );
    expect(r.sentences[0].verdict).not.toBe('supported');
    expect(r.sentences[0].reasons).toContain('Tallet «2/3» gjelder «bærekraftsmålene» i kilden, ikke «kommunene».');
  });
});
