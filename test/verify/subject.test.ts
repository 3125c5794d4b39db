/** Another subject for the cited modal and verb (src/verify/subject.ts): «Kommunene skal koordinere» for «geodatakoordinator». */
import { describe, expect, it } from 'vitest';
import { subjectShift } from '../../src/verify/subject.js';

describe('subject shift', () => {
  it('finds a changed subject before the modal, and an inverted one after it', () => {
    expect(
      subjectShift(
        'Kommunene skal koordinere arbeidet med landets infrastruktur for geografisk informasjon.',
        'En nasjonal geodatakoordinator skal koordinere arbeidet med landets infrastruktur for geografisk informasjon.',
      ),
    ).toEqual({ said: 'kommunene', source: 'geodatakoordinator', verb: 'koordinere' });
    expect(
      subjectShift(
        'I hus med flere enn fire boliger, kan utleieren velge en tillitsvalgt til å representere boligleierne.',
        'I hus der utleieren har utleid flere enn fire boliger, kan boligleierne i møte med vanlig flertall av de avgitte stemmer velge en tillitsvalgt til å representere dem overfor utleieren.',
      ),
    ).toEqual({ said: 'utleieren', source: 'boligleierne', verb: 'velge' });
  });

  it('leaves alone the same subject, a compound of it, a long subject phrase and «har»/«er» clauses', () => {
    expect(
      subjectShift(
        'Geodataloven skal bidra til god tilgang til geodata.',
        'Loven skal bidra til god og effektiv tilgang til offentlig geografisk informasjon.',
      ),
    ).toBeNull();
    expect(
      subjectShift(
        'Leien kan tidligst tilpasses seks måneder etter at kravet er satt fram.',
        'Tilpassing av leien etter første ledd kan tidligst settes i verk seks måneder etter at det er framsatt skriftlig krav om det.',
      ),
    ).toBeNull();
    expect(
      subjectShift(
        'Der leieren har adgang til en annens bolig, er fristen én måned.',
        'Der leieren etter avtalen har adgang til en annens bolig, skal fristen være én måned.',
      ),
    ).toBeNull();
  });

  it('names the words as each text writes them, though it compares them in Bokmål (Nynorsk «grannen», «varsla»)', () => {
    expect(
      subjectShift(
        'Etter grannelova skal grannen varsla eigaren før arbeidet tek til.',
        'Før arbeidet tek til, skal han varsla grannen.',
      ),
    ).toEqual({ said: 'grannen', source: 'han', verb: 'varsla' });
  });
});
