/**
 * From offsets to what a reader can follow: the passage that holds each extracted value and its page, so the
 * response can say «hentet fra side 3» and a draft can cite the proposal.
 */
import type { ConsultationExtraction, ExtractedSource } from '../domain/consultation.js';
import { passageId, type PassageDraft } from '../domain/documents.js';
import type { RawExtraction, Span } from './extract.js';

type Cut = Pick<PassageDraft, 'ordinal' | 'start' | 'end' | 'page'>;

/** The passage holding a span, or (a heading between passages) none, with the page of the passage that follows. */
function sourceOf(text: string, passages: Cut[], documentId: string, span: Span): ExtractedSource {
  const holder = passages.find((p) => p.start <= span.start && span.end <= p.end);
  const near = holder ?? passages.find((p) => p.start >= span.start) ?? passages.at(-1);
  return {
    passageId: holder ? passageId(documentId, holder.ordinal) : null,
    page: near?.page ?? null,
    quote: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
  };
}

/**
 * @example locate(doc.text, doc.passages, doc.meta.id, extractFields(doc.text)).deadline.source?.page === 1
 */
export function locate(text: string, passages: Cut[], documentId: string, raw: RawExtraction): ConsultationExtraction {
  const src = (span: Span) => sourceOf(text, passages, documentId, span);
  const field = (f: { value: string; start: number; end: number } | null) =>
    f ? { value: f.value, source: src(f) } : { value: null, source: null };
  const result: ConsultationExtraction = {
    documentId,
    title: field(raw.title),
    issuer: field(raw.issuer),
    reference: field(raw.reference),
    deadline: field(raw.deadline),
    questions: raw.questions.map((q) => ({ text: q.value, source: src(q) })),
    proposals: raw.proposals.map((p) => ({
      number: p.number,
      heading: p.heading,
      chapter: p.chapter,
      text: p.text,
      source: src(p),
      section: p.section,
      passageIds: passages
        .filter((x) => x.end > p.section.start && x.start < p.section.end)
        .map((x) => passageId(documentId, x.ordinal)),
    })),
    notFound: [],
  };
  for (const k of ['title', 'issuer', 'reference', 'deadline'] as const) if (!result[k].value) result.notFound.push(k);
  if (!result.questions.length) result.notFound.push('questions');
  if (!result.proposals.length) result.notFound.push('proposals');
  return result;
}
