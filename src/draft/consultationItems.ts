/**
 * Answering an imported consultation item by item (issue 18): which items (all questions by default, else the
 * proposals), what the organisation's position is retrieved on, and what is proposed, quoted from the
 * consultation's own passages. The quote is the issuer's: the sentence says so («Departementet foreslår at …» as
 * the ministry wrote it, or «I høringsnotatet, punkt 5.3, heter det: «…»»), and the verifier holds it to the issuer.
 */
import type { ConsultationExtraction, ExtractedProposal, ExtractedQuestion } from '../domain/consultation.js';
import type { ConsultationItem, DraftRequest } from '../domain/draftRequest.js';
import type { DraftSentence } from '../domain/drafts.js';
import { search, type QueryEmbedder, type SearchHit } from '../retrieve/search.js';
import { getConsultation } from '../store/consultations.js';
import type { Queryable } from '../store/db.js';
import { canonicalLine } from '../text/normalise.js';
import { stem } from '../text/stem.js';
import { contentStems } from '../text/words.js';
import { DraftError } from './errors.js';
import { questionTerms } from './questionTerms.js';
import { RELEVANCE } from './relevance.js';

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
 * The "what is proposed" retrieval: the proposal of the part of the consultation the question is about, or none.
 * - A question asked inside a proposal's section («… ber særleg om høyringsinstansane sitt syn på dette: …») is
 *   about that proposal.
 * - Else the consultation's passages are searched for the question. Passages in no part of it (`partOf`: the
 *   letter, the front matter, text under no numbered heading outside the proposals' sections) are passed over, and
 *   so are those listing the consultation's questions and any holding the question itself: they match it best and
 *   say nothing about where its topic is treated. The best remaining hit decides alone: in a proposal's section,
 *   or in the numbered chapter of one («3.2 Gjeldande rett» of «3 Tilsette i Kystverket», whose «3.3 Departementets
 *   vurdering» is the proposal), it gives that proposal; in a chapter with no proposal, none. A weaker hit never
 *   stands in for it (walking down the hits to the first in any proposal's section put an unrelated proposal under
 *   a question whose best match lay elsewhere).
 * - That part's hits must match the question well (`matchesWell`): one common word and nothing of its meaning
 *   gives none.
 */
async function proposalFor(
  deps: { db: Queryable; embedder: QueryEmbedder },
  extraction: ConsultationExtraction,
  question: string,
): Promise<ExtractedProposal | null> {
  const { proposals } = extraction;
  if (!proposals.length) return null;
  const within = (q: ExtractedQuestion) =>
    proposals.find((p) => p.section.start <= q.source.start && q.source.start < p.section.end);
  const asked = extraction.questions.find((q) => q.text === question);
  const around = asked && within(asked);
  if (around) return around;
  // The passages listing the consultation's questions (the letter's list, a chapter «Spørsmål til
  // høringsinstansene»): they match the questions best and say nothing about where a topic is treated.
  const lists = new Set(extraction.questions.filter((q) => !within(q)).map((q) => q.source.passageId));
  const hits = await search(deps.db, deps.embedder, {
    query: question,
    k: 8,
    documentIds: [extraction.documentId],
    understandQuery: false,
  });
  const own = canonicalLine(question).toLowerCase();
  const parts = hits
    .filter((h) => !lists.has(h.passage.id) && !canonicalLine(h.passage.text).toLowerCase().includes(own))
    .map((hit) => ({ hit, part: partOf(proposals, hit.passage) }))
    .filter((x) => x.part !== undefined);
  const proposal = parts[0]?.part;
  if (!proposal) return null;
  const itsHits = parts.filter((x) => x.part === proposal).map((x) => x.hit);
  return matchesWell(question, itsHits) ? proposal : null;
}

/** The share of the question's topic words a part the embedder scores low must use (`matchesWell`). */
const MIN_TERM_SHARE = 0.5;

/** A numbered heading's chapter: «3» of «3.2 Gjeldande rett». */
const chapterOf = (heading: string) => /^(\d{1,2})(?:\.\d{1,2}){0,3}\.?\s+\p{Lu}/u.exec(heading.trim())?.[1] ?? null;

/**
 * The part of the consultation a passage belongs to: the proposal whose section holds it, else the proposal of the
 * numbered chapter it lies in (the chapter's background and current law), null for a numbered chapter without a
 * proposal, undefined for a passage in no part (under no numbered heading: the letter, the front matter).
 * @example partOf(extraction.proposals, hit.passage) // the proposal of «3 Tilsette i Kystverket» for a «3.2 …» passage
 */
export function partOf(
  proposals: ExtractedProposal[],
  passage: { id: string; start: number; headingPath: string[] },
): ExtractedProposal | null | undefined {
  const inSection = proposals.find((p) => p.passageIds.includes(passage.id));
  if (inSection) return inSection;
  const heading = [...passage.headingPath].reverse().find((h) => chapterOf(h) !== null);
  if (!heading) return undefined;
  const chapter = chapterOf(heading);
  const ofChapter = proposals.filter((p) => (p.chapter?.number ?? p.number?.split('.')[0]) === chapter);
  // Several proposals in one chapter: the first whose section comes after the passage, else the chapter's last.
  return ofChapter.find((p) => p.section.start >= passage.start) ?? ofChapter.at(-1) ?? null;
}

/**
 * The hits of one part of the consultation match the question well: the embedder finds one of them about it
 * (RELEVANCE.minVector, the floor the drafter holds the organisation's passages to), or together they use at least
 * half of the question's own topic words (questionTerms: its question words and the consultation's boilerplate left
 * out), in any of their forms.
 */
function matchesWell(question: string, hits: Pick<SearchHit, 'passage' | 'scores'>[]): boolean {
  if (hits.some((h) => (h.scores.vector ?? 0) >= RELEVANCE.minVector)) return true;
  const terms = questionTerms(question);
  if (!terms.length) return false;
  const stems = [...new Set(hits.flatMap((h) => contentStems(`${h.passage.text} ${h.passage.headingPath.join(' ')}`)))];
  const uses = (form: string) => {
    const f = stem(form);
    return stems.includes(f) || (f.length >= RELEVANCE.prefixStem && stems.some((s) => s.startsWith(f)));
  };
  const used = terms.filter((t) => t.forms.some(uses)).length;
  return used / terms.length >= MIN_TERM_SHARE;
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
