/**
 * A draft version as a Word document laid out like a Norwegian høringssvar: sender, addressee (the issuing
 * ministry), "Deres ref." and date, the title, one heading per section, every cited sentence footnoted with the
 * quote and the source document, and a signature. Built with the `docx` package.
 */
import type { Paragraph } from 'docx';
import type { PassageWithDocument } from '../domain/types.js';
import type { DraftDocument } from '../draft/types.js';
import type { DraftRequest } from '../domain/draftRequest.js';
import type { Withdrawal } from '../store/documents.js';
import { norwegianDate } from './norwegianDate.js';
import { withdrawnMark, withdrawnWarning } from './withdrawn.js';

export interface DocxInput {
  draft: DraftDocument;
  request: DraftRequest;
  /** The cited passages with their documents, for the footnotes' source lines. */
  passages: Map<string, PassageWithDocument>;
  /** Cited passages whose documents have been withdrawn since, by passage id: warned of and marked in footnotes. */
  withdrawn?: Map<string, Withdrawal>;
  /** The letter's date; today by default. */
  date?: Date;
}

/**
 * @example const bytes = await draftToDocx({ draft, request, passages }); await writeFile('svar.docx', bytes);
 */
export async function draftToDocx({
  draft,
  request,
  passages,
  withdrawn = new Map(),
  date = new Date(),
}: DocxInput): Promise<Buffer> {
  // NOTE: docx is imported when a document is exported, not at startup.
  const { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } =
    await import('docx');
  const nn = draft.language === 'nn';
  const c = request.consultation;
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let next = 1;
  const footnote = (passageId: string, quote: string) => {
    const p = passages.get(passageId);
    const gone = withdrawn.get(passageId);
    const from = p
      ? `${p.document.title} (${p.document.organisation}, ${p.document.date})`
      : gone
        ? `${gone.title} (${gone.organisation})`
        : null;
    const source = `${from ? `${from}, avsnitt ${passageId}` : passageId}${gone ? ` – ${withdrawnMark(gone, draft.language)}` : ''}`;
    footnotes[next] = {
      children: [
        new Paragraph({
          children: [
            new TextRun(`«${quote.replace(/\s+/g, ' ').trim()}» – `),
            new TextRun({ text: source, italics: true }),
          ],
        }),
      ],
    };
    return new FootnoteReferenceRun(next++);
  };

  const body: Paragraph[] = [
    new Paragraph({ children: [new TextRun({ text: draft.organisation, bold: true })] }),
    new Paragraph(''),
    new Paragraph(c.issuer),
    new Paragraph(''),
    new Paragraph(`${nn ? 'Dykkar ref.' : 'Deres ref.'}: ${c.reference ?? '–'}`),
    new Paragraph(`Dato: ${norwegianDate(date)}`),
    ...(c.deadline
      ? [
          new Paragraph(
            `${nn ? 'Høyringsfrist' : 'Høringsfrist'}: ${norwegianDate(new Date(`${c.deadline}T12:00:00`))}`,
          ),
        ]
      : []),
    new Paragraph(''),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(draft.title)] }),
  ];
  if (draft.notice) body.push(new Paragraph({ children: [new TextRun({ text: draft.notice, italics: true })] }));
  const warning = withdrawnWarning(withdrawn.values(), draft.language);
  if (warning) body.push(new Paragraph({ children: [new TextRun({ text: warning, bold: true })] }));

  for (const section of draft.sections) {
    if (section.heading)
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }));
    for (const paragraph of section.paragraphs) {
      const runs = paragraph.flatMap((s, i) => [
        new TextRun(`${i ? ' ' : ''}${s.text}`),
        ...s.citations.map((cit) => footnote(cit.passageId, cit.quote)),
      ]);
      body.push(new Paragraph({ children: runs, spacing: { after: 160 } }));
    }
  }
  body.push(
    new Paragraph(''),
    new Paragraph(nn ? 'Med venleg helsing' : 'Med vennlig hilsen'),
    new Paragraph({ children: [new TextRun({ text: draft.organisation, bold: true })], alignment: AlignmentType.LEFT }),
  );

  const doc = new Document({
    creator: 'innspill',
    title: draft.title,
    description: draft.extractive ? draft.notice : undefined,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    footnotes,
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
