/**
 * A draft version as a Word document laid out like a Norwegian høringssvar: sender, addressee (the issuing
 * ministry), "Deres ref." and date, the title, one heading per section, every cited sentence footnoted with the
 * quote and the source document, and a signature. Built with the `docx` package. The verifier's findings travel
 * with it: a review summary under the title, and every sentence that is not ✓ highlighted (yellow ≈, red ✗) with a
 * Word comment giving the mark and the verifier's reason (see review.ts). A sentence citing an internal document
 * gets a comment saying so (its verdict's highlight unchanged), and its footnote names the document as internal.
 * Under the title, and in the file's description (core.xml), a notice says who wrote the version (versionNotice.ts).
 */
import type { Paragraph } from 'docx';
import type { PassageWithDocument } from '../domain/types.js';
import type { DraftDocument } from '../draft/types.js';
import type { DraftRequest } from '../domain/draftRequest.js';
import type { VerificationReport } from '../domain/verification.js';
import { reviewDraft } from './review.js';
import type { Withdrawal } from '../store/documents.js';
import { norwegianDate } from './norwegianDate.js';
import type { Replacement } from '../store/drafts.js';
import { replacedMark, replacedWarning, withdrawnMark, withdrawnWarning } from './withdrawn.js';
import { internalSources } from './internalSources.js';
import { versionNotice, type VersionAuthor } from './versionNotice.js';

export interface DocxInput {
  draft: DraftDocument;
  request: DraftRequest;
  /** The cited passages with their documents, for the footnotes' source lines. */
  passages: Map<string, PassageWithDocument>;
  /** Cited passages whose documents have been withdrawn since, by passage id: warned of and marked in footnotes. */
  withdrawn?: Map<string, Withdrawal>;
  /** Cited passages whose documents have been replaced since, by passage id: warned of and marked in footnotes. */
  replaced?: Map<string, Pick<Replacement, 'documentId' | 'title' | 'organisation' | 'replacedAt'>>;
  /** The stored verification report; without it the sentences' own verdicts are used. */
  verification?: VerificationReport;
  /** Who wrote the version, for its notice; without it the file has none (the stored draft's notice is not used). */
  author?: VersionAuthor;
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
  replaced = new Map(),
  verification,
  author,
  date = new Date(),
}: DocxInput): Promise<Buffer> {
  // NOTE: docx is imported when a document is exported, not at startup.
  const {
    AlignmentType,
    CommentRangeEnd,
    CommentRangeStart,
    CommentReference,
    Document,
    FootnoteReferenceRun,
    HeadingLevel,
    Packer,
    Paragraph,
    TextRun,
  } = await import('docx');
  // The passages say which documents are internal: the footnotes and the comments name them.
  const internal = internalSources(passages);
  const review = reviewDraft(draft, verification, new Set(withdrawn.keys()), internal);
  const notice = versionNotice(author, draft.language);
  const comments: { id: number; author: string; initials: string; date: Date; children: Paragraph[] }[] = [];
  const nn = draft.language === 'nn';
  const c = request.consultation;
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let next = 1;
  const footnote = (passageId: string, quote: string) => {
    const p = passages.get(passageId);
    const gone = withdrawn.get(passageId);
    const changed = replaced.get(passageId);
    const was = gone ?? changed;
    const intern = internal.has(passageId) ? ', internt dokument' : '';
    const from = p
      ? `${p.document.title} (${p.document.organisation}, ${p.document.date}${intern})`
      : was
        ? `${was.title} (${was.organisation})`
        : null;
    const mark = gone
      ? ` – ${withdrawnMark(gone, draft.language)}`
      : changed
        ? ` – ${replacedMark(changed, draft.language)}`
        : '';
    const source = `${from ? `${from}, avsnitt ${passageId}` : passageId}${mark}`;
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
  if (notice) body.push(new Paragraph({ children: [new TextRun({ text: notice, italics: true })] }));
  if (review.summary)
    body.push(
      new Paragraph({
        children: [
          new TextRun({ text: review.lead, bold: true }),
          new TextRun({ text: review.summary.slice(review.lead.length), bold: review.review + review.bad > 0 }),
        ],
      }),
    );
  for (const warning of [
    withdrawnWarning(withdrawn.values(), draft.language),
    replacedWarning(replaced.values(), draft.language),
  ])
    if (warning) body.push(new Paragraph({ children: [new TextRun({ text: warning, bold: true })] }));

  for (const section of draft.sections) {
    if (section.heading)
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }));
    for (const paragraph of section.paragraphs) {
      const runs = paragraph.flatMap((s, i) => {
        const lead = i ? [new TextRun(' ')] : [];
        const r = review.of(s);
        const notes = s.citations.map((cit) => footnote(cit.passageId, cit.quote));
        if (!r.mark && !r.internal) return [...lead, new TextRun(s.text), ...notes];
        // NOTE: a highlight shows in any viewer; the comment carries the words and the reason in Word and LibreOffice.
        // An internal source adds a comment line but no highlight: the colours stay the verifier's verdicts.
        const id = comments.length;
        const label = r.mark ? `${r.label}${r.judged ? ' (vurdert av språkmodell)' : ''}` : null;
        comments.push({
          id,
          author: nn ? 'innspill kjeldekontroll' : 'innspill kildekontroll',
          initials: 'IK',
          date,
          children: [
            ...(label ? [new Paragraph(label)] : []),
            ...(r.mark && r.reason ? [new Paragraph(r.reason)] : []),
            ...(r.internal ? [new Paragraph(`${r.internal}.`)] : []),
          ],
        });
        return [
          ...lead,
          new CommentRangeStart(id),
          r.mark ? new TextRun({ text: s.text, highlight: r.mark === '✗' ? 'red' : 'yellow' }) : new TextRun(s.text),
          new CommentRangeEnd(id),
          new TextRun({ children: [new CommentReference(id)] }),
          ...notes,
        ];
      });
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
    // Without it the docx package writes «Un-named» into docProps/core.xml, which Word shows as the last editor.
    lastModifiedBy: draft.organisation || 'innspill',
    title: draft.title,
    // Word's «Kommentarer»/description: the same notice as under the title, never the drafter's stored one.
    description: notice ?? undefined,
    // The language on the document's default run properties (styles.xml rPrDefault), so Word spell-checks the whole
    // letter as Bokmål or Nynorsk rather than as the reader's own language.
    styles: {
      default: { document: { run: { font: 'Calibri', size: 22, language: { value: nn ? 'nn-NO' : 'nb-NO' } } } },
    },
    footnotes,
    ...(comments.length ? { comments: { children: comments } } : {}),
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
