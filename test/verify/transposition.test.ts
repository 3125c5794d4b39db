/**
 * Two stretches swapped around a verb (src/verify/transposition.ts): every word is the source's, only the order
 * says who does what to whom. A finding asks for review; lists read backwards and moved phrases are left alone.
 */
import { describe, expect, it } from 'vitest';
import { verifyDraft } from '../../src/verify/index.js';
import { swappedParts } from '../../src/verify/transposition.js';
import { draftOf, seedSource } from './seedSource.js';

describe('swapped stretches', () => {
  it('finds cause and effect swapped around the verb, past the sentence’s own frame', () => {
    expect(
      swappedParts(
        'Oslo Arbeiderparti mener økt velferd vil skape teknologisk innovasjon.',
        'Teknologisk innovasjon vil skape økt velferd.',
      ),
    ).toEqual({ first: 'økt velferd', second: 'teknologisk innovasjon' });
    expect(
      swappedParts(
        'Overvåkning av ansatte fører til manglende involvering i digitaliseringsprosesser.',
        'Manglende involvering i digitaliseringsprosesser fører også til at overvåkning av ansatte er et økende problem.',
      ),
    ).not.toBeNull();
  });

  it('leaves alone the source’s order, a list read backwards, a moved phrase and V2 inversion', () => {
    expect(
      swappedParts('Teknologisk innovasjon vil skape økt velferd.', 'Teknologisk innovasjon vil skape økt velferd.'),
    ).toBeNull();
    expect(swappedParts('Vi trenger omsorg, skole og helse.', 'Vi trenger helse, skole og omsorg.')).toBeNull();
    expect(
      swappedParts(
        'Leier av bolig kan med utleierens godkjenning framleie i opptil to år.',
        'Leier av bolig kan framleie med godkjenning fra utleieren i inntil to år.',
      ),
    ).toBeNull();
    expect(
      swappedParts(
        'Personvernet må sikres i all digitalisering.',
        'I tillegg må personvernet til innbyggere og ansatte sikres i all digitalisering.',
      ),
    ).toBeNull();
  });

  it('asks for review of a reversed seed sentence, naming both stretches', async () => {
    const quote = 'IKT bidrar til innovasjon og utvikling av andre deler norsk næringsliv.';
    const r = await verifyDraft(
      draftOf(
        'Oslo Arbeiderparti skriver at innovasjon bidrar til IKT og utvikling av andre deler norsk næringsliv.',
        'oslo-ap-digitalisering-for-alle-2018-p015',
        quote,
      ),
      { source: await seedSource() },
    );
    expect(r.sentences[0].verdict).toBe('partly_supported');
    expect(r.sentences[0].reasons).toContain(
      'Setningen bytter om leddene: «innovasjon» og «ikt» står i motsatt rekkefølge i kilden – kontroller hvem som gjør hva.',
    );
  });
});
