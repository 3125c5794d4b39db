/**
 * The rules of issue 15's round on the third blind set, opened as development data (session 14): its misses (a
 * faulty sentence let through as ✓) and soft alarms, each fixed as a kind. Every sentence here is written for the test,
 * several about statutes no case set uses (tomtefesteloven, avhendingslova, eiendomsmeglingslova); none is copied
 * from a case file. Each rule has its control: the faithful sentence it must let through.
 */
import { describe, expect, it } from 'vitest';
import { speakerShift } from '../../src/verify/speaker.js';
import { subjectShift } from '../../src/verify/subject.js';
import { roleSwaps } from '../../src/verify/roles.js';
import { addedOnly } from '../../src/verify/support/coverage.js';
import { oppositeComparison } from '../../src/verify/comparison.js';
import { statusShift } from '../../src/verify/realis.js';
import { checkPolarity } from '../../src/verify/polarity.js';
import { degreeShift } from '../../src/verify/degree.js';
import { contentOverlap, oneEditApart } from '../../src/verify/overlap.js';
import { droppedHedge } from '../../src/verify/hedge.js';
import type { PassageWithDocument } from '../../src/domain/types.js';
import { memoryPassageSource, verifyDraft } from '../../src/verify/index.js';
import { draftOf, seedPassage, verifyAgainst } from './seedSource.js';

describe('who does it: a subject after a fronted phrase, and a pronoun subject turned into its own object', () => {
  const lease = 'Når festetida er ute, skal grunneigaren gi festaren varsel om innløysing i god tid.';

  it('reads the subject after «Etter lova § 3-2 skal …» (a figure is never the subject)', () => {
    expect(
      subjectShift('Etter tomtefestelova § 3-2 skal festaren gi varsel om innløysing i god tid.', lease),
    ).toMatchObject({ source: expect.stringMatching(/^grunneig/) });
    expect(
      subjectShift('Etter tomtefestelova § 3-2 skal grunneigaren gi festaren varsel om innløysing i god tid.', lease),
    ).toBeNull();
  });

  const notice = 'Vil noen selge en eiendom med kjente feil, skal han opplyse kjøperen om feilene før avtalen inngås.';

  it('flags «skal kjøperen opplyse …» where the cited text has «skal han opplyse kjøperen»', () => {
    expect(
      subjectShift('Etter avhendingslova skal kjøperen opplyse den som selger om feilene før avtalen inngås.', notice),
    ).toMatchObject({ source: 'han' });
  });

  it('lets a sentence name who the pronoun stands for', () => {
    expect(subjectShift('Etter avhendingslova skal selgeren opplyse kjøperen om kjente feil.', notice)).toBeNull();
  });
});

describe('a wish the cited text gives to a third party, made the organisation’s own', () => {
  const quote =
    'Meglerforetakene ønsker å samle inn flere opplysninger om kundene, men det reiser spørsmål om personvern.';

  it('flags «NTL ønsker …» where the cited text has «meglerforetakene ønsker …»', () => {
    expect(speakerShift('NTL ønsker at flere opplysninger om kundene skal samles inn.', quote, ['NTL'])).toBe(
      'meglerforetakene',
    );
    expect(speakerShift('Vi ønsker at flere opplysninger om kundene skal samles inn.', quote, ['NTL'])).toBe(
      'meglerforetakene',
    );
  });

  it('lets the organisation’s own wish through', () => {
    const own = 'NTL ønsker at flere opplysninger om kundene skal samles inn.';
    expect(speakerShift(own, 'NTL ønsker at flere opplysninger om kundene skal samles inn.', ['NTL'])).toBeNull();
    expect(speakerShift(own, 'Vi ønsker at flere opplysninger om kundene skal samles inn.', ['NTL'])).toBeNull();
  });
});

