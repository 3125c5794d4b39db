/**
 * A ministry letter as PDFs print it: the date alone and right-aligned under the letterhead (no «Dato»), a deadline
 * without a year, and a short paragraph that asks the høringsinstanser a question. The date must survive the PDF
 * loader and become the letter's date (and the deadline's year); the question must sit in a passage, so a draft
 * can cite it.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { consultationHead, extractConsultation } from '../../src/consultation/index.js';
import { loadFile } from '../../src/corpus/read.js';
import { cleanText } from '../../src/ingest/clean.js';
import { ingestLoaded } from '../../src/ingest/index.js';

const QUESTION_PARAGRAPH = 'Departementet ber om høringsinstansenes syn på dette: Bør kravet gjelde alle kommuner?';

async function letterPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595, 842]);
  let y = 770;
  const line = (text: string, font = regular, size = 11, gap = 14.5) =>
    page.drawText(text, { x: 72, y: (y -= gap), size, font });
  line('Kommunal- og distriktsdepartementet', bold);
  const date = '12. desember 2024';
  page.drawText(date, { x: 595 - 72 - regular.widthOfTextAtSize(date, 11), y: (y -= 30), size: 11, font: regular });
  line('Høring – forslag til endringer i kommuneloven', bold, 13, 30);
  line('Departementet sender på høring et forslag om interkommunalt samarbeid. Forslaget gjør det', regular, 11, 24);
  line('enklere for kommunene å samarbeide om tjenester. Høringsfristen er 1. mars.');
  line('3 Departementets forslag', bold, 13, 30);
  line('Departementet foreslår at kommunene skal kunne opprette felles nemnder for barnevern og', regular, 11, 22);
  line('helse, og at samarbeidet skal kunne omfatte myndighet til å treffe enkeltvedtak.');
  line(QUESTION_PARAGRAPH, regular, 11, 24);
  line('4 Økonomiske konsekvenser', bold, 13, 30);
  line('Forslaget har ingen vesentlige økonomiske eller administrative konsekvenser for staten.', regular, 11, 22);
  return pdf.save({ useObjectStreams: false });
}

async function read() {
  const loaded = await loadFile(await letterPdf(), 'brev.pdf');
  const meta = {
    id: 'brev',
    organisation: 'X',
    title: 't',
    kind: 'consultation' as const,
    date: '2024',
    language: 'nb' as const,
  };
  const doc = ingestLoaded(loaded, meta);
  return { doc, x: extractConsultation({ text: doc.text, passages: doc.passages, documentId: 'brev' }) };
}

describe('a letter PDF with a right-aligned date and a question paragraph', () => {
  it('keeps the right-aligned date and reads it as the letter date, the deadline’s year from it', async () => {
    const { doc, x } = await read();
    expect(doc.text).toContain('\n\n12. desember 2024\n\n');
    expect(consultationHead(doc.text).date).toBe('2024-12-12');
    // «Høringsfristen er 1. mars» has no year: the first 1 March after the letter's date.
    expect(x.deadline.value).toBe('2025-03-01');
    expect(x.notFound).not.toContain('deadline');
  });

  it('gives the question to the høringsinstanser its passage, whose text holds the quote', async () => {
    const { doc, x } = await read();
    expect(x.questions.map((q) => q.text)).toEqual(['Bør kravet gjelde alle kommuner?']);
    const source = x.questions[0].source;
    expect(source.passageId).not.toBeNull();
    const passage = doc.passages.find((p) => `brev-p${String(p.ordinal).padStart(3, '0')}` === source.passageId)!;
    expect(passage.text).toContain(source.quote);
    // It is body text, not a heading over the next chapter.
    expect(doc.passages.flatMap((p) => p.headingPath)).not.toContain(QUESTION_PARAGRAPH);
  });

  it('still drops a lone date line from a web page (only PDFs keep it)', () => {
    expect(cleanText('Nyhet\n12. mars 2024\nKommunene må få mer.').text).toBe('Nyhet\n\nKommunene må få mer.');
    expect(cleanText('Nyhet\n12. mars 2024\nKommunene må få mer.', { format: 'pdf' }).text).toContain('12. mars 2024');
  });
});
