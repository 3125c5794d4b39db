/**
 * Our draft ↔ the verifier's StructuredDraft. The verifier knows sections with an optional heading; a paragraph
 * after the first under a heading is a section without one. That encodes our paragraphs losslessly, and it is also
 * exactly how the Markdown form reads back (see src/verify/markdown.ts).
 */
import { isClaim } from '../verify/claim.js';
import type { StructuredDraft } from '../verify/index.js';
import type { DraftDocument, DraftSection, DraftSentence } from './types.js';
import { isNoPositionSentence } from './wording.js';

/** @example renderMarkdown(toStructured(result.draft)) */
export function toStructured(doc: DraftDocument): StructuredDraft {
  const sections: StructuredDraft['sections'] = [];
  for (const s of doc.sections) {
    const paragraphs = s.paragraphs.filter((p) => p.length);
    if (paragraphs.length === 0) {
      if (s.heading) sections.push({ heading: s.heading, sentences: [] });
      continue;
    }
    paragraphs.forEach((p, i) =>
      sections.push({
        ...(i === 0 && s.heading ? { heading: s.heading } : {}),
        sentences: p.map((t) => ({ text: t.text, citations: t.citations.map((c) => ({ ...c })) })),
        // Every paragraph of a section marked for review carries the mark (issue 17), but a quoted proposal.
        ...(s.reviewReason && i >= (s.reviewFromParagraph ?? 0) ? { review: s.reviewReason } : {}),
      }),
    );
  }
  return { title: doc.title, sections };
}

/**
 * Rebuild our draft from an edited StructuredDraft (PUT with Markdown or structured text). Sections keep the kind
 * and question of the previous version's section with the same heading; sentence kinds follow the verifier's
 * claim rule. A section marked for review (issue 17) keeps its mark only while its sentences and citations are
 * exactly the previous version's: an edit elsewhere leaves it, an edit of the section clears it (the editor has
 * read it against the sources and made it theirs), and so does `accept` naming its heading.
 */
export function fromStructured(
  sd: StructuredDraft,
  previous: DraftDocument,
  { accept = [] }: { accept?: string[] } = {},
): DraftDocument {
  const byHeading = new Map(previous.sections.filter((s) => s.heading).map((s) => [s.heading!, s]));
  const sections: DraftSection[] = [];
  for (const vs of sd.sections) {
    const sentences: DraftSentence[] = vs.sentences.map((t) => ({
      text: t.text,
      kind: isNoPositionSentence(t.text) ? 'notice' : isClaim(t.text) || t.citations.length ? 'claim' : 'frame',
      citations: t.citations.map((c) => ({ ...c })),
    }));
    const current = sections[sections.length - 1];
    if (vs.heading === undefined && current) {
      if (sentences.length) current.paragraphs.push(sentences);
      continue;
    }
    const prev = vs.heading !== undefined ? byHeading.get(vs.heading) : previous.sections.find((s) => !s.heading);
    sections.push({
      kind: prev?.kind ?? (sections.length === 0 && vs.heading === undefined ? 'intro' : 'question'),
      ...(vs.heading !== undefined ? { heading: vs.heading } : {}),
      ...(prev?.question !== undefined ? { question: prev.question, questionIndex: prev.questionIndex } : {}),
      status: 'drafted',
      paragraphs: sentences.length ? [sentences] : [],
      dropped: [],
      repairs: [],
      retrieved: prev?.retrieved ?? [],
    });
  }
  for (const s of sections) {
    s.status = sectionStatus(s);
    const prev = s.heading !== undefined ? byHeading.get(s.heading) : undefined;
    if (prev?.reviewReason && !accept.includes(s.heading!) && sameSentences(prev, s))
      s.reviewReason = prev.reviewReason;
  }
  return { ...previous, title: sd.title ?? previous.title, sections };
}

export function sectionStatus(s: DraftSection): DraftSection['status'] {
  const all = s.paragraphs.flat();
  if (all.some((t) => t.kind === 'claim')) return 'drafted';
  if (all.some((t) => t.kind === 'notice')) return 'no_position';
  if (s.dropped.length) return 'dropped';
  return all.length ? 'frame' : s.kind === 'question' ? 'dropped' : 'frame';
}

/** Same sentences with the same citations, paragraph by paragraph (verdicts and kinds aside). */
function sameSentences(a: DraftSection, b: DraftSection): boolean {
  const key = (s: DraftSection) =>
    JSON.stringify(
      s.paragraphs
        .filter((p) => p.length)
        .map((p) => p.map((t) => [t.text, t.citations.map((c) => [c.passageId, c.quote])])),
    );
  return key(a) === key(b);
}
