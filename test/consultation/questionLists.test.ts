/**
 * The questions of a consultation letter saved as text, Markdown or PDF: the list after «Departementet ber særlig om
 * høringsinstansenes syn på følgende:» is the questions, one per item, in every list style a letter uses («- », «1.»,
 * «•»), with or without a blank line after the lead-in, Bokmål and Nynorsk; the lead-in is never a question. Read
 * through the real loaders and ingest, as POST /consultations reads them (the DOCX path is letterDocx.test.ts).
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractConsultation } from '../../src/consultation/index.js';
import { loadFile } from '../../src/corpus/read.js';
import { ingestLoaded } from '../../src/ingest/index.js';

const BOKMAL = {
  issuer: 'Kommunal- og distriktsdepartementet',
  title: 'Høring – forslag til endringer i kommuneloven om interkommunalt samarbeid',
  intro:
    'Departementet sender med dette på høring forslag til endringer i kommuneloven om interkommunalt samarbeid. ' +
    'Høringsfristen er fredag 14. februar 2025.',
  leadIn: 'Departementet ber særlig om høringsinstansenes syn på følgende:',
  questions: [
    'Bør kommunestyret behandle en samlet oversikt over samarbeidene hvert år?',
    'Er ett års frist for uttreden fra et samarbeid passende?',
    'Hvordan bør de ansattes rettigheter sikres når oppgaver flyttes til et samarbeid?',
  ],
  after: 'Høringssvar sendes digitalt på regjeringen.no. Alle høringssvar blir publisert.',
};

const NYNORSK = {
  issuer: 'Nærings- og fiskeridepartementet',
  title: 'Høyring – overføring av fiskerihamnene til fylkeskommunane',
  intro:
    'Departementet sender med dette på høyring forslag om å overføre fiskerihamnene til fylkeskommunane. ' +
    'Høyringsfristen er 9. januar 2025.',
  leadIn: 'Departementet ber særleg om høyringsinstansane sitt syn på følgjande:',
  questions: [
    'Kva for oppgåver bør framleis liggje hos staten?',
    'Er tilskotsordninga for vedlikehald tilstrekkeleg?',
    'Korleis bør overføringa av tilsette frå Kystverket skje?',
  ],
  after: 'Høyringssvar skal sendast digitalt på regjeringen.no.',
};

type Letter = typeof BOKMAL;
const STYLES = {
  dash: () => '- ',
  number: (i: number) => `${i + 1}. `,
  bullet: () => '• ',
} as const;
type Style = keyof typeof STYLES;

function letterText(l: Letter, style: Style, blank: boolean): string {
  const list = l.questions.map((q, i) => STYLES[style](i) + q).join('\n');
  return [
    `${l.issuer}\n\nVår ref.: 24/1234\n\nDato: 12. desember 2024`,
    l.title,
    l.intro,
    `${l.leadIn}\n${blank ? '\n' : ''}${list}`,
    l.after,
    'Med hilsen\n\nKari Nordmann (e.f.)\navdelingsdirektør',
  ].join('\n\n');
}

/** The same letter as a one-page PDF: lines at one spacing, a wider gap between paragraphs (and after the lead-in). */
async function letterPdf(l: Letter, style: Style, blank: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  let y = 790;
  const line = (text: string, gap = 14.5) => page.drawText(text, { x: 72, y: (y -= gap), size: 11, font });
  line(l.issuer);
  line('Vår ref.: 24/1234', 28);
  line('Dato: 12. desember 2024', 14.5);
  line(l.title, 30);
  const [first, second] = l.intro.split(/(?<=\.) (?=Høy?ringsfristen)/);
  line(first!, 26);
  line(second!);
  line(l.leadIn, 26);
  l.questions.forEach((q, i) => line(STYLES[style](i) + q, i === 0 && blank ? 26 : 14.5));
  line(l.after, 26);
  line('Med hilsen', 26);
  return pdf.save({ useObjectStreams: false });
}

async function questionsOf(bytes: Uint8Array, filename: string) {
  const loaded = await loadFile(bytes, filename);
  const meta = { id: 'brev', organisation: 'X', title: 't', kind: 'consultation' as const, date: '2024' };
  const doc = ingestLoaded(loaded, { ...meta, language: 'nb' as const });
  const x = extractConsultation({ text: doc.text, passages: doc.passages, documentId: 'brev' });
  // Every question quotes the stored text at its offsets.
  for (const q of x.questions) expect(doc.text.slice(q.source.start, q.source.end)).toBe(q.source.quote);
  return x.questions.map((q) => q.text);
}

const cases = (['dash', 'number', 'bullet'] as const).flatMap((style) =>
  [false, true].flatMap((blank) =>
    [
      ['Bokmål', BOKMAL],
      ['Nynorsk', NYNORSK],
    ].map(([language, letter]) => ({ style, blank, language: language as string, letter: letter as Letter })),
  ),
);

describe('the question list of a letter saved as text, Markdown or PDF', () => {
  it.each(cases)('$language, «$style» items, blank line after the lead-in: $blank', async (c) => {
    const text = new TextEncoder().encode(letterText(c.letter, c.style, c.blank));
    expect(await questionsOf(text, 'horingsbrev.txt')).toEqual(c.letter.questions);
    expect(await questionsOf(text, 'horingsbrev.md')).toEqual(c.letter.questions);
    expect(await questionsOf(await letterPdf(c.letter, c.style, c.blank), 'horingsbrev.pdf')).toEqual(
      c.letter.questions,
    );
  });

  it('an item wrapped over two lines is one question; the paragraph after the list is none', async () => {
    const text = [
      'Kunnskapsdepartementet',
      'Høring – endringer i opplæringslova om skoleskyss',
      'Departementet ber særlig om høringsinstansenes syn på følgende:',
      '1. Bør grensen for gratis skyss for elever på 1. trinn senkes fra fire til to\n   kilometer, også der skoleveien ikke er særlig farlig?\n' +
        '2) Hvilke økonomiske konsekvenser vil forslaget få for kommunene?\nHøringssvar sendes digitalt.',
    ].join('\n\n');
    expect(await questionsOf(new TextEncoder().encode(text), 'skyss.txt')).toEqual([
      'Bør grensen for gratis skyss for elever på 1. trinn senkes fra fire til to kilometer, også der skoleveien ikke er særlig farlig?',
      'Hvilke økonomiske konsekvenser vil forslaget få for kommunene?',
    ]);
  });

  it('a question after the lead-in’s colon, on its own line, still reads as before', async () => {
    const text =
      'Kunnskapsdepartementet\n\nHøring – skoleskyss\n\nDepartementet ber om høringsinstansenes syn på dette: Bør grensen senkes?\n';
    expect(await questionsOf(new TextEncoder().encode(text), 'skyss.txt')).toEqual(['Bør grensen senkes?']);
  });
});
