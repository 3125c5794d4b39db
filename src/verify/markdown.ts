/**
 * The Markdown form of a cited draft, for people: `#` title, `##` headings start sections, each paragraph's
 * sentences carry footnote references (`…i dag.[^1]`) and footnotes at the bottom hold the citations
 * (see footnotes.ts). A paragraph after the first under a heading becomes a section without a heading.
 *
 * Rules that keep `parseMarkdown(renderMarkdown(x))` equal to `x`:
 * - A backslash escapes the next character, as in CommonMark: `\.` is a full stop that does not end a sentence,
 *   `\[^` is not a footnote, `\#` at the start is not a heading.
 * - A line ending in `\` (a CommonMark hard break) always ends a sentence; list items are paragraphs of their own.
 * - The renderer joins a section's sentences into one paragraph when that splits back the same way, and otherwise
 *   puts each sentence on its own line ending in `\`.
 * - What our export adds (the notice and review lines under the title, a review mark in front of a sentence; see
 *   markdownNotes.ts) is not text: an exported draft parses back to the draft. A paragraph whose cited sentences
 *   all carry ≈ or ✗ marks comes back as a section marked for review, as the export's source section was.
 */
import { canonicalLine, StructuredDraftSchema, type Citation, type Sentence, type StructuredDraft } from './format.js';
import { VerifyError, checkMarkdownSize, fromZodError } from './errors.js';
import { extractFootnotes, parseFootnote, type FootnoteDef } from './footnotes.js';
import { isExportNoteLine, MARKED_FOR_REVIEW, reviewedByMarks } from './markdownNotes.js';
import { parseParagraph, unescape, type RawSentence } from './markdownParagraph.js';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/**
 * Parse a Markdown draft. Throws VerifyError('invalid_markdown') naming the line for an undefined footnote, a
 * malformed footnote or a reference outside any sentence.
 * @example parseMarkdown('Vi støtter satsinga.[^1]\n\n[^1]: [fagforbundet-uttalelse-2024-p002] «Vi støtter satsinga»')
 */
export function parseMarkdown(md: string): StructuredDraft {
  checkMarkdownSize(md);
  const { defs, body } = extractFootnotes(md.replace(/\r\n?/g, '\n').split('\n'));
  type RawSection = { heading?: string; sentences: RawSentence[]; review?: boolean };
  const draft: { title?: string; sections: RawSection[] } = { sections: [] };
  let paragraph: { text: string; line: number }[] = [];
  let current: RawSection | null = null;

  const flush = () => {
    if (paragraph.length === 0) return;
    const sentences = parseParagraph(paragraph);
    paragraph = [];
    if (sentences.length === 0) return;
    const review = reviewedByMarks(sentences);
    if (current && current.sentences.length === 0) Object.assign(current, { sentences, review });
    else draft.sections.push((current = { sentences, review }));
  };

  for (const l of body) {
    const heading = HEADING.exec(l.text);
    if (heading) {
      flush();
      const text = canonicalLine(unescape(heading[2]).text);
      if (heading[1] === '#' && draft.title === undefined && draft.sections.length === 0 && text) draft.title = text;
      else draft.sections.push((current = { heading: text || undefined, sentences: [] }));
    } else if (l.text.trim() === '' || isExportNoteLine(l.text)) flush();
    else if (LIST_ITEM.test(l.text)) {
      flush();
      paragraph.push({ text: l.text.replace(LIST_ITEM, ''), line: l.line });
    } else paragraph.push(l);
  }
  flush();

  const resolved = {
    ...(draft.title !== undefined ? { title: draft.title } : {}),
    sections: draft.sections.map((s) => ({
      ...(s.heading !== undefined ? { heading: s.heading } : {}),
      sentences: s.sentences.map((r): Sentence => ({
        text: r.text,
        citations: r.refs.map((ref) => resolve(ref, defs)),
      })),
      ...(s.review ? { review: MARKED_FOR_REVIEW } : {}),
    })),
  };
  const parsed = StructuredDraftSchema.safeParse(resolved);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

function resolve(ref: { label: string; line: number }, defs: Map<string, FootnoteDef>): Citation {
  const def = defs.get(ref.label);
  if (!def)
    throw new VerifyError(
      'invalid_markdown',
      `Fotnoten [^${ref.label}] på linje ${ref.line} er ikke definert.`,
      `[^${ref.label}]`,
    );
  const citation = parseFootnote(def.content);
  if (typeof citation === 'string') {
    throw new VerifyError(
      'invalid_markdown',
      `Fotnoten [^${ref.label}] på linje ${def.line}: ${citation}.`,
      `[^${ref.label}]`,
    );
  }
  return citation;
}

export { renderMarkdown } from './markdownRender.js';
