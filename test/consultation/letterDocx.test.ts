/**
 * A ministry letter as a DOCX: the date alone on a (right-aligned) line under the letterhead is the letter's own
 * date, kept through cleaning and read as the document date and the deadline's year — as in a PDF
 * (letterPdf.test.ts). The same line on a web page is chrome, and goes.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { consultationHead, extractConsultation } from '../../src/consultation/index.js';
import { loadFile } from '../../src/corpus/read.js';
import { ingestLoaded } from '../../src/ingest/index.js';

const META = {
  id: 'brev',
  organisation: 'X',
  title: 't',
  kind: 'consultation' as const,
  date: '2024',
  language: 'nb' as const,
};

async function letterDocx(): Promise<Uint8Array> {
  const para = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
  const doc = new Document({
    sections: [
      {
        children: [
          para('Kommunal- og distriktsdepartementet', true),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('12. desember 2024')] }),
          para('Høring – forslag til endringer i kommuneloven', true),
          para(
            'Departementet sender på høring et forslag om interkommunalt samarbeid. Forslaget gjør det enklere ' +
              'for kommunene å samarbeide om tjenester. Høringsfristen er 1. mars.',
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('a letter DOCX with the date alone on a line', () => {
  it('keeps the date and reads it as the letter date, the deadline’s year from it', async () => {
    const doc = ingestLoaded(await loadFile(await letterDocx(), 'brev.docx'), META);
    expect(doc.text).toContain('\n\n12. desember 2024\n\n');
    expect(consultationHead(doc.text).date).toBe('2024-12-12');
    const x = extractConsultation({ text: doc.text, passages: doc.passages, documentId: 'brev' });
    expect(x.deadline.value).toBe('2025-03-01');
  });

  it('drops the same line from a web page, where a date alone is page chrome', async () => {
    const html =
      '<html><body><main><h1>Høring om kommuneloven</h1><p>12. desember 2024</p>' +
      '<p>Departementet sender på høring et forslag om interkommunalt samarbeid mellom kommunene.</p></main></body></html>';
    const doc = ingestLoaded(await loadFile(new TextEncoder().encode(html), 'side.html'), META);
    expect(doc.text).toContain('Departementet sender på høring');
    expect(doc.text).not.toContain('12. desember 2024');
  });
});
