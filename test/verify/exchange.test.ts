/**
 * Two named things exchanged across a stretch of words, and passives whose roles the source has the other way round
 * (src/verify/exchange.ts). A free reordering that keeps each thing in its slot is left alone.
 */
import { describe, expect, it } from 'vitest';
import { exchangedParts, reversedPassive } from '../../src/verify/exchange.js';
import { verifyDraft } from '../../src/verify/index.js';
import { draftOf, seedSource } from './seedSource.js';

describe('exchanged parts', () => {
  it('leaves a passive with its agent turned active alone: the parts change places by design', () => {
    const cited =
      'Vederlaget fastsettes likevel av retten når utleieren har gått til sak mot leieren etter reglene i § 9-8, og oppsigelsen ikke settes til side.';
    expect(
      exchangedParts(
        'Retten fastsetter likevel vederlaget når utleieren har gått til sak mot leieren etter § 9-8 og oppsigelsen ikke settes til side.',
        cited,
      ),
    ).toBeNull();
  });

  it('finds two things on the wrong sides of the same stretch', () => {
    expect(
      exchangedParts(
        'Som regel blir fagpersoner brukt som beslutningsstøtte, mens kunstig intelligens fatter den endelige beslutningen.',
        'Som regel blir kunstig intelligens brukt som beslutningsstøtte, hvor fagpersoner fatter den endelige beslutningen i siste instans.',
      ),
    ).toEqual({ first: 'fagpersoner', second: 'kunstig intelligens' });
    expect(
      exchangedParts(
        'Markedet kan komme til å sitte igjen med de mest ressurskrevende brukerne, som det offentlige ikke tjener penger på.',
        'Det offentlige kan komme til å sitte igjen med de mest ressurskrevende brukerne, dem markedet ikke tjener penger på.',
      ),
    ).toEqual({ first: 'markedet', second: 'offentlige' });
  });

  it('leaves alone a subject traded with an adverbial, a moved time phrase and the source’s own order', () => {
    expect(
      exchangedParts(
        'Avvik fra standardvilkårene skal opplyses skriftlig senest ved inngåelsen av avtalen.',
        'Er leieavtalen inngått på grunnlag av standardvilkår, skal det senest ved inngåelsen av avtalen opplyses skriftlig om eventuelle avvik fra standardvilkårene.',
      ),
    ).toBeNull();
    expect(
      exchangedParts(
        'I september arrangerte KS et innspillsmøte om den nye digitaliseringsstrategien.',
        'Med utgangspunkt i en rekke bidrag fra medlemmene, blant annet i innspillsmøtet KS arrangerte i september, har KS utarbeidet et skriftlig innspill til regjeringens arbeid med ny digitaliseringsstrategi.',
      ),
    ).toBeNull();
    expect(
      exchangedParts(
        'Det offentlige kan komme til å sitte igjen med brukerne.',
        'Det offentlige kan komme til å sitte igjen med brukerne.',
      ),
    ).toBeNull();
  });

  it('finds a passive with «av» whose roles the source has the other way round', () => {
    expect(
      reversedPassive(
        'Årsaken kan være at arbeidsgiver blir involvert av eksterne konsulentselskap.',
        'Årsaken til dette kan være at arbeidsgiver involverer eksterne konsulentselskap som er i et kontraktsforhold med virksomheten.',
      ),
    ).toEqual({ subject: 'arbeidsgiver', agent: 'eksterne' });
    expect(
      reversedPassive(
        'Arbeidsgiver blir involvert av eksterne konsulentselskap.',
        'Arbeidsgiver blir involvert av eksterne konsulentselskap.',
      ),
    ).toBeNull();
  });

  it('marks a seed sentence with its two things exchanged ≈, naming both', async () => {
    const r = await verifyDraft(
      draftOf(
        'Fagforbundet mener flere digitale systemer bør utvikles og drives av innleide konsulenter framfor egne ansatte.',
        'fagforbundet-innspill-digitaliseringsstrategi-2023-p012',
        'Videre må offentlig sektor ansvarliggjøres når det gjelder styringen av egne digitale systemer, og flere av disse bør utvikles og drives av egne ansatte, framfor ved innleie av konsulenter.',
      ),
      { source: await seedSource() },
    );
    expect(r.sentences[0].verdict).not.toBe('supported');
    expect(r.sentences[0].reasons).toContain(
      'Setningen bytter om leddene: «konsulenter» og «egne ansatte» står i motsatt rekkefølge i kilden – kontroller hvem som gjør hva.',
    );
  });
});
