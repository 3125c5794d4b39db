/**
 * Rules from the tenth and eleventh blind sets, opened as development data in session 18 (issue 15). Each test fails
 * on the code before the rule.
 */
import { describe, expect, it } from 'vitest';
import { isClaim } from '../../src/verify/claim.js';
import { compare } from '../../src/verify/lexicon.js';
import { assessSupport } from '../../src/verify/support.js';
import type { UsableCitation } from '../../src/verify/support/citedText.js';

/** One usable citation of `quote`, the whole text of a passage of a document of `organisation`. */
const usable = (quote: string, organisation = 'Fagforbundet'): UsableCitation[] => [
  {
    citation: { passageId: 'p1', quote },
    passage: {
      id: 'p1',
      text: quote,
      headingPath: [],
      document: { id: 'd1', title: 'Uttalelse', organisation, date: '2024-01-01' },
    },
  } as unknown as UsableCitation,
];
import { subjectShift } from '../../src/verify/subject.js';
import { echoedWe, findHolder } from '../../src/verify/holder.js';

describe('a courtesy line of two courtesies, and a claim behind thanks', () => {
  it('two courtesies joined by «og» are courtesy, each held to its own length', () => {
    expect(
      isClaim('KS ser fram til den videre dialogen med departementet og bidrar gjerne i det videre arbeidet.'),
    ).toBe(false);
    expect(isClaim('NTL takkar for høvet til å kome med innspel og stiller gjerne opp på eit møte om saka.')).toBe(
      false,
    );
  });

  it('the speaker is not counted against the length of the thanks', () => {
    expect(
      isClaim(
        'Fagforbundet takker for muligheten til å gi innspill til arbeidet med ny nasjonal digitaliseringsstrategi.',
      ),
    ).toBe(false);
  });

  it('a predicate of its own after «og» must be a courtesy too', () => {
    expect(
      isClaim('Vi takker for muligheten til å uttale oss, og viser til at uttalelsen ble vedtatt enstemmig av styret.'),
    ).toBe(true);
    expect(isClaim('Vi takker for invitasjonen og peker på at fristen er altfor kort.')).toBe(true);
    // Not a predicate: a second object of the thanks.
    expect(isClaim('Vi takker for invitasjonen og for muligheten til å gi innspill.')).toBe(false);
  });

  it('a clause hung on the courtesy after a comma states something', () => {
    expect(isClaim('Avslutningsvis takker vi for høringen, som fikk rekordmange svar.')).toBe(true);
    expect(isClaim('NTL bidrar gjerne videre, slik vi også gjorde da forrige strategi ble laget.')).toBe(true);
    // An offer's closing condition is part of the courtesy.
    expect(isClaim('Vi står gjerne til disposisjon dersom departementet ønsker å drøfte innspillene nærmere.')).toBe(
      false,
    );
  });
});

describe('who does it, when the cited subject has a phrase hung on it', () => {
  it('the head noun of a long subject is who does it', () => {
    expect(
      subjectShift(
        'Oslo Arbeiderparti vil bruke en slik utvikling til å legitimere mer bruk av private løsninger.',
        'Forkjemperne for private løsninger vil bruke en slik utvikling til å legitimere mer bruk av private løsninger.',
      ),
    ).toMatchObject({ source: 'forkjemperne', verb: 'bruke' });
    expect(
      subjectShift(
        'Leverandørene skal sikre personvernet til innbyggerne.',
        'Alle fagsystemer i kommunal sektor skal sikre personvernet til innbyggerne.',
      ),
    ).toMatchObject({ said: 'leverandørene', source: 'fagsystemer' });
  });

  it('a sentence that shortens the long subject to a word of it gives the verb no other subject', () => {
    expect(
      subjectShift(
        'Offentlige IKT-tjenester må organiseres under demokratisk styring.',
        'Drift av offentlige IKT-tjenester må organiseres under demokratisk styring.',
      ),
    ).toBeNull();
    expect(
      subjectShift('Kompetansen må heves i hele sektoren.', 'Kompetansenivået i kommunene må heves i hele sektoren.'),
    ).toBeNull();
  });
});

describe('who does it, when the cited verb stands in a subordinate clause without an auxiliary', () => {
  const cited = 'Reformen forutsetter at kommunene gis nok midler, og at arbeidet forankres i tillitsvalgte.';
  it('a sentence giving the verb another subject than the cited clause names is a shift', () => {
    expect(subjectShift('Tillitsvalgte må gis nok midler.', cited)).toMatchObject({ source: 'kommunene', verb: 'gis' });
    expect(subjectShift('Midlene til reformen må forankres i tillitsvalgte.', cited)).toMatchObject({
      source: 'arbeidet',
    });
  });
  it('the same subject, or one the sentence names too, is none', () => {
    expect(subjectShift('Kommunene må gis nok midler.', cited)).toBeNull();
    expect(subjectShift('Tillitsvalgte må gis innsyn i hvordan kommunene bruker midlene.', cited)).toBeNull();
  });
});

