/**
 * Opposite outcomes (src/verify/lexicons/opposites.json): a correctly quoted source under a sentence that draws the
 * opposite conclusion without a negation word («avslag» for «godkjenning», «feil retning» for «riktig retning»).
 */
import { describe, expect, it } from 'vitest';
import { verifyDraft } from '../../src/verify/index.js';
import { lexicons, shifts } from '../../src/verify/lexicon.js';
import { draftOf, seedSource } from './seedSource.js';

const opposites = () => [lexicons().find((l) => l.lexicon.name === 'opposites')!];

describe('opposite outcomes', () => {
  it('finds the opposite outcome, and reads a negated term as the other side', () => {
    expect(shifts('skal dette regnes som avslag', 'skal dette regnes som godkjenning', opposites())[0]).toMatchObject({
      lexicon: 'opposites',
      sentence: 'avslag',
      source: ['godkjenning'],
    });
    expect(shifts('oppsigelsen er ikke gyldig', 'oppsigelsen er ugyldig', opposites())).toEqual([]);
    expect(shifts('modellen må styrkes, ikke svekkes', 'denne modellen styrkes, ikke svekkes', opposites())).toEqual(
      [],
    );
  });

  it('makes «feil retning» for «riktig retning» contradicted, naming both', async () => {
    const quote =
      'Vi mener regjeringa med digitaliseringsstrategien «Fremtidens digitale Norge» har tatt et stort skritt i riktig retning.';
    const source = await seedSource();
    const at = 'fagforbundet-uttalelse-2024-p000';
    const wrong = await verifyDraft(
      draftOf(
        'Fagforbundet mener regjeringa med digitaliseringsstrategien har tatt et stort skritt i feil retning.',
        at,
        quote,
      ),
      { source },
      { organisation: 'Fagforbundet' },
    );
    expect(wrong.sentences[0].verdict).toBe('contradicted');
    expect(wrong.sentences[0].reasons).toContain(
      'Setningen endrer utfallet: den sier «feil retning», men kilden sier «riktig retning».',
    );
    const right = await verifyDraft(
      draftOf(
        'Fagforbundet mener regjeringa med digitaliseringsstrategien har tatt et stort skritt i riktig retning.',
        at,
        quote,
      ),
      { source },
      { organisation: 'Fagforbundet' },
    );
    expect(right.sentences[0].verdict).toBe('supported');
  });
});
