/**
 * Elisions that join two source sentences into one claim (src/verify/elisionJoin.ts), and the elision words added in
 * the third misses round (lexicons/elision.json: «på en slik måte at», «dessverre»).
 */
import { describe, expect, it } from 'vitest';
import { joinedAcrossSentences } from '../../src/verify/elisionJoin.js';
import { elidedRisk } from '../../src/verify/support/elidedRisk.js';
import { verifyDraft } from '../../src/verify/index.js';
import { draftOf, seedSource } from './seedSource.js';

const passage =
  'Kunstig intelligens må implementeres i offentlig sektor på en forsvarlig måte. Det bør opprettes et algoritmetilsyn. Dette er nødvendig for å opprettholde tillitt, spesielt til offentlige myndigheter.';

describe('an elision across a sentence end', () => {
  it('is a join when the sentence makes one claim of the pieces', () => {
    expect(
      joinedAcrossSentences(
        'Fagforbundet vil at kunstig intelligens implementeres for å opprettholde tillit.',
        'Kunstig intelligens må implementeres i offentlig sektor … for å opprettholde tillitt',
        passage,
      ),
    ).toBe(true);
  });

  it('is no join when the sentence keeps two things apart, the later piece opens on its own, or the elision stays inside one sentence', () => {
    expect(
      joinedAcrossSentences(
        'Fagforbundet vil ha et algoritmetilsyn, som er nødvendig for å opprettholde tillit.',
        'Det bør opprettes et algoritmetilsyn. … Dette er nødvendig for å opprettholde tillitt',
        passage,
      ),
    ).toBe(false);
    expect(
      joinedAcrossSentences(
        'Fagforbundet vil ha et algoritmetilsyn og mener det er nødvendig for å opprettholde tillit.',
        'Det bør opprettes et algoritmetilsyn. … Dette er nødvendig for å opprettholde tillitt',
        passage,
      ),
    ).toBe(false);
    expect(
      joinedAcrossSentences(
        'Kunstig intelligens må implementeres på en forsvarlig måte.',
        'Kunstig intelligens må implementeres (…) på en forsvarlig måte.',
        passage,
      ),
    ).toBe(false);
  });

  it('names «på en slik måte at» and «dessverre» as words an elision may not skip', () => {
    expect(
      elidedRisk(' på en slik måte at leieforholdet klart må anses oppgitt, ', 'Forlater leieren husrommet …'),
    ).toBe('på en slik måte at');
    expect(elidedRisk(' dessverre ', 'Fagforbundet mener at digitalisering er et lederansvar.')).toBe('dessverre');
  });

  it('marks a seed quote that joins two sentences with a «fordi» ≈, with the reason', async () => {
    const r = await verifyDraft(
      draftOf(
        'Ifølge Oslo Ap klarer markedet raskere å tilby digitale tjenester fordi de mest ressurssterke brukerne vil migrere til private løsninger.',
        'oslo-ap-digitalisering-for-alle-2018-p005',
        'markedet raskere klarer å tilby digitale tjenester … fordi de mest ressurssterke brukerne, vil migrere til private løsninger.',
      ),
      { source: await seedSource() },
    );
    expect(r.sentences[0].verdict).not.toBe('supported');
    expect(r.sentences[0].reasons).toContain(
      'Utelatelsen («…») slår sammen to setninger i kilden til én påstand – kontroller at kilden sier dette.',
    );
  });
});
