/**
 * Rules added for issue 15's false alarms, third round (December 2026, developed on
 * evals/cases/verifier-faithful3.jsonl): a faithful sentence is not ✗ unless a check has a concrete finding. Each rule
 * is tested both ways: the faithful sentence it lets through, and the faulty one it still catches.
 */
import { describe, expect, it } from 'vitest';
import type { PassageWithDocument } from '../../src/domain/types.js';
import { antonymWords, negatedAntonym } from '../../src/verify/antonyms.js';
import { alignDurations } from '../../src/verify/durations.js';
import { changedItems } from '../../src/verify/enumeration.js';
import { memoryPassageSource, verifyDraft } from '../../src/verify/index.js';
import { compare } from '../../src/verify/lexicon.js';
import { contentOverlap } from '../../src/verify/overlap.js';
import { checkPolarity } from '../../src/verify/polarity.js';
import { matchQuote } from '../../src/verify/quote.js';
import { limitIn } from '../../src/verify/support/limits.js';
import { swappedParts } from '../../src/verify/transposition.js';
import { draftOf } from './seedSource.js';

const kinds = (sentence: string, source: string) => checkPolarity(sentence, source).map((p) => p.kind);

/** One passage of a document, as the store would give it. */
function passage(
  text: string,
  organisation = 'Kommunal- og distriktsdepartementet',
  title = 'Lov om husleieavtaler (husleieloven)',
): PassageWithDocument {
  return {
    id: 'doc-p000',
    documentId: 'doc',
    ordinal: 0,
    text,
    document: { id: 'doc', organisation, title, date: '1999-03-26', kind: 'statute' },
  } as PassageWithDocument;
}

async function verify(sentence: string, text: string, quote: string, organisation?: string, title?: string) {
  const source = memoryPassageSource([passage(text, organisation, title)]);
  return (await verifyDraft(draftOf(sentence, 'doc-p000', quote), { source })).sentences[0];
}

describe('a negation reaches to the end of its own sentence, no further', () => {
  const src =
    'KS’ medlemmer mener at retningen på dagens strategi er god, men at den mangler tilstrekkelig gjennomføringskraft. Medlemmene etterspør effektfulle tiltak.';
  it('does not make «mangler» in one sentence about the members of the next', () => {
    expect(checkPolarity('Medlemmene mener retningen er god, og de etterspør effektfulle tiltak.', src)).toEqual([]);
  });
  it('still catches a «mangler» dropped inside its sentence', () => {
    expect(kinds('Medlemmene mener at strategien har tilstrekkelig gjennomføringskraft.', src)).toContain('removed');
  });
  it('does not count a synonym on both sides of a negation as a sentence spanning it', () => {
    const ntl =
      'NTL skal jobbe for at arbeidsgiverne iverksetter tiltak som gir de ansatte mulighet til å styrke sin kompetanse, slik at de ikke blir skjøvet ut til fordel for nye medarbeidere.';
    expect(
      checkPolarity(
        'For mange ansatte trengs det kompetanseheving, og NTL vil at arbeidsgiverne gir de ansatte mulighet til å styrke sin kompetanse.',
        ntl,
      ),
    ).toEqual([]);
  });
});

