/**
 * The rules of issue 15's round on the second blind set, opened as development data (session 13): the causes of its
 * hard false alarms (✗ on a faithful sentence), each fixed at its root as a kind. Every sentence here is written for
 * the test about a passage in the seeds' register; none is copied from a case file. Each rule has a control: the
 * fault it must still catch.
 */
import { describe, expect, it } from 'vitest';
import { shifts } from '../../src/verify/lexicon.js';
import { extractNumbers, missingNumbers } from '../../src/verify/numbers.js';
import { rankingWidened } from '../../src/verify/alignment.js';
import { changedItems } from '../../src/verify/enumeration.js';
import { droppedHedge } from '../../src/verify/hedge.js';
import { contentOverlap } from '../../src/verify/overlap.js';
import { checkPolarity } from '../../src/verify/polarity.js';
import { statusShift } from '../../src/verify/realis.js';
import { subjectShift } from '../../src/verify/subject.js';
import { causeTurned, preferenceTurned } from '../../src/verify/turned.js';
import { verifyAgainst } from './seedSource.js';

const HARD = ['unsupported', 'contradicted', 'uncited'];

describe('negations: the same negation found where it is', () => {
  const cables =
    'Greiner og master som henger inn over tomta kan kommunen kutte. For master gjelder dette bare når eieren er ' +
    'varslet og de ikke er flyttet innen rimelig tid.';

  it('«innen» (within) is not its stem «inn»: a negation before «innen» does not bracket against «henger inn over»', async () => {
    const sentence =
      'Kommunen kan kutte greiner og master som henger inn over tomta, men master bare når de ikke er fjernet innen rimelig tid.';
    expect(checkPolarity(sentence, cables)).toEqual([]);
    expect(HARD).not.toContain((await verifyAgainst(cables, sentence)).verdict);
  });

  it('control: the negation dropped before «innen» is still a reversal', async () => {
    const s = await verifyAgainst(
      cables,
      'For master gjelder dette bare når eieren er varslet og de er flyttet innen rimelig tid.',
    );
    expect(s.verdict).toBe('contradicted');
    expect(s.reasons.join(' ')).toContain('ikke');
  });

  const lawyers = 'Kommunen bør bygge opp et eget juridisk fagmiljø fremfor å kjøpe tjenester fra advokatfirmaer.';

  it('«i stedet for» restates «fremfor» (rather than): no negation added', async () => {
    const sentence =
      'Kommunen bør bygge opp et eget juridisk fagmiljø i stedet for å kjøpe tjenester fra advokatfirmaer.';
    expect(checkPolarity(sentence, lawyers)).toEqual([]);
    expect((await verifyAgainst(lawyers, sentence)).verdict).toBe('supported');
    // And the other way round: the sentence's «framfor» against a cited «istedenfor».
    expect(
      checkPolarity(
        'Kommunen bør bygge opp et eget fagmiljø framfor å kjøpe tjenester.',
        'Kommunen bør bygge opp et eget fagmiljø istedenfor å kjøpe tjenester.',
      ),
    ).toEqual([]);
  });

  it('control: «i stedet for» against a text that says both is still an added negation', async () => {
    const both = 'Kommunen bør bygge opp et eget juridisk fagmiljø og kjøpe tjenester fra advokatfirmaer.';
    const s = await verifyAgainst(both, lawyers.replace('fremfor', 'i stedet for'));
    expect(s.verdict).toBe('contradicted');
  });

  const permits =
    'Et lag kan med godkjenning fra kommunen sette opp en gapahuk i friområdet. Godkjenning kan ikke nektes uten ' +
    'saklig grunn.';

  it('an active «kan ikke nekte» restates a passive «kan ikke nektes» (opposites.json lists the verb forms)', async () => {
    const sentence =
      'Et lag kan med godkjenning fra kommunen sette opp en gapahuk i friområdet, og kommunen kan ikke nekte uten saklig grunn.';
    expect(HARD).not.toContain((await verifyAgainst(permits, sentence)).verdict);
  });

  it('control: the refusal turned into a free choice is caught (it was a miss while «nekte» was no term)', async () => {
    const s = await verifyAgainst(
      permits,
      'Et lag kan med godkjenning fra kommunen sette opp en gapahuk i friområdet, og kommunen kan nekte uten saklig grunn.',
    );
    expect(HARD).toContain(s.verdict);
  });
});