describe('who did it, in the perfect tense', () => {
  const cited = 'Etter flere møter med medlemmene har KS utarbeidet et skriftlig innspill til strategien.';
  it('«har» and a participle hold the verb to its subject, inverted in the quote or not', () => {
    expect(subjectShift('Rådet har utarbeidet et skriftlig innspill til strategien.', cited)).toMatchObject({
      source: 'KS',
      verb: 'utarbeidet',
    });
    expect(subjectShift('KS har utarbeidet et skriftlig innspill til strategien.', cited)).toBeNull();
  });
  it('«blant annet» is no subject, and a noun after «har» is no participle', () => {
    expect(
      subjectShift(
        'Skate har pekt på utfordringer med styring.',
        'Her har blant annet Skate pekt på utfordringer med styring.',
      ),
    ).toBeNull();
    expect(subjectShift('Rådet har adgang til dokumentene.', 'Styret har adgang til dokumentene.')).toBeNull();
  });
});

describe('«vi» taken over from the quote', () => {
  it("speaks with the quote's first person when it stands next to the same word", () => {
    const sentence = 'Vi opplever at tjenester levert av egne ansatte gir best kvalitet.';
    expect(findHolder(sentence)).toBeNull();
    expect(echoedWe(sentence, 'Vi opplever samtidig at tjenester levert av egne ansatte gir best kvalitet.')).toEqual({
      kind: 'we',
      text: 'Vi',
    });
    expect(echoedWe('Derfor ser vi at ordningen virker.', 'Vi ser at ordningen virker.')).toMatchObject({ kind: 'we' });
  });

  it('is no holder when the quote has no «vi» beside the same word', () => {
    expect(echoedWe('Vi ser at ordningen virker.', 'Ordningen virker, ser det ut til.')).toBeNull();
    expect(echoedWe('Vi ser at ordningen virker.', 'Vi mener ordningen virker.')).toBeNull();
  });
});

describe('a partial negation made whole', () => {
  const quote = 'Nye systemer trenger ikke alltid gi bedre tjenester for innbyggerne.';
  it('is a dropped restriction: «ikke alltid» said as «ikke»', () => {
    const r = assessSupport('Nye systemer gir ikke bedre tjenester for innbyggerne.', usable(quote));
    expect(r.verdict).not.toBe('supported');
    expect(r.reasons.join(' ')).toContain('«ikke alltid»');
  });
  it("is none when the sentence keeps a qualifier, in the quote's words or its own", () => {
    for (const s of [
      'Nye systemer gir ikke alltid bedre tjenester for innbyggerne.',
      'Nye systemer gir ikke nødvendigvis bedre tjenester for innbyggerne.',
    ])
      expect(assessSupport(s, usable(quote)).reasons.join(' ')).not.toContain('«ikke alltid»');
  });
});

describe('an emphatic «selv» the quote does not back', () => {
  const quote = 'NTL skal arbeide for at arbeidsgiverne tilbyr kurs i digitale verktøy for alle ansatte.';
  it('names who acts: ≈ when the quote has no «selv» or «egne»', () => {
    const r = assessSupport('NTL skal selv tilby kurs i digitale verktøy for alle ansatte.', usable(quote, 'NTL'));
    expect(r.verdict).not.toBe('supported');
    expect(r.findings.map((f) => f.check)).toContain('self-added');
  });
  it('is none where the quote says it, or where «selv» is no actor', () => {
    const own = 'NTL skal selv tilby kurs i digitale verktøy for alle ansatte.';
    expect(assessSupport(own, usable(own, 'NTL')).findings.map((f) => f.check)).not.toContain('self-added');
    const even = 'NTL skal arbeide for kurs i digitale verktøy, selv om arbeidsgiverne har ansvaret.';
    expect(
      assessSupport(
        'Selv om arbeidsgiverne har ansvaret, skal NTL arbeide for kurs i digitale verktøy.',
        usable(even, 'NTL'),
      ).findings.map((f) => f.check),
    ).not.toContain('self-added');
  });
});

describe('«noe som» refers to the whole clause before it', () => {
  const quote =
    'Nye fagsystemer bør innføres gradvis og sammen med brukerne, noe som gir færre feil og lavere kostnader.';
  const checks = (sentence: string) => assessSupport(sentence, usable(quote, 'KS')).findings.map((f) => f.check);
  it('a sentence making one word of that clause the subject drops the rest (≈)', () => {
    expect(checks('Nye fagsystemer gir færre feil og lavere kostnader.')).toContain('condition-dropped');
  });
  it('a sentence restating the clause keeps it', () => {
    expect(
      checks('Fagsystemer som innføres gradvis og sammen med brukerne, gir færre feil og lavere kostnader.'),
    ).not.toContain('condition-dropped');
  });
});

describe('a time adverbial with a unit word counts nothing', () => {
  it('«i dag» and «i åra framover» are no days or years', () => {
    const units = (sentence: string, cited: string) =>
      compare(sentence, cited).shifts.filter((x) => x.lexicon === 'units');
    expect(
      units('Talet er høgt i dag og må ned i åra framover.', 'Tallet er høyt i dag og må ned i tida framover.'),
    ).toEqual([]);
    // A count of days turned into years is still a unit shift.
    expect(units('Fristen er tre år.', 'Fristen er tre dager.')).not.toEqual([]);
  });
});
