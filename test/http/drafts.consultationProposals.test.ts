/**
 * Which proposal a question of an imported consultation is answered beside (issue 18): the proposal of the part of
 * the consultation the question is about, or none. Consultations written here, in Bokmål and in Nynorsk, with
 * proposals on distinct topics, questions in the letter on each, one asked inside a proposal's section and one on
 * the consequences chapter, which has no proposal; imported with POST /consultations and drafted offline with
 * POST /drafts. Before the fix a question was paired with the first hit lying in any proposal's section, however
 * weak: the consequences question got another topic's proposal.
 */
import { describe, expect, it } from 'vitest';
import { jsonInit, seededApp } from '../helpers/runtime.js';

const { app } = await seededApp();

const BOKMAL = `Kunnskapsdepartementet

Høring – skoleskyss, leksehjelp og skolebibliotek

Kunnskapsdepartementet sender med dette på høring forslag om endringer i opplæringsloven om skoleskyss, leksehjelp og skolebibliotek. Høringsfristen er 1. juni 2025.

Departementet ber særlig om høringsinstansenes syn på følgende spørsmål:

1. Er to kilometer en riktig avstandsgrense for gratis skoleskyss for de yngste elevene?
2. Hvor mange timer i uken bør kommunene tilby leksehjelp?
3. Hvilke økonomiske konsekvenser vil endringene få for kommunene?

1 Skoleskyss

1.1 Gjeldende rett

Elever på 1. trinn har i dag rett til gratis skoleskyss når avstanden mellom hjem og skole er over fire kilometer. Mange foreldre opplever at skoleveien er lang og farlig for de yngste elevene.

1.2 Departementets forslag

Departementet foreslår at avstandsgrensen for gratis skoleskyss senkes til to kilometer for elever på 1. trinn.

2 Leksehjelp

2.1 Gjeldende rett

Kommunene skal i dag tilby leksehjelp, men loven sier ikke hvor mange timer elevene skal få. Tilbudet varierer mye mellom kommunene.

2.2 Departementets forslag

Departementet foreslår at kommunene skal tilby gratis leksehjelp i minst fire timer i uken på barnetrinnet.

3 Skolebibliotek

3.1 Gjeldende rett

Grunnskolene skal ha tilgang til et skolebibliotek, men loven stiller ingen krav til bemanningen.

3.2 Departementets forslag

Departementet foreslår at alle grunnskoler skal ha et skolebibliotek med fagutdannet bibliotekar.

Departementet ber særlig om høringsinstansenes syn på dette: Bør kravet om fagutdannet bibliotekar også gjelde for små skoler?

4 Økonomiske og administrative konsekvenser

Endringene vil koste kommunene om lag 300 millioner kroner i året. Kommunene blir kompensert gjennom rammetilskuddet.
`;

const NYNORSK = `Samferdselsdepartementet

Høyring – ferjetilbod og hurtigbåtar

Samferdselsdepartementet sender med dette på høyring forslag om krav til ferjetilbodet og hurtigbåtane. Fristen for å sende inn høyringssvar er 1. juni 2025.

Departementet ber om at høyringsinstansane særleg svarar på desse spørsmåla:

– Er avgang kvar time eit rimeleg krav til ferjesambanda?
– Når bør krava om null utslepp for hurtigbåtane gjelde frå?
– Kva økonomiske konsekvensar vil forslaga få for fylkeskommunane?

1 Ferjetilbod

1.1 Gjeldande rett

Fylkeskommunane har i dag ansvaret for ferjesambanda, og mange samband har få avgangar om kvelden.

1.2 Departementets forslag

Departementet foreslår at alle ferjesamband skal ha avgang kvar time mellom klokka 06 og 23.

2 Hurtigbåtar

2.1 Gjeldande rett

Hurtigbåtane går i dag på diesel, og utsleppa frå dei er store.

2.2 Departementets forslag

Departementet foreslår at alle nye kontraktar for hurtigbåtar frå 2027 skal krevje null utslepp.

Departementet ber særleg om høyringsinstansane sitt syn på dette: Bør krava også gjelde for kontraktar som alt er inngått?

3 Økonomiske og administrative konsekvensar

Forslaga vil auke kostnadene for fylkeskommunane med om lag 200 millionar kroner i året. Fylkeskommunane får kompensasjon gjennom rammetilskotet.
`;

async function importText(text: string, filename: string) {
  const fd = new FormData();
  fd.set('file', new File([text], filename, { type: 'text/plain' }));
  const res = await app.request('/consultations', { method: 'POST', body: fd });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.consultation;
}

