/**
 * The structured draft: sections → paragraphs → sentences → citations, plus what was dropped and why.
 * `structured.ts` maps it to the verifier's StructuredDraft (headed sections and headless paragraph sections) and
 * back, so Markdown, the verifier and the DOCX export all work from one shape.
 */
import type { CitationRef, ProviderName, TokenUsage } from '../llm/types.js';
import type { VerificationReport, Verdict } from '../verify/index.js';
import type { DraftRequest } from './schema.js';

/**
 * claim: states a position and must be cited · frame: greeting or transition the pipeline writes itself ·
 * notice: the pipeline's "no recorded position" line. Frames and notices are written to need no citation.
 */
export type SentenceKind = 'claim' | 'frame' | 'notice';

export interface DraftSentence {
  text: string;
  kind: SentenceKind;
  citations: CitationRef[];
  /** The verifier's verdict in the final report (set after verification). */
  verdict?: Verdict;
}

export interface DroppedSentence {
  text: string;
  citations: CitationRef[];
  /** Norwegian, from the verifier or the repair step. */
  reasons: string[];
}

export interface DraftSection {
  kind: 'intro' | 'question' | 'closing';
  heading?: string;
  /** For question sections: the ministry's question and its 0-based position. */
  question?: string;
  questionIndex?: number;
  /**
   * drafted: sentences from the organisation's documents · no_position: nothing relevant was found, the section
   * says so · dropped: every drafted sentence failed verification · frame: only pipeline-written sentences.
   */
  status: 'drafted' | 'no_position' | 'dropped' | 'frame';
  paragraphs: DraftSentence[][];
  dropped: DroppedSentence[];
  /** Repairs made to citations (quote snapped to the source, citation moved to the passage that says it). */
  repairs: string[];
  /** Passage ids retrieved for this section, best first. */
  retrieved: string[];
}

export interface DraftDocument {
  title: string;
  organisation: string;
  language: 'nb' | 'nn';
  /** True when the sentences were lifted from the sources by the offline drafter. */
  extractive: boolean;
  /** Shown above the draft when it needs one (the extractive label). */
  notice?: string;
  sections: DraftSection[];
}

export interface Provenance {
  provider: ProviderName;
  model: string;
  /** id@version of each prompt used. */
  prompts: string[];
}

export interface DraftTimings {
  retrievalMs: number;
  generationMs: number;
  verificationMs: number;
  totalMs: number;
}

export interface DraftResult {
  request: DraftRequest;
  draft: DraftDocument;
  markdown: string;
  verification: VerificationReport;
  provenance: Provenance;
  retrievedPassageIds: string[];
  usage: TokenUsage;
  timings: DraftTimings;
}
