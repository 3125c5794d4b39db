/**
 * Reading a consultation's fields from documents written in the genres' real shapes (test/fixtures/consultations/,
 * made by scripts/make-consultation-fixtures.ts): every field found where the document states it, empty where not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractConsultation, extractFields, findDate } from '../../src/consultation/index.js';
import { loadFile } from '../../src/corpus/read.js';
import { ingestLoaded } from '../../src/ingest/index.js';

const meta = {
  id: 'horing-test',
  organisation: 'X',
  title: 't',
  kind: 'consultation' as const,
  date: '2024',
  language: 'nb' as const,
};

async function read(name: string) {
  const path = `test/fixtures/consultations/${name}`;
  const loaded = await loadFile(readFileSync(path), name);
  const doc = ingestLoaded(loaded, meta);
  return {
    doc,
    pages: loaded.pageStarts?.length,
    x: extractConsultation({ text: doc.text, passages: doc.passages, documentId: meta.id }),
  };
}

describe('extractConsultation on the fixtures', () => {
  it('a 20+ page Bokmål høringsbrev + høringsnotat: every field, every question, a proposal per chapter', async () => {
    const { x, pages, doc } = await read('horingsnotat-kommuneloven.pdf');
    expect(pages).toBeGreaterThanOrEqual(20);
    expect(x.title.value).toBe('Høring – forslag til endringer i kommuneloven om interkommunalt samarbeid');
    expect(x.issuer.value).toBe('Kommunal- og distriktsdepartementet');
    expect(x.reference.value).toBe('24/1234');
    expect(x.deadline.value).toBe('2025-02-14'); // «fredag 14. februar 2025»
    expect(x.deadline.source).toMatchObject({ page: 1, quote: '14. februar 2025' });
    expect(x.questions.map((q) => q.text)).toEqual([
      'Bør kommunestyret behandle en samlet oversikt over samarbeidene hvert år i stedet for hver valgperiode?',
      'Er ett års frist for uttreden fra et samarbeid passende?',
      'Hvordan bør de ansattes rettigheter sikres når oppgaver flyttes til et samarbeid?',
      'Bør kravene om møteoffentlighet også gjelde for styrene i interkommunale selskaper?',
      'Hvilke konsekvenser vil forslaget få for kommunenes arbeid med digitalisering?',
    ]);
    expect(x.questions[3].source.page).toBeGreaterThan(1);
    expect(x.proposals.map((p) => `${p.number} ${p.heading}`)).toEqual([
      '1.3 Departementets forslag',
      '2.3 Departementets vurdering og forslag',
      '3.3 Departementets forslag',
      '4.3 Departementets vurderinger',
      '5.3 Departementets forslag',
      '6.3 Departementets forslag',
      '7.3 Departementets vurdering og forslag',
      '8.3 Departementets vurdering',
    ]);
    expect(x.proposals[1].chapter).toEqual({ number: '2', heading: 'Innsyn og åpenhet i samarbeidsorganene' });
    expect(x.proposals[0].text).toMatch(/^Departementet foreslår at kommunestyret minst én gang/);
    for (const p of x.proposals) {
      // The quote is the stored text at its offsets, inside the passage it names, on a real page.
      expect(doc.text.slice(p.source.start, p.source.end)).toBe(p.source.quote);
      const passage = doc.passages.find(
        (q) => `${meta.id}-p${String(q.ordinal).padStart(3, '0')}` === p.source.passageId,
      );
      expect(passage?.text).toContain(p.text);
      expect(p.source.page).toBeGreaterThan(1);
      expect(p.passageIds).toContain(p.source.passageId);
    }
    expect(x.notFound).toEqual([]);
  });

  it('a Nynorsk høyringsbrev: issuer, reference with a document number, a dd.mm.yyyy deadline, dash-listed questions', async () => {
    const { x } = await read('hoyringsnotat-fiskerihamner.pdf');
    expect(x.title.value).toBe('Høyring – overføring av fiskerihamnene til fylkeskommunane');
    expect(x.issuer.value).toBe('Nærings- og fiskeridepartementet');
    expect(x.reference.value).toBe('23/4567-3');
    expect(x.deadline.value).toBe('2025-01-09');
    expect(x.questions.map((q) => q.text)).toEqual([
      'Kva for oppgåver bør framleis liggje hos staten?',
      'Er tilskotsordninga for vedlikehald tilstrekkeleg?',
      'Korleis bør overføringa av tilsette frå Kystverket skje?',
    ]);
    expect(x.proposals.map((p) => p.heading)).toEqual([
      'Departementets vurderingar og forslag',
      'Departementets forslag',
      'Departementets vurdering',
    ]);
  });

  it('the same Nynorsk consultation as DOCX (Markdown headings from Word styles): the same fields, no pages', async () => {
    const { x } = await read('hoyringsnotat-fiskerihamner.docx');
    expect(x.title.value).toBe('Høyring – overføring av fiskerihamnene til fylkeskommunane');
    expect(x.issuer.value).toBe('Nærings- og fiskeridepartementet');
    expect(x.reference.value).toBe('23/4567-3');
    expect(x.deadline.value).toBe('2025-01-09');
    expect(x.questions).toHaveLength(3);
    expect(x.proposals.map((p) => `${p.number} ${p.heading}`)).toEqual([
      '1.3 Departementets vurderingar og forslag',
      '2.3 Departementets forslag',
      '3.3 Departementets vurdering',
    ]);
    expect(x.proposals[0].chapter).toEqual({ number: '1', heading: 'Lokal forvaltning av fiskehamner' });
    expect(x.proposals.every((p) => p.source.page === null && p.source.passageId !== null)).toBe(true);
  });

  it('a høringsnotat without questions, reference or deadline yields its proposals and leaves the rest empty', async () => {
    const { x } = await read('horingsnotat-uten-sporsmal.pdf');
    expect(x.issuer.value).toBe('Kommunal- og distriktsdepartementet');
    expect(x.title.value).toBe('Forslag til endringer i kommuneloven om interkommunalt samarbeid');
    expect(x.questions).toEqual([]);
    expect(x.reference).toEqual({ value: null, source: null });
    expect(x.deadline).toEqual({ value: null, source: null });
    expect(x.notFound).toEqual(['reference', 'deadline', 'questions']);
    expect(x.proposals).toHaveLength(8);
  });

  it('a regjeringen.no page: the facts line, the department link, an inline question, an unnumbered-ending section', async () => {
    const { x } = await read('regjeringen-horing-skoleskyss.html');
    expect(x.title.value).toBe('Høring – endringer i opplæringslova om skoleskyss');
    expect(x.issuer.value).toBe('Kunnskapsdepartementet');
    expect(x.reference.value).toBe('24/5678');
    expect(x.deadline.value).toBe('2025-02-20');
    expect(x.deadline.source?.page).toBeNull();
    expect(x.questions).toHaveLength(1);
    expect(x.questions[0].text).toMatch(/^Departementet ber om høringsinstansenes syn på om grensen for gratis skyss/);
    expect(x.proposals).toHaveLength(1);
    expect(x.proposals[0]).toMatchObject({ number: '2', heading: 'Departementets forslag', chapter: null });
    // The section ends at «Hvordan avgi høringssvar», an unnumbered heading of the same level.
    expect(x.proposals[0].passageIds).toHaveLength(1);
  });
});

describe('deadlines and dates in any Norwegian form', () => {
  const deadline = (text: string) => extractFields(text).deadline?.value ?? null;
  it.each([
    ['Høringsfristen er 1. mars 2025.', '2025-03-01'],
    ['Høringsfrist: 01.03.2025', '2025-03-01'],
    ['Høyringsfristen er fredag 14. februar 2025.', '2025-02-14'],
    ['Frist for å gi innspel er 3.2.25.', '2025-02-03'],
    ['Høringssvar må sendes innen 2025-04-30.', '2025-04-30'],
    ['Merknadar må vere komne inn seinast 15. mai 2025.', '2025-05-15'],
  ])('%s → %s', (text, iso) => expect(deadline(text)).toBe(iso));

  it('«innen 1. mars» takes its year from the letter date, the next 1 March after it', () => {
    expect(deadline('Dato: 12. desember 2024\n\nHøringssvar sendes innen 1. mars.')).toBe('2025-03-01');
  });
  it('«innen 1. mars» with no letter date is left empty, not guessed', () => {
    expect(deadline('Høringssvar sendes innen 1. mars.')).toBeNull();
  });
  it('a date that is not on the calendar is no date', () => {
    expect(findDate('30. februar 2025')).toBeNull();
    expect(deadline('Høringsfristen er 31.04.2025.')).toBeNull();
  });
  it('a date in another sentence is not the deadline', () => {
    expect(deadline('Høringsfristen kommer senere. Loven trådte i kraft 1. januar 2020.')).toBeNull();
  });
});
