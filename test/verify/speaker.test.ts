/**
 * Speaker shift (src/verify/speaker.ts, lexicons/speakers.json): what the cited text gives to someone else made the
 * draft's own «vi», and a view the cited text only reports («Et hovedperspektiv er …») made the organisation's.
 */
import { describe, expect, it } from 'vitest';
import { verifyDraft } from '../../src/verify/index.js';
import { reportFrame, speakerShift } from '../../src/verify/speaker.js';
import { draftOf, seedSource } from './seedSource.js';

describe('speaker shift', () => {
  it('finds «vi» doing what another subject does in the quote, or what a passive leaves unsaid', () => {
    expect(
      speakerShift(
        'Vi vil bruke en slik utvikling til å legitimere mer bruk av private løsninger.',
        'Forkjemperne for private løsninger vil bruke en slik utvikling til å legitimere mer bruk av private løsninger.',
        ['Oslo Arbeiderparti'],
      ),
    ).toBe('forkjemperne private');
    expect(
      speakerShift(
        'Vi anser personopplysninger som verdifulle.',
        'Personopplysninger anses som verdifulle fordi de kan bidra til nyttige tjenester for innbyggerne.',
        ['Oslo Arbeiderparti'],
      ),
    ).toBe('personopplysninger');
  });

  it('leaves alone the quote’s own «vi», the organisation’s name, its members, a passive demand and a view verb', () => {
    const orgs = ['Oslo Arbeiderparti'];
    expect(
      speakerShift(
        'Vi er positive til innføring av ny teknologi.',
        'Fagforbundets medlemmer er positive til innføring av ny teknologi.',
        ['Fagforbundet'],
      ),
    ).toBeNull();
    expect(
      speakerShift(
        'Vi må gjennomføre kompetanseheving.',
        'Kompetanseheving må også gjennomføres for å forhindre digitalt utenforskap.',
        ['Fagforbundet'],
      ),
    ).toBeNull();
    expect(
      speakerShift('Vi må ruste norske arbeidstakere.', 'Skal vi klare dette må vi ruste norske arbeidstakere.', orgs),
    ).toBeNull();
    expect(
      speakerShift(
        'Vi ønsker en skytjeneste som drives av offentlig sektor.',
        'Fagforbundet ønsker en skytjeneste som drives og utvikles av offentlig sektor.',
        ['Fagforbundet'],
      ),
    ).toBeNull();
    expect(
      speakerShift('Vi mener det ligger et stort potensial her.', 'Fagforbundet mener det ligger et stort potensial.', [
        'Fagforbundet',
      ]),
    ).toBeNull();
  });

  it('finds a reported view made the organisation’s own', () => {
    expect(
      reportFrame(
        'Vi mener digitalisering først og fremst er et lederansvar.',
        'Et hovedperspektiv er dessverre at digitalisering først og fremst er et lederansvar.',
      ),
    ).toBe('hovedperspektiv');
    expect(reportFrame('Vi mener digitalisering er et lederansvar.', 'Digitalisering er et lederansvar.')).toBeNull();
  });

  it('marks «Vi har pekt på …» for what Skate pointed out ≈ in a KS draft, naming Skate', async () => {
    const r = await verifyDraft(
      draftOf(
        'Vi har pekt på utfordringer knyttet til styring og finansiering ved tverrsektorielt samarbeid.',
        'ks-innspill-digitaliseringsstrategi-2023-p012',
        'Topplederorganet Skate (Styring og koordinering av tjenester i e-forvaltningen) har blant annet pekt på utfordringer knyttet til styring og finansiering ved tverrsektorielt samarbeid.',
      ),
      { source: await seedSource() },
      { organisation: 'KS' },
    );
    expect(r.sentences[0].verdict).not.toBe('supported');
    expect(r.sentences[0].reasons).toContain(
      'I kilden er det «topplederorganet skate» som gjør eller mener dette, ikke «vi» – kontroller hvem som står bak.',
    );
  });
});
