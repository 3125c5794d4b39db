/**
 * Answering an imported consultation item by item (issue 18): which items (all questions by default, else the
 * proposals), what the organisation's position is retrieved on, and what is proposed, quoted from the
 * consultation's own passages. The quote is the issuer's: the sentence says so («Departementet foreslår at …» as
 * the ministry wrote it, or «I høringsnotatet, punkt 5.3, heter det: «…»»), and the verifier holds it to the issuer.
 */
import type { ConsultationExtraction, ExtractedProposal } from '../domain/consultation.js';
import type { ConsultationItem, DraftRequest } from '../domain/draftRequest.js';
import type { DraftSentence } from '../domain/drafts.js';
import { search, type QueryEmbedder } from '../retrieve/search.js';
import { getConsultation } from '../store/consultations.js';
import type { Queryable } from '../store/db.js';
import { DraftError } from './errors.js';

export interface PlannedItem {
  kind: ConsultationItem['kind'];
  index: number;
  documentId: string;
  /** The question, or the proposal as the secretary worded it (the extracted statement by default). */
  text: string;
  heading: string;
  /** What the organisation's position is retrieved on. */
  query: string;
  /** What is proposed: the item's own proposal, or for a question the proposal its words lead to (if any). */
  proposal: ExtractedProposal | null;
  /**
   * A question the secretary added to the imported ones (`consultation.questions` beside `documentId`); `index` is
   * its place among them. It is answered as an extracted question is, but is no item of the consultation.
   */
  own?: true;
}

/** «5.3 Tilsyn og kontroll»: the chapter a proposal answers, else its own heading. */
export function proposalHeading(p: ExtractedProposal): string {
  return p.chapter ? `${p.chapter.number} ${p.chapter.heading}` : `${p.number ? `${p.number} ` : ''}${p.heading}`;
}

/** The proposal's own words without the ministry's lead-in, for retrieving the organisation's view on it. */
const proposalQuery = (p: ExtractedProposal, text: string) =>
  `${p.chapter?.heading ?? ''}. ${text.replace(/^(?:departementet|departementa)\s+(?:foreslår|vurderer)\s+(?:at\s+)?/iu, '')}`;

/**
 * The items a draft answers, in order: the chosen items, then the secretary's own questions. Throws DraftError
 * when the consultation is not imported or an item's index is out of range.
 * @example (await planItems(deps, request)).map((i) => i.heading)
 */
export async function planItems(
  deps: { db: Queryable; embedder: QueryEmbedder },
  request: DraftRequest,
): Promise<PlannedItem[]> {
  const documentId = request.consultation.documentId!;
  const extraction = await getConsultation(deps.db, { documentId });
  if (!extraction)
    throw new DraftError(
      'not_found:document',
      `Ingen importert høring med id «${documentId}». Importer den med POST /consultations først.`,
      'consultation.documentId',
    );
  const chosen: ConsultationItem[] =
    request.consultation.items ??
    (extraction.questions.length
      ? extraction.questions.map((_, index) => ({ kind: 'question' as const, index }))
      : extraction.proposals.map((_, index) => ({ kind: 'proposal' as const, index })));
  if (chosen.length === 0 && request.consultation.questions.length === 0)
    throw new DraftError(
      'unprocessable:content',
      'Høringen har verken spørsmål eller forslag å svare på; skriv spørsmålene selv.',
      'consultation.items',
    );
  const out: PlannedItem[] = [];
  for (const [i, item] of chosen.entries()) {
    const list = item.kind === 'question' ? extraction.questions : extraction.proposals;
    if (item.index >= list.length)
      throw new DraftError(
        'bad_request:validation',
        `Høringen har ${list.length} ${item.kind === 'question' ? 'spørsmål' : 'forslag'}; nummer ${item.index} finnes ikke.`,
        `consultation.items.${i}.index`,
      );
    if (item.kind === 'proposal') {
      const p = extraction.proposals[item.index];
      const text = item.text ?? p.text;
      out.push({ ...item, documentId, text, heading: proposalHeading(p), query: proposalQuery(p, text), proposal: p });
    } else {
      const text = item.text ?? extraction.questions[item.index].text;
      const proposal = await proposalFor(deps, extraction, text);
      out.push({ ...item, documentId, text, heading: text, query: text, proposal });
    }
  }
  for (const [index, text] of request.consultation.questions.entries()) {
    const proposal = await proposalFor(deps, extraction, text);
    out.push({ kind: 'question', index, documentId, text, heading: text, query: text, proposal, own: true });
  }
  return out;
}

/**
 * The "what is proposed" retrieval: the consultation's own passages, best match for the question, kept only when it
 * falls in one of its proposal sections.
 */
async function proposalFor(
  deps: { db: Queryable; embedder: QueryEmbedder },
  extraction: ConsultationExtraction,
  question: string,
): Promise<ExtractedProposal | null> {
  if (!extraction.proposals.length) return null;
  // A question asked inside a proposal's section («… ber særlig om høringsinstansenes syn på dette: …») is about it.
  const asked = extraction.questions.find((q) => q.text === question);
  const around =
    asked &&
    extraction.proposals.find((p) => p.section.start <= asked.source.start && asked.source.start < p.section.end);
  if (around) return around;
  const hits = await search(deps.db, deps.embedder, {
    query: question,
    k: 8,
    documentIds: [extraction.documentId],
    understandQuery: false,
  });
  for (const h of hits) {
    const p = extraction.proposals.find((x) => x.passageIds.includes(h.passage.id));
    if (p) return p;
  }
  return null;
}

/** The sentence quoting what is proposed, attributed to the issuer, cited to the consultation's passage. */
export function proposedSentence(p: ExtractedProposal, lang: 'nb' | 'nn'): DraftSentence | null {
  if (!p.source.passageId) return null;
  const ownWords = /^(?:departementet|departementa)\b/iu.test(p.text);
  const where = p.number ? `, punkt ${p.number},` : '';
  const text = ownWords
    ? p.text
    : lang === 'nn'
      ? `I høyringsnotatet${where} heiter det: «${p.text}»`
      : `I høringsnotatet${where} heter det: «${p.text}»`;
  return { text, kind: 'claim', citations: [{ passageId: p.source.passageId, quote: p.text }] };
}