describe('bounds: the same limit written another way', () => {
  const road = 'Garasjer kan ikke stå nærmere kommunal vei enn 15 meter.';

  it('«ikke nærmere X enn 15 meter» is «minst 15 meter fra X», not a dropped negation', async () => {
    const sentence = 'Garasjer skal stå minst 15 meter fra kommunal vei.';
    expect(checkPolarity(sentence, road)).toEqual([]);
    expect(HARD).not.toContain((await verifyAgainst(road, sentence)).verdict);
  });

  it('control: the negation dropped from «ikke nærmere … enn» is still a reversal', async () => {
    const s = await verifyAgainst(road, 'Garasjer kan stå nærmere kommunal vei enn 15 meter.');
    expect(s.verdict).toBe('contradicted');
  });

  it('«opp til tre år» is «opptil tre år»; «legger opp til tre» is no limit', () => {
    const cited = 'Leieren kan fremleie boligen for opp til tre år dersom leieren har bodd der i minst ett år.';
    expect(
      shifts('Leieren kan fremleie boligen i opptil tre år når leieren har bodd der minst ett år.', cited),
    ).toEqual([]);
    expect(
      shifts('Leieren kan fremleie boligen i minst tre år.', 'Leieren kan fremleie boligen i opp til tre år.').map(
        (x) => x.lexicon,
      ),
    ).toEqual(['bounds']);
    expect(shifts('Planen gir høyst tre nye stillinger.', 'Planen legger opp til tre nye stillinger.')).toEqual([]);
  });
});

describe('numbers written out in words', () => {
  it('«sju hundre og førti tusen» is 740 000, «hundre og tjue» 120, «to, tre eller fire» three numbers', () => {
    const key = (t: string) => extractNumbers(t).map((f) => f.key);
    expect(key('rundt sju hundre og førti tusen innbyggere')).toEqual(['740000']);
    expect(key('innen hundre og tjue dager')).toEqual(['120']);
    expect(key('to, tre eller fire kommuner')).toEqual(['2', '3', '4']);
    expect(key('tre tusen kroner')).toEqual(['3000']);
  });

  it('a figure written out in words is the figure: no ✗ on the number; a wrong one is still caught', async () => {
    const cited = 'Om lag 740 000 innbyggere mangler grunnleggende digitale ferdigheter.';
    expect(
      missingNumbers('Om lag sju hundre og førti tusen innbyggere mangler grunnleggende digitale ferdigheter.', cited)
        .missing,
    ).toEqual([]);
    const s = await verifyAgainst(
      cited,
      'Om lag sju hundre og femti tusen innbyggere mangler grunnleggende digitale ferdigheter.',
    );
    expect(HARD).toContain(s.verdict);
    expect(s.reasons.join(' ')).toContain('740 000');
  });
});

describe('a negation the bracket test cannot place is ≈ where the other text has a negation or bound of its own', () => {
  it('«heller enn» restates «i stedet for» (rather than) too', () => {
    expect(
      checkPolarity(
        'Kommunen bør ansette egne jurister heller enn å kjøpe tjenester fra advokatfirmaer.',
        'Kommunen bør ansette egne jurister i stedet for å kjøpe tjenester fra advokatfirmaer.',
      ),
    ).toEqual([]);
  });

  it('unplaced, against a text with a negation of its own: ≈ with a «kontroller» reason, never ✓', async () => {
    // «som regel ikke» restates «bare i særlige tilfeller»; the pairing cannot see that, and the cited text's own
    // «Ingen» is about something else.
    const rule =
      'Lag som har egne inntekter fra kontingent eller utleie, kan søke om tilskudd bare i særlige tilfeller.';
    const sentence = 'Lag med egne inntekter får som regel ikke tilskudd.';
    const cited = `${rule} Ingen søknader behandles etter fristen.`;
    expect(checkPolarity(sentence, cited)).toMatchObject([{ kind: 'added', word: 'ikke', unplaced: true }]);
    const s = await verifyAgainst(cited, sentence);
    expect(s.verdict).toBe('partly_supported');
    expect(s.reasons.join(' ')).toMatch(/kilden ser ikke ut til å ha den nektelsen – kontroller/);
    // Against the rule alone, with no negation anywhere, the same negation is a plain reversal.
    expect(checkPolarity(sentence, rule)[0].unplaced).toBeUndefined();
    expect((await verifyAgainst(rule, sentence)).verdict).toBe('contradicted');
  });

  it('«ikke tettere på X enn fire meter» is «minst fire meter fra X»', () => {
    expect(
      checkPolarity(
        'Garasjen kan ikke ligge tettere på nabogrensen enn fire meter.',
        'Garasjen skal ligge minst fire meter fra nabogrensen.',
      ),
    ).toEqual([]);
  });

  it('control: a negation dropped against a text with none is still ✗, placed or not', async () => {
    const cited = 'Vi kan dessverre ikke regne med flere lærlingplasser i kommunen i årene som kommer.';
    const s = await verifyAgainst(cited, 'Vi kan regne med flere lærlingplasser i kommunen i årene som kommer.');
    expect(s.verdict).toBe('contradicted');
    expect(s.reasons.join(' ')).toMatch(/Kilden sier «ikke»/);
  });
});

