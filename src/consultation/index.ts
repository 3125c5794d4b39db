/**
 * Consultations: read a høringsbrev/høringsnotat's fields (title, issuer, reference, deadline, questions,
 * proposals) from its stored text by rules kept as data (rules.json), each with the passage and page it came from.
 * Pure functions over text and passages; the corpus stage runs them on the read worker as a consultation is stored.
 */
import type { ConsultationExtraction } from '../domain/consultation.js';
import type { PassageDraft } from '../domain/documents.js';
import { extractFields } from './extract.js';
import { locate } from './locate.js';

export { consultationHead, extractFields } from './extract.js';
export { findDate } from './dates.js';

/**
 * @example extractConsultation({ text: doc.text, passages: doc.passages, documentId: doc.meta.id }).questions.length
 */
export function extractConsultation(doc: {
  text: string;
  passages: Pick<PassageDraft, 'ordinal' | 'start' | 'end' | 'page'>[];
  documentId: string;
}): ConsultationExtraction {
  return locate(doc.text, doc.passages, doc.documentId, extractFields(doc.text));
}