describe('paired roles of statutes the sets do not use (lexicons/roles.json)', () => {
  it('catches ground-lease holder and lessor, agent and client, co-operative and unit holder swapped', () => {
    expect(
      roleSwaps(
        'Bortfesteren kan kreve at festeren innløser tomta.',
        'Festeren kan kreve at bortfesteren innløser tomta.',
      ).length,
    ).toBeGreaterThan(0);
    expect(
      roleSwaps(
        'Oppdragsgiveren skal gi megleren opplysninger om heftelser.',
        'Megleren skal gi oppdragsgiveren opplysninger om heftelser.',
      ).length,
    ).toBeGreaterThan(0);
    expect(
      roleSwaps(
        'Andelseieren skal vedlikeholde fellesarealene i borettslaget.',
        'Borettslaget skal vedlikeholde fellesarealene, mens andelseieren skal vedlikeholde boligen.',
      ).length,
    ).toBeGreaterThan(0);
  });

  it('lets the same roles in the same places through', () => {
    expect(
      roleSwaps(
        'Festeren kan kreve at bortfesteren innløser tomta.',
        'Festeren kan kreve at bortfesteren innløser tomta.',
      ),
    ).toEqual([]);
  });
});

describe('a later clause that only adds a claim about what an earlier clause named', () => {
  const cited = 'Meglerforetaket må kontrollere kjøperens identitet før oppgjøret.';

  it('flags «…, og at identiteten bør arkiveres»', () => {
    expect(
      addedOnly(
        'og at identiteten bør arkiveres.',
        ['Meglerforetaket må kontrollere kjøperens identitet før oppgjøret'],
        cited,
        [],
      ),
    ).toBe(true);
  });

  it('lets a later clause the cited text covers through', () => {
    expect(
      addedOnly('og at identiteten må kontrolleres før oppgjøret.', ['Meglerforetaket har ansvaret'], cited, []),
    ).toBe(false);
  });
});