describe('misses: the source’s words kept, their roles turned', () => {
  it('cause and effect turned around their pivot need review; the same direction said backwards does not', async () => {
    expect(
      causeTurned('Mange klager skyldes lang saksbehandling.', 'Mange klager fører til lang saksbehandling.'),
    ).toEqual({ pivot: 'fører til', first: 'klager', second: 'lang' });
    expect(
      causeTurned('Lang saksbehandling skyldes mange klager.', 'Mange klager fører til lang saksbehandling.'),
    ).toBeNull();
    const cited = 'Stadig nye rapporteringskrav fører også til mindre tid med pasientene for sykepleierne.';
    const s = await verifyAgainst(
      cited,
      'Mindre tid med pasientene er grunnen til at sykepleierne får stadig nye rapporteringskrav.',
    );
    expect(s.verdict).toBe('partly_supported');
    expect(s.reasons.join(' ')).toMatch(/snur årsak og virkning/);
  });

  it('the preferred and the rejected turned around «i stedet for» / «heller enn» need review', async () => {
    const cited = 'Kommunen bør ansette egne jurister i stedet for å kjøpe tjenester fra advokatfirmaer.';
    expect(preferenceTurned('Kommunen bør ansette egne jurister heller enn å kjøpe tjenester.', cited)).toBeNull();
    const s = await verifyAgainst(
      cited,
      'Kommunen bør kjøpe tjenester fra advokatfirmaer i stedet for å ansette egne jurister.',
    );
    expect(s.verdict).toBe('partly_supported');
    expect(s.reasons.join(' ')).toMatch(/snur hva som foretrekkes/);
  });

  it('a demand «må komme på plass» stated as «er på plass» is a status shift; «som kommer» is content', () => {
    expect(
      statusShift(
        'Nye lærlingplasser er nå på plass i alle bydeler.',
        'Nye lærlingplasser i alle bydeler må komme på plass.',
      ),
    ).toEqual({ source: 'må' });
    expect(
      statusShift('Nye lærlingplasser må komme på plass i alle bydeler.', 'Nye lærlingplasser må komme på plass.'),
    ).toBeNull();
    // «som kommer» further on is a content word, so the demand's six governed words end before «kommisjonen».
    expect(
      statusShift(
        'Kommisjonen slår fast at digitalisering er ett av flere verktøy for å møte utfordringene.',
        'Digitalisering er et av flere verktøy vi må bruke for å ruste oss for utfordringene som kommer i årene framover, slik kommisjonen slår fast.',
      ),
    ).toBeNull();
  });

  it('a cleft «det er X som skal» names the subject: another one than the cited text’s needs review', async () => {
    expect(
      subjectShift(
        'Etter vedtektene er det styret som skal kalle inn til årsmøte.',
        'Daglig leder skal kalle inn til årsmøte innen utgangen av april.',
      ),
    ).toMatchObject({ said: 'styret', source: 'leder' });
    expect(
      subjectShift('Det er daglig leder som skal kalle inn til årsmøte.', 'Daglig leder skal kalle inn til årsmøte.'),
    ).toBeNull();
  });

  it('«en av de største» made «den største» in a rewritten sentence needs review', async () => {
    expect(
      rankingWidened(
        'Mangel på folk er den største utfordringen.',
        'En av de største utfordringene er mangel på folk.',
      ),
    ).toBe('En av de største');
    expect(
      rankingWidened(
        'Mangel på folk er blant de største utfordringene.',
        'En av de største utfordringene er mangel på folk.',
      ),
    ).toBeNull();
    const cited = 'En av de viktigste oppgavene for kommunen er å skaffe nok barnehageplasser.';
    const s = await verifyAgainst(cited, 'Kommunen mener å skaffe nok barnehageplasser er den viktigste oppgaven.');
    expect(s.verdict).toBe('partly_supported');
    expect(s.reasons.join(' ')).toMatch(/én av flere/);
  });
});

