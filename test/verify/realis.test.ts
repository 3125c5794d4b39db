/**
 * Status shift (src/verify/realis.ts, lexicons/realis.json): a demand, wish or goal in the source stated as done or as
 * how things are. The sentence keeps the source's words, so only the mood tells; a finding asks for review.
 */
import { describe, expect, it } from 'vitest';
import { verifyDraft } from '../../src/verify/index.js';
import { statusShift } from '../../src/verify/realis.js';
import { draftOf, seedSource } from './seedSource.js';

describe('status shift', () => {
  it('finds a «må», a «bør» or a stated goal reported as done', () => {
    expect(
      statusShift(
        'Tillitsreformen har fått fullt gjennomslag også når det gjelder digitale systemer.',
        'Tillitsreformen må få fullt gjennomslag også når det gjelder digitale systemer i offentlig sektor.',
      ),
    ).toEqual({ source: 'må' });
    expect(
      statusShift(
        'Regjeringen har vedtatt at store IKT-prosjekter styres på en ny og bedre måte.',
        'Regjeringen har som uttalt mål i Hurdalsplattformen at “store IKT-prosjekter styres på en ny og bedre måte”',
      ),
    ).toEqual({ source: 'som uttalt mål' });
  });

  it('leaves alone a sentence that keeps a demand, a wish, a need or the organisation’s support', () => {
    const quote = 'Det bør opprettes et algoritmetilsyn som kan overvåke og veilede bruk av KI i samfunnet.';
    expect(
      statusShift('Fagforbundet mener det bør opprettes et algoritmetilsyn som kan overvåke KI.', quote),
    ).toBeNull();
    expect(
      statusShift('Fagforbundet vil ha et algoritmetilsyn som overvåker og veileder bruk av KI.', quote),
    ).toBeNull();
    expect(
      statusShift(
        'Fagforbundet stiller seg bak en offensiv digitaliseringspolitikk for offentlig sektor.',
        'Fagforbundet ønsker en offensiv digitaliseringspolitikk for offentlig sektor.',
      ),
    ).toBeNull();
    // After «mener» the rest is a view: only a sign of completion makes it a claim that the demand is met.
    expect(
      statusShift(
        'NTL mener forvaltning av IKT-systemene er en statlig kjerneoppgave.',
        'Forvaltning av IKT-systemene må anses som en statlig kjerneoppgave.',
      ),
    ).toBeNull();
    expect(
      statusShift(
        'Fagforbundet mener tillitsreformen har fått fullt gjennomslag.',
        'Tillitsreformen må få fullt gjennomslag også når det gjelder digitale systemer.',
      ),
    ).toEqual({ source: 'må' });
    // The noun «behovene» is no wish of the sentence's; «må utvikles» against «er utviklet» is still a shift.
    expect(
      statusShift(
        'Norske språkmodeller er utviklet for å ivareta de særskilte behovene offentlig sektor har.',
        'Norske språkmodeller må utvikles for å ivareta særskilte behov som offentlig sektor har.',
      ),
    ).toEqual({ source: 'må' });
  });

  it('marks «er allerede på plass» for a proposal ≈ with a Norwegian reason, never ✓', async () => {
    const r = await verifyDraft(
      draftOf(
        'Fagforbundet har fått på plass et algoritmetilsyn som overvåker og veileder bruk av KI i samfunnet.',
        'fagforbundet-innspill-digitaliseringsstrategi-2023-p013',
        'Det bør opprettes et algoritmetilsyn som kan overvåke og veilede bruk av KI i samfunnet.',
      ),
      { source: await seedSource() },
    );
    expect(r.sentences[0].verdict).not.toBe('supported');
    expect(r.sentences[0].reasons).toContain(
      'Kilden uttrykker et krav, mål eller ønske («bør»); setningen sier det som om det allerede er slik – kontroller.',
    );
  });
});