/** Draft every question offline; per section (in the questions' order) the proposal statement it quotes, or null. */
async function proposalsQuoted(c: any, language: 'nb' | 'nn') {
  const res = await app.request(
    '/drafts',
    jsonInit('POST', { language, consultation: { documentId: c.documentId }, organisation: { name: 'Fagforbundet' } }),
  );
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  const sections = body.draft.sections.filter((s: any) => s.kind === 'question');
  expect(sections.map((s: any) => s.heading)).toEqual(c.questions.map((q: any) => q.text));
  const statements = new Map<string, string>(c.proposals.map((p: any) => [p.source.passageId, p.text]));
  return sections.map((s: any) => {
    // The quoted proposal is the section's first sentence, cited to the consultation's own passage.
    const quoted = s.paragraphs
      .flat()
      .filter((t: any) => t.citations.some((x: any) => statements.has(x.passageId)))
      .map((t: any) => statements.get(t.citations[0].passageId));
    if (quoted.length) expect(s.paragraphs[0][0].citations[0].quote).toBe(quoted[0]);
    return quoted[0] ?? null;
  });
}

describe('the proposal each question of an imported consultation is answered beside', () => {
  it('Bokmål: each question gets its own topic’s proposal, the consequences question none', async () => {
    const c = await importText(BOKMAL, 'horing-skole.txt');
    expect(c.proposals.map((p: any) => p.number)).toEqual(['1.2', '2.2', '3.2']);
    expect(c.questions.map((q: any) => q.text)).toEqual([
      'Er to kilometer en riktig avstandsgrense for gratis skoleskyss for de yngste elevene?',
      'Hvor mange timer i uken bør kommunene tilby leksehjelp?',
      'Hvilke økonomiske konsekvenser vil endringene få for kommunene?',
      'Bør kravet om fagutdannet bibliotekar også gjelde for små skoler?',
    ]);
    const [skyss, lekser, bibliotek] = c.proposals.map((p: any) => p.text);
    expect(await proposalsQuoted(c, 'nb')).toEqual([skyss, lekser, null, bibliotek]);
  });

  it('Nynorsk: each question gets its own topic’s proposal, the consequences question none', async () => {
    const c = await importText(NYNORSK, 'hoyring-ferje.txt');
    expect(c.proposals.map((p: any) => p.number)).toEqual(['1.2', '2.2']);
    expect(c.questions.map((q: any) => q.text)).toEqual([
      'Er avgang kvar time eit rimeleg krav til ferjesambanda?',
      'Når bør krava om null utslepp for hurtigbåtane gjelde frå?',
      'Kva økonomiske konsekvensar vil forslaga få for fylkeskommunane?',
      'Bør krava også gjelde for kontraktar som alt er inngått?',
    ]);
    const [ferje, hurtigbat] = c.proposals.map((p: any) => p.text);
    expect(await proposalsQuoted(c, 'nn')).toEqual([ferje, hurtigbat, null, hurtigbat]);
  });

  it('Bokmål, the questions listed in a numbered chapter of their own: the list leads to no proposal', async () => {
    const [letter, rest] = BOKMAL.split('1 Skoleskyss\n');
    const [intro, list] = letter.split('Departementet ber særlig om høringsinstansenes syn på følgende spørsmål:');
    const text =
      `${intro.replace('Høring –', 'Høring om opplæringsloven, andre runde –')}1 Skoleskyss\n${rest}\n` +
      `5 Spørsmål til høringsinstansene\n\nDepartementet ber særlig om høringsinstansenes syn på følgende spørsmål:${list}`;
    const c = await importText(text, 'horing-skole-kapittel.txt');
    expect(c.questions.map((q: any) => q.text)).toEqual([
      'Bør kravet om fagutdannet bibliotekar også gjelde for små skoler?',
      'Er to kilometer en riktig avstandsgrense for gratis skoleskyss for de yngste elevene?',
      'Hvor mange timer i uken bør kommunene tilby leksehjelp?',
      'Hvilke økonomiske konsekvenser vil endringene få for kommunene?',
    ]);
    const [skyss, lekser, bibliotek] = c.proposals.map((p: any) => p.text);
    expect(await proposalsQuoted(c, 'nb')).toEqual([bibliotek, skyss, lekser, null]);
  });

  it('a question of the secretary’s own is paired by the same rule, a chapter’s current law leading to its proposal', async () => {
    const c = await importText(BOKMAL.replace('Høring –', 'Høring om opplæringsloven –'), 'horing-skole-2.txt');
    const own = [
      'Bør elevene få gratis leksehjelp i skoletiden?',
      // In the words of «1.1 Gjeldende rett», not of the proposal: chapter 1's proposal.
      'Er skoleveien for lang og farlig for de yngste elevene i dag?',
      'Hvordan bør kommunene kompenseres for kostnadene?',
    ];
    const res = await app.request(
      '/drafts',
      jsonInit('POST', {
        consultation: { documentId: c.documentId, items: [], questions: own },
        organisation: { name: 'Fagforbundet' },
      }),
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    const sections = body.draft.sections.filter((s: any) => s.kind === 'question');
    expect(sections.map((s: any) => s.heading)).toEqual(own);
    const quoted = sections.map((s: any) => {
      const i = c.proposals.findIndex((p: any) => p.source.passageId === s.paragraphs[0][0].citations[0]?.passageId);
      return i >= 0 ? i : null;
    });
    expect(quoted).toEqual([1, 0, null]);
  });
});