describe('consent as a condition', () => {
  const cited =
    'En seksjonseier kan med samtykke fra styret sette opp markise på sin del av fasaden, når den ikke er til sjenanse.';

  it('flags a sentence that drops «med samtykke fra styret»', async () => {
    const r = await verifyAgainst(cited, 'En seksjonseier kan sette opp markise på sin del av fasaden.');
    expect(r.verdict).not.toBe('supported');
    expect(r.reasons.join(' ')).toMatch(/grense \(«med samtykke/);
  });

  it('lets a sentence that keeps the consent in other words through the consent check', async () => {
    const r = await verifyAgainst(
      cited,
      'En seksjonseier trenger styrets samtykke for å sette opp markise på fasaden.',
    );
    expect(r.reasons.join(' ')).not.toMatch(/grense \(«med samtykke/);
  });
});

describe('opposite comparatives against the same standard (lexicons/comparatives.json)', () => {
  const cited =
    'Selgeren svarer for mangelen dersom eiendommen har lavere standard enn det kjøperen hadde grunn til å regne ' +
    'med, og kjøperen har krav på erstatning dersom tapet er større enn det selgeren kunne forutse.';

  it('flags «høyere standard enn det kjøperen hadde grunn til å regne med» for «lavere …»', () => {
    expect(
      oppositeComparison(
        'Selgeren svarer for mangelen dersom eiendommen har høyere standard enn kjøperen hadde grunn til å regne med.',
        cited,
      ),
    ).toEqual({ said: 'høyere', source: 'lavere' });
  });

  it('lets the same comparative through, and one the cited text uses about another standard', () => {
    expect(
      oppositeComparison('Eiendommen har lavere standard enn kjøperen hadde grunn til å regne med.', cited),
    ).toBeNull();
    expect(oppositeComparison('Tapet er større enn det selgeren kunne forutse.', cited)).toBeNull();
  });
});

describe('a demand whose wanted state is one word, stated as met', () => {
  const cited = 'Et felles meglerregister må derfor på plass for å beskytte forbrukerne.';

  it('flags «er nå på plass»', () => {
    expect(statusShift('Et felles meglerregister er nå på plass.', cited)).toEqual({ source: 'må' });
  });

  it('lets the demand restated as a demand through', () => {
    expect(statusShift('Et felles meglerregister må på plass, mener Forbrukerrådet.', cited)).toBeNull();
  });
});

describe('hard alarms: a bound far from its negation, and a sentence an elided quote skips', () => {
  it('reads «ikke adgang til å … for kortere tid enn fem år» as the bound a «minstetid» restates', () => {
    expect(
      checkPolarity(
        'Minstetiden for en festeavtale om bolig er fem år.',
        'Det er ikke adgang til å inngå festeavtale om bolig for kortere tid enn fem år.',
      ),
    ).toEqual([]);
    // Control: the same negation against a sentence with no bound is still a removed negation.
    expect(
      checkPolarity(
        'Det er adgang til å inngå festeavtale om bolig for kortere tid enn fem år.',
        'Det er ikke adgang til å inngå festeavtale om bolig for kortere tid enn fem år.',
      ).map((p) => p.kind),
    ).toContain('removed');
  });

  const passage =
    'Kjøperen kan heve avtalen når mangelen er vesentlig. Har kjøperen ikke oppdaget mangelen i tide, kan kjøperen ' +
    'ikke heve avtalen etter at mangelen er vesentlig. Heving må skje innen rimelig tid etter at kjøperen oppdaget mangelen.';

  it('does not hold a faithful sentence to the negations of a sentence its elided quote skips', async () => {
    const quote =
      'Kjøperen kan heve avtalen når mangelen er vesentlig. … Heving må skje innen rimelig tid etter at kjøperen oppdaget mangelen.';
    const seed = await seedPassage('ntl-prinsipprogram-2019-p000');
    const p: PassageWithDocument = { ...seed, id: 'x-p001', text: passage };
    const report = await verifyDraft(
      draftOf(
        'Kjøperen kan heve avtalen når mangelen er vesentlig, og hevingen må skje innen rimelig tid etter at mangelen ble oppdaget.',
        p.id,
        quote,
      ),
      { source: memoryPassageSource([p]) },
    );
    expect(['unsupported', 'contradicted']).not.toContain(report.sentences[0].verdict);
    // Control: the skipped negation is still named for review.
    expect(report.sentences[0].reasons.join(' ')).toMatch(/hopper over/);
  });
});

describe('«godt» and «lite» grading the same participle (lexicons/degree.json)', () => {
  const cited = 'Tilsynet med eiendomsmeglerne er i dag lite samordnet mellom etatene.';

  it('flags «godt samordnet» for «lite samordnet»', () => {
    expect(degreeShift('Tilsynet med eiendomsmeglerne er godt samordnet mellom etatene.', cited)).toEqual({
      said: 'godt',
      source: 'lite',
    });
  });

  it('lets «ikke godt samordnet» through (a negated opposite, read by the antonym check)', () => {
    expect(degreeShift('Tilsynet med eiendomsmeglerne er ikke godt samordnet mellom etatene.', cited)).toBeNull();
  });
});

describe('soft alarms: paraphrase the overlap did not see', () => {
  it('backs «urealistisk» by «ikke realistisk», and not without the negation', () => {
    const cited = 'Det er ikke realistisk at alle meglerforetak bytter system samtidig.';
    expect(contentOverlap('Det er urealistisk at alle meglerforetak bytter system samtidig.', cited).missing).toEqual(
      [],
    );
    expect(
      contentOverlap(
        'Det er urealistisk at alle meglerforetak bytter system samtidig.',
        'Det er realistisk at alle meglerforetak bytter system samtidig.',
      ).missing,
    ).toEqual(['urealistisk']);
  });

  it('backs a long word one letter off (a spelling slip), not a short one', () => {
    expect(oneEditApart('forventningen', 'forventingen')).toBe(true);
    // Not a replaced letter or an ending: Nynorsk and Bokmål forms, and inflections, differ there.
    expect(oneEditApart('kommunane', 'kommunene')).toBe(false);
    expect(oneEditApart('festeavtalen', 'festeavtale')).toBe(false);
    expect(
      contentOverlap('Festeavgiften ble regulert etter forventningen.', 'Festeavgifta ble regulert etter forventingen.')
        .missing,
    ).toEqual([]);
    expect(contentOverlap('Avgiften ble lav.', 'Avgiften ble lov.').missing).toEqual(['lav']);
  });

  it('reads «set i gang» as «setja i verk» and «takast vare på» as «ivaretas»', () => {
    expect(
      contentOverlap('Den som set i gang graving, må varsle.', 'Den som set i verk graving, må varsle.').missing,
    ).toEqual([]);
    expect(contentOverlap('Rettane må takast vare på.', 'Rettane må ivaretas.').missing).toEqual([]);
  });

  it('keeps a power a power: «gir kommunen hjemmel til å …» for «kommunen kan …»; «kan ikke» forbids', () => {
    expect(
      droppedHedge('Tomtefesteloven gir kommunen hjemmel til å innløse tomta.', 'Kommunen kan innløse tomta.'),
    ).toBeNull();
    expect(droppedHedge('Kommunen innløser tomta.', 'Kommunen kan innløse tomta.')).toBe('kan innløse');
    expect(
      droppedHedge('Loven forbyr at det tas gebyr for visning.', 'Etter loven kan det ikke tas gebyr for visning.'),
    ).toBeNull();
  });

  it('reads a recommendation as no statement of fact', () => {
    expect(
      statusShift('Forbrukerrådet anbefaler at meglerne får bedre opplæring.', 'Meglerne bør få bedre opplæring.'),
    ).toBeNull();
    expect(statusShift('Meglerne får bedre opplæring.', 'Meglerne bør få bedre opplæring.')).toEqual({
      source: 'bør',
    });
  });
});

describe('soft alarms: conditions, purposes and reported demands said another way', () => {
  const fee = 'Kjøperen skal betale gebyret dersom megleren oppnår en høyere pris enn det kjøperen har tilbudt.';

  it('reads a verb-first clause as a condition («Oppnår megleren …, skal kjøperen …»)', async () => {
    const r = await verifyAgainst(
      fee,
      'Oppnår megleren en høyere pris enn kjøperen har tilbudt, skal kjøperen betale gebyret.',
    );
    expect(r.reasons.join(' ')).not.toMatch(/vilkår eller en grense \(«dersom»\)/);
    // Control: a sentence with no condition at all still drops it.
    const dropped = await verifyAgainst(
      fee,
      'Kjøperen skal betale gebyret når prisen er høyere enn kjøperen har tilbudt.',
    );
    const plain = await verifyAgainst(fee, 'Kjøperen skal betale gebyret for en høyere pris enn kjøperen har tilbudt.');
    expect(dropped.reasons.join(' ') + plain.reasons.join(' ')).toMatch(/vilkår eller en grense \(«dersom»\)/);
  });

  it('does not take a purpose («for å bedre …») as a hedge dropped', () => {
    const cited = 'Festeavtalene bør samles i et register som kan bedre oversikten for kommunene.';
    expect(droppedHedge('Festeavtalene bør samles i et register for å bedre oversikten.', cited)).toBeNull();
    expect(droppedHedge('Registeret bedrer oversikten for kommunene.', cited)).toBe('kan bedre');
  });

  it('reads «kravet om at X skal …» as the demand reported, where the cited text names the demand', async () => {
    const cited = 'Kravet om varsling av bortfesteren før salg har gitt færre tvister.';
    const r = await verifyAgainst(cited, 'Kravet om at bortfesteren skal varsles før salg, har gitt færre tvister.');
    expect(r.reasons.join(' ')).not.toMatch(/forpliktelse/);
    const own = await verifyAgainst(cited, 'Bortfesteren skal varsles før salg, og det har gitt færre tvister.');
    expect(own.reasons.join(' ')).toMatch(/forpliktelse/);
  });

  it('knows the Nynorsk «som følgje av» as a cause the cited text already gives', async () => {
    const cited = 'Festaren kan seie opp avtalen som følgje av sjukdom eller andre tungtvegande grunnar.';
    const r = await verifyAgainst(
      cited,
      'Festaren kan seie opp avtalen på grunn av sjukdom eller andre tungtvegande grunnar.',
    );
    expect(r.reasons.join(' ')).not.toMatch(/årsak eller følge/);
  });
});
