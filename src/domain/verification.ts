/**
 * The verifier's report: per citation (is the quote where it says?), per sentence (does the cited text back it?)
 * and a summary. src/verify builds it; drafts, answers, the store and /verify return it as is.
 */
import { z } from 'zod';

/** From best to worst; `uncited` is a sentence without citations (fine for greetings, not for claims). */
export const VERDICTS = ['supported', 'partly_supported', 'unsupported', 'contradicted', 'uncited'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

const CITATION_STATUSES = ['ok', 'misattributed', 'fabricated', 'too_short', 'unknown_passage'] as const;
export const CitationStatus = z.enum(CITATION_STATUSES);
export type CitationStatus = z.infer<typeof CitationStatus>;

/** How faithfully a quote matched, strictest first: verbatim, after normalisation, same words in order. */
export const TIERS = ['exact', 'normalised', 'loose'] as const;
export const Tier = z.enum(TIERS);
export type Tier = z.infer<typeof Tier>;

export const DocumentRef = z.object({ id: z.string(), title: z.string(), organisation: z.string() });
export type DocumentRef = z.infer<typeof DocumentRef>;

export const CitationReport = z.object({
  passageId: z.string(),
  quote: z.string(),
  status: CitationStatus,
  /** How the quote matched: in the cited passage, or for a misattribution in the passage that really says it. */
  tier: Tier.nullable(),
  /** True offsets in the passage text where the quote was found. */
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  /** The passage (and its document) that really contains the quote, when it is not the cited one. */
  actualPassageId: z.string().optional(),
  actualDocument: DocumentRef.optional(),
  /** The cited passage's document, when the passage exists. */
  document: DocumentRef.optional(),
  /** Norwegian, for people. */
  reason: z.string(),
});
export type CitationReport = z.infer<typeof CitationReport>;

export const PolarityIssue = z.object({
  kind: z.enum(['added', 'removed']),
  /** The negation word, e.g. "ikke". */
  word: z.string(),
  /** The content words it negates, for the reason shown to people. */
  about: z.array(z.string()),
  /**
   * The negation sits in a condition of its own text («dersom leieren ikke dokumenterer …», or a list item under a
   * lead-in): a text that leaves it out may restate the condition as a duty or a deadline (support.ts).
   */
  inCondition: z.boolean().optional(),
  /**
   * The other text has no place where the negation's words stand together (the bracket test found none), but a
   * negation, «fremfor» or a bound of its own: the issue rests on the words around the negation alone, a reading at a
   * distance (support.ts gives it ≈, not ✗).
   */
  unplaced: z.boolean().optional(),
});
export type PolarityIssue = z.infer<typeof PolarityIssue>;

export const SupportChecks = z.object({
  /** Numbers in the sentence that the cited text lacks. */
  missingNumbers: z.array(z.string()),
  polarity: z.array(PolarityIssue),
  holder: z.object({ name: z.string(), ok: z.boolean() }).optional(),
  overlap: z.number(),
});
export type SupportChecks = z.infer<typeof SupportChecks>;

/**
 * One check's finding on a sentence: which check (e.g. `polarity`, `lexicon:stance`, `holder:we`) and the verdict it
 * gave. Only in a report asked for with `explain` (the verifier eval's `--by-check`), one per reason of the checks.
 */
export const Finding = z.object({ check: z.string(), verdict: Verdict });
export type Finding = z.infer<typeof Finding>;

export const SentenceReport = z.object({
  /** Position in the draft: section index and sentence index within it. */
  section: z.number().int(),
  index: z.number().int(),
  /** The section's heading, when it has one. */
  heading: z.string().optional(),
  text: z.string(),
  verdict: Verdict,
  /** False for greetings and transitions, which need no citation (see verify/claim.ts). */
  claim: z.boolean(),
  /** Norwegian, for people. */
  reasons: z.array(z.string()),
  citations: z.array(CitationReport),
  checks: SupportChecks.optional(),
  /** Which check gave which verdict; only when the report was asked for with `explain` (evals). */
  findings: z.array(Finding).optional(),
  /** The optional LLM judge's verdict and reason (decided: its answer set the verdict), or why it could not answer. */
  judge: z
    .union([
      z.object({ verdict: z.string(), reason: z.string(), decided: z.boolean().optional() }),
      z.object({ error: z.string() }),
    ])
    .optional(),
});
export type SentenceReport = z.infer<typeof SentenceReport>;

export const VerificationReport = z.object({
  /** True when every citation is found where it says and every claim is supported. */
  ok: z.boolean(),
  organisation: z.string().optional(),
  sentences: z.array(SentenceReport),
  summary: z.object({
    sentences: z.number(),
    claims: z.number(),
    verdicts: z.record(Verdict, z.number()),
    citations: z.number(),
    statuses: z.record(CitationStatus, z.number()),
    tiers: z.record(Tier, z.number()),
  }),
});
export type VerificationReport = z.infer<typeof VerificationReport>;
