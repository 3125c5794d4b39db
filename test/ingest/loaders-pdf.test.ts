import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/ingest/index.js';
import { dropFurniture, isPageNumber } from '../../src/ingest/loaders/pdfFurniture.js';
import { readingOrder, segments, type PdfTextItem } from '../../src/ingest/loaders/pdfLayout.js';
import { paragraphs } from '../../src/ingest/loaders/pdfParagraphs.js';
import { TEST_META, expectWellFormed, fixture, ingestError } from '../helpers/documents.js';

const ingestPdf = (name: string) => ingestBytes(fixture(name), name, TEST_META);

describe('two-column PDF fixture', () => {
  it('reads column by column into clean sentences', async () => {
    const doc = await ingestPdf('two-columns.pdf');
    expectWellFormed(doc);
    expect(doc.format).toBe('pdf');
    // Line-end hyphens are undone, real compound hyphens kept.
    for (const word of [
      'digitaliseringsstrategi',
      'Informasjonssikkerhetsarbeidet',
      'leverandøravhengighet',
      'arbeidsbelastningen',
      'lokalsamfunnene',
    ]) {
      expect(doc.text).toContain(word);
    }
    expect(doc.text).toContain('IKT-sikkerhet');
    expect(doc.text).toContain('lese- og skrivevansker');
    expect(doc.text).not.toMatch(/\p{Ll}- (?!og\b|eller\b)\p{Ll}/u); // "lese- og skrivevansker" is Norwegian, "digit- alisering" is not
    // The sentence that runs from the foot of the left column to the top of the right one is whole.
    expect(doc.text).toContain(
      'lettere å planlegge omstilling og hindrer at ansatte blir stående igjen uten meningsfulle arbeidsoppgaver.',
    );
    // ... and so is the one that runs over the page break.
    expect(doc.text).toContain('slik at ikke hver enkelt må gjøre de samme feilene på nytt.');
    for (const p of doc.passages) expect(p.text, p.text.slice(-60)).toMatch(/[.!?:]$/u);
  });

  it('drops the running header, the footer and page numbers', async () => {
    const doc = await ingestPdf('two-columns.pdf');
    expect(doc.text).not.toContain('Postboks 123');
    expect(doc.text).not.toContain('Høringsinnspill 2024');
    expect(doc.text.split('\n').some((line) => isPageNumber(line))).toBe(false);
  });

  it('gives every passage the page it starts on and its headings', async () => {
    const doc = await ingestPdf('two-columns.pdf');
    expect(doc.passages.every((p) => p.page === 1 || p.page === 2)).toBe(true);
    const first = doc.passages[0];
    expect(first.page).toBe(1);
    expect(first.headingPath.at(-1)).toBe('Innledning');
    const onPage2 = doc.passages.find((p) => p.text.startsWith('Nye digitale løsninger'));
    expect(onPage2?.page).toBe(2);
    expect(onPage2?.headingPath).toEqual(['Arbeidsmiljø og organisering']);
    // Starts on page 1 and runs over the break: page 1.
    expect(doc.passages.find((p) => p.text.includes('feilene på nytt'))?.page).toBe(1);
    expect(doc.passages.map((p) => p.page)).toEqual([...doc.passages.map((p) => p.page)].sort());
  });
});

describe('refused PDFs', () => {
  it.each([
    ['encrypted.pdf', 'encrypted', /passordbeskyttet/],
    ['scanned.pdf', 'no_text', /Ingen uttrekkbar tekst .* OCR støttes ikke/],
    ['corrupt.pdf', 'corrupt_file', /skadet eller ufullstendig/],
    ['empty.pdf', 'empty_file', /er tom/],
  ])('%s → %s', async (name, code, message) => {
    const err = await ingestError(() => ingestPdf(name));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.message).toContain(`«${name}»`);
  });
});

const item = (str: string, x: number, y: number, width = str.length * 5, fontSize = 10): PdfTextItem => ({
  str,
  x,
  y,
  width,
  fontSize,
});

describe('PDF layout from positions', () => {
  it('reads the left column before the right one even when the items interleave', () => {
    const items = [
      item('Venstre en', 50, 700),
      item('Høyre en', 320, 700),
      item('venstre to', 50, 688),
      item('høyre to', 320, 688),
      item('venstre tre.', 50, 676),
      item('høyre tre.', 320, 676),
    ];
    expect(readingOrder(segments(items), 1).map((l) => l.text)).toEqual([
      'Venstre en',
      'venstre to',
      'venstre tre.',
      'Høyre en',
      'høyre to',
      'høyre tre.',
    ]);
  });

  it('puts spaces between words drawn one by one, from their positions', () => {
    const [seg] = segments([
      item('Kommunene', 50, 700, 45),
      item('må', 100, 700, 12),
      item('samarbeide.', 116, 700, 50),
    ]);
    expect(seg.text).toBe('Kommunene må samarbeide.');
  });

  it('joins a soft hyphen (U+00AD) and a hard line-end hyphen at the line end', () => {
    const lines = readingOrder(
      segments([
        item('Det krever kompe\u00AD', 50, 700, 90),
        item('tanseheving og digi-', 50, 688, 95),
        item('talisering i kommunene.', 50, 676, 100),
      ]),
      1,
    );
    expect(paragraphs(lines, 1).text).toBe('Det krever kompetanseheving og digitalisering i kommunene.');
  });

  it('removes repeated headers and page numbers but keeps body lines that repeat elsewhere', () => {
    const page = (n: number) => [
      { text: 'Årsrapport 2024', y: 820 },
      { text: 'Innhold på side ' + n, y: 400 },
      { text: 'Vi støtter forslaget.', y: 300 },
      { text: `Side ${n} av 3`, y: 20 },
    ];
    const kept = dropFurniture([page(1), page(2), page(3)], [842, 842, 842]);
    expect(kept.map((p) => p.map((s) => s.text))).toEqual(
      [1, 2, 3].map((n) => ['Innhold på side ' + n, 'Vi støtter forslaget.']),
    );
  });

  it('records where each page starts in the joined text', () => {
    const lines = [
      ...readingOrder(segments([item('Første side begynner her og', 50, 700, 200)]), 1),
      ...readingOrder(segments([item('fortsetter på neste side.', 50, 700, 180)]), 2),
    ];
    const { text, pageStarts } = paragraphs(lines, 3);
    expect(text).toBe('Første side begynner her og fortsetter på neste side.');
    expect(text.slice(pageStarts[1])).toBe('fortsetter på neste side.');
    expect(pageStarts[2]).toBe(text.length); // a page without text
  });
});