describe('words that look like negations', () => {
  it('reads «mangelen» alone as a defect, and «mangel på» still as a lack', () => {
    expect(checkPolarity('Mangelen skal rettes innen rimelig tid.', 'Retting skal skje innen rimelig tid.')).toEqual(
      [],
    );
    expect(kinds('Det er mangel på folk i kommunene.', 'Det er folk i kommunene.')).toEqual(['added']);
  });
  it('reads «uten annen endring … enn» as a restriction, and a dropped «uten» reversal is still caught', () => {
    const src =
      'Har leieforholdet vart i to år uten annen endring av leien enn indeksregulering, kan partene kreve gjengs leie.';
    expect(checkPolarity('Har leieforholdet vart i to år, kan partene kreve gjengs leie.', src)).toEqual([]);
    expect(
      kinds(
        'Leieren kan framleie med samtykke fra utleieren.',
        'Leieren kan ikke framleie uten samtykke fra utleieren.',
      ),
    ).not.toEqual([]);
  });
  it('lets an «uten oppsigelse» dropped whole pass as a detail left out', () => {
    const src =
      'Har leieforholdet vart i to år, kan begge parter uten oppsigelse kreve at leien blir satt til gjengs leie.';
    expect(
      checkPolarity('Har leieforholdet vart i to år, kan begge parter kreve at leien blir satt til gjengs leie.', src),
    ).toEqual([]);
  });
  it('reads «faller utenfor» as a negation', () => {
    const src = 'Utbedring av tilfeldig skade regnes ikke som vedlikehold.';
    expect(checkPolarity('Utbedring av tilfeldig skade faller utenfor vedlikehold.', src)).toEqual([]);
    expect(
      kinds(
        'Utbedring av tilfeldig skade faller utenfor vedlikehold.',
        'Utbedring av tilfeldig skade regnes som vedlikehold.',
      ),
    ).toEqual(['added']);
  });
  it('reads «Ingen må … utan å» as an obligation, and a sentence keeping «uten» is still compared', () => {
    const src =
      'Ingen må setja i verk graving eller sprenging utan å syta for føregjerder mot utrasing på granneeigedom.';
    expect(
      checkPolarity(
        'Den som set i verk graving eller sprenging, må syta for føregjerder mot utrasing på granneeigedom.',
        src,
      ),
    ).toEqual([]);
    expect(
      kinds(
        'Alle kan setja i verk graving eller sprenging utan å syta for føregjerder mot utrasing på granneeigedom.',
        src,
      ),
    ).not.toEqual([]);
  });
  it('reads «ikke nødvendigvis» as «ingen automatikk i», and still catches a plain «ikke»', () => {
    const src = 'Men det er ingen automatikk i at gevinstene fordeles jevnt.';
    expect(checkPolarity('Gevinstene fordeles ikke nødvendigvis jevnt.', src)).toEqual([]);
    expect(kinds('Tjenestene leveres ikke nødvendigvis digitalt.', 'Tjenestene leveres digitalt.')).toEqual(['added']);
  });
});

describe('a negated opposite is a paraphrase (lexicons/antonyms.json)', () => {
  it('reads «ikke god nok» as the source’s «for svak», and «god nok» alone still reverses it', () => {
    const src = 'Regjeringa oppgir at rundt 850 000 har for svak digital kompetanse i dag.';
    expect(checkPolarity('Regjeringa oppgir at rundt 850 000 ikke har god nok digital kompetanse i dag.', src)).toEqual(
      [],
    );
    expect(antonymWords('Rundt 850 000 har ikke god nok kompetanse.', src)).toEqual(['ikke', 'god', 'nok']);
    expect(negatedAntonym(['har', 'ikke', 'god', 'nok', 'kompetanse'], src)).toEqual(['har', 'svak', 'kompetanse']);
  });
  it('reads «ikke mange» as «få» on the quantity scale, and «mange» against «få» is still a shift', () => {
    const src = 'Det synes å finnes få insentiver for leverandørene.';
    expect(compare('Leverandørene synes ikke å ha mange insentiver.', src).shifts).toEqual([]);
    expect(compare('Leverandørene synes å ha mange insentiver.', src).shifts.map((s) => s.lexicon)).toEqual([
      'quantity',
    ]);
  });
});

describe('lengths of time (durations.ts)', () => {
  it('reads a length the source gives in other words in the source’s words', () => {
    expect(alignDurations('Fristen er tolv måneder.', 'Den tillitsvalgte velges for ett år om gangen.')).toBe(
      'Fristen er ett år.',
    );
    expect(alignDurations('minst 30 måneder', 'i minst to år og seks måneder')).toBe('minst to år og seks måneder');
    expect(alignDurations('et halvt års leie', 'summen av seks måneders leie')).toBe('seks måneders leie');
    expect(alignDurations('et helt års leie', 'summen av seks måneders leie')).toBe('et helt års leie');
  });
  it('makes «tolv måneder» for «ett år» no ✗, and «ein månad» for «tre måneder» ✗', async () => {
    const text =
      'Den tillitsvalgte velges for ett år om gangen. Oppsigelsesfristen skal være tre måneder til opphør ved utløpet av en kalendermåned.';
    const ok = await verify(
      'Den tillitsvalgte velges for tolv måneder om gangen.',
      text,
      'Den tillitsvalgte velges for ett år om gangen.',
    );
    expect(ok.verdict).toBe('supported');
    const wrong = await verify(
      'Oppseiingsfristen skal vere ein månad til opphøyr ved utløpet av ein kalendermånad.',
      text,
      'Oppsigelsesfristen skal være tre måneder til opphør ved utløpet av en kalendermåned.',
    );
    expect(wrong.verdict).toBe('contradicted');
  });
});

