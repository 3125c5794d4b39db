/**
 * The structured draft: sections → paragraphs → sentences → citations, plus what was dropped and why, and where
 * it came from (provider, model, prompts). Providers return CitedSentences; the drafting pipeline turns them into
 * a DraftDocument; the store keeps it and /drafts returns it.
 */
import { z } from 'zod';
import { Verdict } from './verification.js';

const PROVIDER_NAMES = ['anthropic', 'openai-chat', 'extractive'] as const;
export const ProviderName = z.enum(PROVIDER_NAMES);
export type ProviderName = z.infer<typeof ProviderName>;

/** A citation as a provider returns it: the quote and, when known, its offsets in the passage text. */
export const CitationRef = z.object({
  passageId: z.string(),
  quote: z.string().describe('Verbatim text of the passage'),
  start: z.number().int().optional().describe('Offset of the quote in the passage text'),
  end: z.number().int().optional(),
});
export type CitationRef = z.infer<typeof CitationRef>;

/** A sentence as a provider writes it. */
export const CitedSentence = z.object({ text: z.string(), citations: z.array(CitationRef) });
export type CitedSentence = z.infer<typeof CitedSentence>;

/**
 * claim: states a position and must be cited · frame: greeting or transition the pipeline writes itself ·
 * notice: the pipeline's "no recorded position" line. Frames and notices are written to need no citation.
 */
const SentenceKind = z
  .enum(['claim', 'frame', 'notice'])
  .describe('claim: needs a citation · frame: greeting or transition · notice: "no recorded position"');
export type SentenceKind = z.infer<typeof SentenceKind>;

export const DraftSentence = z.object({
  text: z.string(),
  kind: SentenceKind,
  citations: z.array(CitationRef),
  /** The verifier's verdict in the final report (set after verification). */
  verdict: Verdict.optional(),
});
export type DraftSentence = z.infer<typeof DraftSentence>;

export const DroppedSentence = z.object({
  text: z.string(),
  citations: z.array(CitationRef),
  /** Norwegian, from the verifier or the repair step. */
  reasons: z.array(z.string()),
});
export type DroppedSentence = z.infer<typeof DroppedSentence>;

export const DraftSection = z.object({
  kind: z.enum(['intro', 'question', 'closing']),
  heading: z.string().optional(),
  /** For question sections: the ministry's question and its 0-based position. */
  question: z.string().optional(),
  questionIndex: z.number().int().optional(),
  /** For a section answering an imported consultation's item (issue 18): which question or proposal of which. */
  item: z
    .object({ kind: z.enum(['question', 'proposal']), index: z.number().int(), documentId: z.string() })
    .optional(),
  /**
   * drafted: sentences from the organisation's documents · no_position: nothing relevant was found, the section
   * says so · dropped: every drafted sentence failed verification · frame: only pipeline-written sentences.
   */
  status: z.enum(['drafted', 'no_position', 'dropped', 'frame']),
  paragraphs: z.array(z.array(DraftSentence)),
  dropped: z.array(DroppedSentence),
  /** Repairs made to citations (quote snapped to the source, citation moved to the passage that says it). */
  repairs: z.array(z.string()),
  /** Passage ids retrieved for this section, best first. */
  retrieved: z.array(z.string()),
  /**
   * Issue 17: the relevance decision was unsure the passages answer the question; every sentence of the section is
   * marked ≈ with this Norwegian reason. Kept while the section is unchanged (re-verification, edits elsewhere);
   * an editor who changes or accepts the section clears it.
   */
  reviewReason: z.string().optional(),
  /** The first paragraph the mark covers: 1 when the section opens with the consultation's quoted proposal. */
  reviewFromParagraph: z.number().int().min(0).optional(),
});
export type DraftSection = z.infer<typeof DraftSection>;

export const DraftDocument = z.object({
  title: z.string(),
  organisation: z.string(),
  language: z.enum(['nb', 'nn']),
  /** True when the sentences were lifted from the sources by the offline drafter. */
  extractive: z.boolean(),
  /** Shown above the draft when it needs one (the extractive label). */
  notice: z.string().optional(),
  sections: z.array(DraftSection),
});
export type DraftDocument = z.infer<typeof DraftDocument>;

/** Which provider, model and prompt versions (id@version) produced a draft or an answer. */
export const Provenance = z.object({ provider: ProviderName, model: z.string(), prompts: z.array(z.string()) });
export type Provenance = z.infer<typeof Provenance>;

export const DraftTimings = z.object({
  retrievalMs: z.number(),
  generationMs: z.number(),
  verificationMs: z.number(),
  totalMs: z.number(),
});
export type DraftTimings = z.infer<typeof DraftTimings>;
