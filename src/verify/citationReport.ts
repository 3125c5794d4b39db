/**
 * What the verifier reports of one citation. Apart from locate.ts (which makes it) so that reasons.ts, which words
 * it for people, needs no import of the module that calls it.
 */
import type { Tier } from './quote.js';

export type CitationStatus = 'ok' | 'misattributed' | 'fabricated' | 'too_short' | 'unknown_passage';

export interface DocumentRef {
  id: string;
  title: string;
  organisation: string;
}

export interface CitationReport {
  passageId: string;
  quote: string;
  status: CitationStatus;
  /** How the quote matched: in the cited passage, or for a misattribution in the passage that really says it. */
  tier: Tier | null;
  /** True offsets in the passage text where the quote was found. */
  start?: number;
  end?: number;
  /** The passage (and its document) that really contains the quote, when it is not the cited one. */
  actualPassageId?: string;
  actualDocument?: DocumentRef;
  /** The cited passage's document, when the passage exists. */
  document?: DocumentRef;
  /** Norwegian, for people. */
  reason: string;
}