describe('how a sentence cites and quotes', () => {
  it('finds a quote with line-break hyphenation, but does not join «etter- og»', () => {
    expect(matchQuote('alle profesjons- utdanninger', 'må inn som del av alle profesjonsutdanninger.')?.tier).toBe(
      'normalised',
    );
    expect(matchQuote('alle IKT- sikkerhet', 'alle IKT-sikkerhet')).not.toBeNull();
    expect(matchQuote('etter- og videreutdanning', 'etterutdanning')).toBeNull();
  });
  it('leaves «jf. § 3-2 første ledd», «bl.a.» and «m.fl.» out of overlap', () => {
    const o = contentOverlap(
      'Det kan bl.a. ikke avtales forskuddsbetaling for mer enn én måned, jf. husleieloven § 3-2 første ledd.',
      'Det kan ikke avtales forskuddsbetaling for mer enn én måned. Lov om husleieavtaler (husleieloven)',
    );
    expect(o.missing).toEqual([]);
  });
  it('reads «prinsipp- og handlingsprogram» as holding «prinsipprogram»', () => {
    expect(contentOverlap('NTLs prinsipprogram', 'NTLs prinsipp- og handlingsprogram 2019–2022').missing).toEqual([]);
    expect(contentOverlap('NTLs partiprogram', 'NTLs prinsipp- og handlingsprogram 2019–2022').missing).not.toEqual([]);
  });
  it('takes a cited organisation’s full name as who speaks, not as an actor', async () => {
    const text =
      'Aktørbildet på statlig side innen informasjonssikkerhet og personvern oppleves fortsatt som fragmentert og lite samordnet.';
    const r = await verify(
      'Ifølge Kommunesektorens organisasjon (KS) oppleves aktørbildet på statlig side innen informasjonssikkerhet og personvern fortsatt som fragmentert og lite samordnet.',
      text,
      text,
      'KS',
      'KS’ innspill til ny nasjonal digitaliseringsstrategi',
    );
    expect(r.verdict).toBe('supported');
    const other = await verify(
      'Ifølge Kommunesektorens organisasjon (KS) oppleves aktørbildet på kommunal side innen informasjonssikkerhet og personvern fortsatt som fragmentert og lite samordnet.',
      text,
      text,
      'KS',
      'KS’ innspill til ny nasjonal digitaliseringsstrategi',
    );
    expect(other.verdict).not.toBe('supported');
  });
});

describe('other checks on faithful rewordings', () => {
  it('does not read a passive with its agent turned active as parts swapped, but still a swap between two passives', () => {
    expect(
      swappedParts(
        'Arbeidet med infrastrukturen skal koordineres av en nasjonal geodatakoordinator.',
        'En nasjonal geodatakoordinator skal koordinere arbeidet med infrastrukturen.',
      ),
    ).toBeNull();
    expect(
      swappedParts('Facebook utfordres nå av Finn.no.', 'Finn.no utfordres for eksempel nå av Facebook.'),
    ).not.toBeNull();
  });
  it('reads «ikke minst» as no bound', () => {
    expect(limitIn('behov for regelverk og ikke minst regelverksfortolkning')).toBeNull();
    expect(limitIn('minst to år')).toBe('minst');
  });
  it('compares every list in a clause item by item', () => {
    const src =
      'Ingen må setja i verk graving, bygging, sprenging eller liknande, utan å syta for føregjerder mot utrasing, siging, risting, steinsprut, lufttrykk og anna slikt.';
    expect(
      changedItems(
        'Grannelova krev føregjerder mot utrasing, risting, støy og steinsprut ved graving, bygging og sprenging.',
        src,
      ).flatMap((c) => c.items),
    ).toEqual(['støy']);
  });
  it('asks for review of an exclusive «bare» the cited text does not make', async () => {
    const text = 'Har leieforholdet vart i minst to år, kan begge parter kreve at leien blir satt til gjengs leie.';
    const r = await verify(
      'Har leieforholdet vart i minst to år, er det bare utleieren som kan kreve at leien blir satt til gjengs leie.',
      text,
      text,
    );
    expect(r.verdict).not.toBe('supported');
    expect(r.reasons.join(' ')).toContain('«bare»');
  });
});
