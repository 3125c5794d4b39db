/**
 * The structured draft (its model lives in src/domain/drafts.ts) and a drafting run's result.
 * `structured.ts` maps it to the verifier's StructuredDraft (headed sections and headless paragraph sections) and
 * back, so Markdown, the verifier and the DOCX export all work from one shape.
 */
import type { DraftDocument, DraftTimings, Provenance, TokenUsage, VerificationReport } from '../domain/index.js';
import type { DraftRequest } from '../domain/draftRequest.js';

export type {
  DraftDocument,
  DraftSection,
  DraftSentence,
  DraftTimings,
  DroppedSentence,
  Provenance,
  SentenceKind,
} from '../domain/index.js';

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