describe('soft alarms: words the lexicons lacked', () => {
  it('«etablere» = «opprette», «del» = «komponent», «trengs» = «påkrevd» (synonyms.json)', () => {
    expect(
      contentOverlap('Kommunen vil etablere et nytt ungdomsråd.', 'Kommunen vil opprette et nytt ungdomsråd.').score,
    ).toBe(1);
    expect(
      contentOverlap('Opplæring er en viktig del av planen.', 'Opplæring er en viktig komponent i planen.').score,
    ).toBe(1);
    expect(
      contentOverlap('Søknad trengs ikke for korte arrangement.', 'Søknad er ikke påkrevd for korte arrangement.')
        .score,
    ).toBe(1);
    // Control: a word outside the groups is still missing.
    expect(
      contentOverlap('Opplæring er en viktig trussel mot planen.', 'Opplæring er en viktig komponent i planen.')
        .missing,
    ).toContain('trussel');
  });

  it('«hos» and «har tatt til orde for» carry no content of their own', () => {
    const o = contentOverlap(
      'Fagforbundet har tatt til orde for høyere lønn hos renholderne.',
      'Fagforbundet ønsker høyere lønn for renholderne.',
      ['fagforbundet'],
    );
    expect(o.missing).toEqual([]);
  });

  it('a warning keeps the hedge: «advarer mot at X svekker» restates «X kan svekke»; «mener» does not', () => {
    expect(
      droppedHedge('Fagforbundet advarer mot at ordningen svekker tilliten.', 'Ordningen kan svekke tilliten.'),
    ).toBeNull();
    expect(droppedHedge('NTL frykter at ordningen svekker tilliten.', 'Ordningen kan svekke tilliten.')).toBeNull();
    expect(droppedHedge('Fagforbundet mener ordningen svekker tilliten.', 'Ordningen kan svekke tilliten.')).toBe(
      'kan svekke',
    );
  });

  it('first parts written with a hyphen («lese-, skrive- og regnekurs») are found in the cited compounds', () => {
    expect(
      changedItems(
        'Kommunen tilbyr lese-, skrive- og regnekurs.',
        'Kommunen tilbyr lesekurs, skrivekurs og regnekurs.',
      ),
    ).toEqual([]);
    // Control: an item the cited list lacks is still named.
    expect(
      changedItems('Kommunen tilbyr lese-, skrive- og regnekurs.', 'Kommunen tilbyr lesekurs, skrivekurs og datakurs.'),
    ).toEqual([{ items: ['regnekurs'], list: ['lese', 'skrive', 'regnekurs'] }]);
  });
});

describe('soft alarms: frames and light words', () => {
  it('«regner/anser X som Y» frames a view; a statute’s «regnes som» stays content', () => {
    const o = contentOverlap(
      'Kommunen regner mangel på lærere som den største utfordringen.',
      'Den største utfordringen er mangel på lærere, skriver kommunen.',
      ['kommunen'],
    );
    expect(o.missing).toEqual([]);
    expect(
      contentOverlap('Et svar etter fristen skal regnes som et avslag.', 'Et svar etter fristen er et avslag.').missing,
    ).toContain('regnes');
  });

  it('a deadline «regnet fra» names its reference point', () => {
    expect(
      contentOverlap(
        'Klagefristen er tre uker, regnet fra vedtaket ble kjent.',
        'Klagefristen er tre uker fra vedtaket ble kjent.',
      ).score,
    ).toBe(1);
  });

  it('«lar», «måten» carry no content; «et tak på» is a ceiling (bounds.json)', async () => {
    expect(
      contentOverlap(
        'Kommunen innfører tiltak som lar elevene lese mer.',
        'Kommunen innfører tiltak som gir elevene mulighet til å lese mer.',
      ).missing,
    ).toEqual([]);
    const cited = 'Egenandelen er oppad begrenset til 500 kroner per måned.';
    expect((await verifyAgainst(cited, 'Egenandelen har et tak på 500 kroner per måned.')).verdict).toBe('supported');
    // Control: a floor for the ceiling is still a turned bound.
    expect(HARD).toContain((await verifyAgainst(cited, 'Egenandelen er minst 500 kroner per måned.')).verdict);
  });
});

describe('numbers under a hundred written as one word', () => {
  it('«trettifem» is 35 and «førtito» 42, alone and inside a longer number', async () => {
    const key = (t: string) => extractNumbers(t).map((f) => f.key);
    expect(key('trettifem prosent av innbyggerne')).toEqual(['35']);
    expect(key('to hundre og førtito søknader')).toEqual(['242']);
    const cited = 'Fristen er 35 dager etter at vedtaket er mottatt.';
    expect((await verifyAgainst(cited, 'Fristen er trettifem dager etter at vedtaket er mottatt.')).verdict).toBe(
      'supported',
    );
    expect((await verifyAgainst(cited, 'Fristen er trettiseks dager etter at vedtaket er mottatt.')).verdict).toBe(
      'contradicted',
    );
  });
});

describe('Nynorsk verb forms the word list lacks', () => {
  it('the Nynorsk passive «setjast» is «settes»', () => {
    expect(contentOverlap('Brukarane må alltid setjast først.', 'Brukerne må alltid settes først.').score).toBe(1);
    expect(contentOverlap('Brukarane må alltid setjast først.', 'Brukerne må alltid flyttes først.').missing).toContain(
      'setjast',
    );
  });
});
