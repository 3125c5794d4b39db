/**
 * The main modal verb (src/verify/mainModal.ts): the sentence's auxiliary against the quote's that governs the same
 * words, so an echoed «kan» in a relative clause does not hide «må» for «bør»; a wish («vil at … skal») is not a shift.
 */
import { describe, expect, it } from 'vitest';
import { verifyDraft } from '../../src/verify/index.js';
import { modalShift } from '../../src/verify/mainModal.js';
import { draftOf, seedSource } from './seedSource.js';

const TILSYN = 'Det bør opprettes et algoritmetilsyn som kan overvåke og veilede bruk av KI i samfunnet.';

describe('the main modal verb', () => {
  it('finds a demand made of a recommendation and an option made of it, past an echoed «kan»', () => {
    expect(modalShift('Vi krever at det må opprettes et algoritmetilsyn som kan overvåke bruk av KI.', TILSYN)).toEqual(
      {
        said: 'må',
        source: 'bør',
      },
    );
    expect(modalShift('Det kan vurderes å opprette et algoritmetilsyn som kan overvåke bruk av KI.', TILSYN)).toEqual({
      said: 'kan',
      source: 'bør',
    });
    expect(
      modalShift(
        'Er avtalen muntlig, kan den settes opp skriftlig.',
        'Er avtalen muntlig, skal den settes opp skriftlig.',
      ),
    ).toEqual({
      said: 'kan',
      source: 'skal',
    });
  });

  it('says nothing for the same strength, a wish, or auxiliaries that govern different words', () => {
    expect(modalShift('Det bør opprettes et algoritmetilsyn.', TILSYN)).toBeNull();
    expect(
      modalShift(
        'NTL vil at statlige virksomheter skal utvikle fagsystemene selv.',
        'Statlige virksomheter bør utvikle og drifte sine fagsystemer.',
      ),
    ).toBeNull();
    expect(
      modalShift(
        'Flere systemer bør utvikles av egne ansatte.',
        'Sektoren må ansvarliggjøres, og flere systemer bør utvikles av egne ansatte.',
      ),
    ).toBeNull();
    expect(modalShift('Tilsynet kan komme.', 'Staten må betale.')).toBeNull();
  });

  it('asks for review of «krever … må» cited to «bør», naming both words', async () => {
    const r = await verifyDraft(
      draftOf(
        'Fagforbundet krever at det må opprettes et algoritmetilsyn som kan overvåke og veilede bruk av KI i samfunnet.',
        'fagforbundet-innspill-digitaliseringsstrategi-2023-p013',
        TILSYN,
      ),
      { source: await seedSource() },
    );
    expect(r.sentences[0].verdict).toBe('partly_supported');
    expect(r.sentences[0].reasons).toContain(
      'Setningen endrer hvor bindende det er: den sier «må», men kilden sier «bør».',
    );
  });
});
