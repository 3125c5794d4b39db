/**
 * A stored draft as a reader who may not read all its sources sees it (issue 16): each citation of a passage they
 * may not read (store/access.ts unreadablePassages) keeps its place but shows «kilde du ikke har tilgang til» instead
 * of the quote, in the structured draft, its Markdown and the verification report alike, so the API and both
 * exports say the same.
 */
import type { CitationRef, DraftDocument, VerificationReport } from '../domain/index.js';
import { renderMarkdown } from '../verify/index.js';
import { toStructured } from './structured.js';

export const UNREADABLE_SOURCE = 'kilde du ikke har tilgang til';

export interface DraftContent {
  structured: DraftDocument;
  markdown: string;
  verification: VerificationReport;
}

/**
 * `content` with the quotes of `hidden` passages replaced; the same object when none is hidden.
 * @example redactSources(record, new Set(['ntl-styre-2024-p003'])).markdown // …[^2]: … «kilde du ikke har tilgang til»
 */
export function redactSources<T extends DraftContent>(content: T, hidden: Set<string>): T {
  if (hidden.size === 0) return content;
  const cite = (c: CitationRef): CitationRef =>
    hidden.has(c.passageId) ? { passageId: c.passageId, quote: UNREADABLE_SOURCE } : c;
  const structured: DraftDocument = {
    ...content.structured,
    sections: content.structured.sections.map((s) => ({
      ...s,
      paragraphs: s.paragraphs.map((p) => p.map((t) => ({ ...t, citations: t.citations.map(cite) }))),
      dropped: s.dropped.map((d) => ({ ...d, citations: d.citations.map(cite) })),
    })),
  };
  const verification: VerificationReport = {
    ...content.verification,
    sentences: content.verification.sentences.map((s) => ({
      ...s,
      citations: s.citations.map((c) => {
        if (!hidden.has(c.passageId) && !(c.actualPassageId && hidden.has(c.actualPassageId))) return c;
        const { document: _d, actualDocument: _a, actualPassageId: _p, start: _s, end: _e, ...rest } = c;
        return { ...rest, quote: UNREADABLE_SOURCE, reason: UNREADABLE_SOURCE };
      }),
    })),
  };
  return { ...content, structured, verification, markdown: renderMarkdown(toStructured(structured)) };
}
