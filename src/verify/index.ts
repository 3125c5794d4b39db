/**
 * The citation verifier: checks every sentence of a draft against the passages it cites.
 * Per citation: is the quote really there (tier, true offsets), or in another passage, or nowhere?
 * Per sentence: do numbers, negations, the holder of the position and the content match the cited text?
 */
import type { PassageWithDocument } from '../domain/types.js';
import type { Finding, SentenceReport, VerificationReport } from '../domain/verification.js';
import { isClaim } from './claim.js';
import { applyJudge } from './judge.js';
import { checkDraftLimits, fromZodError } from './errors.js';
import { canonicaliseDraft, StructuredDraftSchema, type StructuredDraftInput } from './format.js';
import type { Judge } from '../domain/judge.js';
import { checkCitation, type CitationReport, type CitationStatus } from './locate.js';
import { issuerVoice } from './issuerVoice.js';
import { parseMarkdown } from './markdown.js';
import type { Tier } from './quote.js';
import { REASONS } from './reasons.js';
export { VERDICT_LABEL } from './reasons.js';
import type { PassageSource } from './source.js';
import { assessSupport, worst, type Verdict } from './support.js';

export type { SentenceReport, VerificationReport } from '../domain/verification.js';

export interface VerifyDeps {
  source: PassageSource;
  judge?: Judge;
}

/** `organisation` is who "vi" is; `explain` adds each sentence's `findings` (which check said what; for evals). */
export interface VerifyOptions {
  organisation?: string;
  explain?: boolean;
}

/**
 * Verify a structured draft. Throws VerifyError (with `code`, Norwegian `message`, `field`) on invalid or too
 * large input.
 * @example const report = await verifyDraft(draft, { source: storePassageSource(db) }, { organisation: 'Fagforbundet' });
 */
export async function verifyDraft(
  input: StructuredDraftInput,
  deps: VerifyDeps,
  opts: VerifyOptions = {},
): Promise<VerificationReport> {
  const parsed = StructuredDraftSchema.safeParse(canonicaliseDraft(input));
  if (!parsed.success) throw fromZodError(parsed.error);
  const draft = parsed.data;
  checkDraftLimits(draft);

  const ids = [
    ...new Set(draft.sections.flatMap((s) => s.sentences.flatMap((t) => t.citations.map((c) => c.passageId)))),
  ];
  const passages = await deps.source.getPassages(ids);
  const sentences: SentenceReport[] = [];
  for (const [si, section] of draft.sections.entries()) {
    for (const [ti, sentence] of section.sentences.entries()) {
      const citations: CitationReport[] = [];
      for (const c of sentence.citations) citations.push(await checkCitation(c, passages, deps.source));
      const at = { section: si, index: ti, ...(section.heading !== undefined ? { heading: section.heading } : {}) };
      const { report, findings } = await verifySentence(
        { ...at, text: sentence.text, citations },
        passages,
        deps,
        opts,
      );
      const marked = section.review ? markedForReview(report, section.review, findings) : report;
      sentences.push(opts.explain ? { ...marked, findings } : marked);
    }
  }
  return {
    ok: isOk(sentences),
    ...(opts.organisation ? { organisation: opts.organisation } : {}),
    sentences,
    summary: summarise(sentences),
  };
}

/** Parse Markdown (see markdown.ts) and verify it. */
export async function verifyMarkdown(
  md: string,
  deps: VerifyDeps,
  opts: VerifyOptions = {},
): Promise<VerificationReport> {
  return verifyDraft(parseMarkdown(md), deps, opts);
}

async function verifySentence(
  s: { section: number; index: number; heading?: string; text: string; citations: CitationReport[] },
  passages: Map<string, PassageWithDocument>,
  deps: VerifyDeps,
  opts: { organisation?: string },
): Promise<{ report: SentenceReport; findings: Finding[] }> {
  const claim = isClaim(s.text);
  if (s.citations.length === 0)
    return {
      report: { ...s, verdict: 'uncited', claim, reasons: [claim ? REASONS.uncited : REASONS.exempt] },
      findings: claim ? [{ check: 'uncited', verdict: 'uncited' }] : [],
    };
  const usable = s.citations
    .filter((c) => c.status === 'ok')
    .map((citation) => ({ citation, passage: passages.get(citation.passageId)! }));
  const broken = s.citations.filter((c) => c.status !== 'ok');
  if (usable.length === 0) {
    return {
      report: {
        ...s,
        verdict: 'unsupported',
        claim,
        reasons: [REASONS.noValidCitation, ...broken.map((c) => c.reason)],
      },
      findings: [{ check: 'citation', verdict: 'unsupported' }],
    };
  }
  const support = assessSupport(s.text, usable, opts);
  let verdict = support.verdict;
  const reasons = [...support.reasons];
  const findings = [...support.findings];
  // Issue 18: a consultation is the issuer's voice, the organisation's documents the organisation's.
  const voice = issuerVoice(s.text, usable, opts);
  if (voice) {
    verdict = worst(verdict, 'unsupported');
    reasons.push(voice);
    findings.push({ check: 'issuer', verdict: 'unsupported' });
  }
  if (broken.length) {
    verdict = worst(verdict, 'partly_supported');
    reasons.push(REASONS.someInvalid(broken.length), ...broken.map((c) => c.reason));
    findings.push({ check: 'citation:some', verdict: 'partly_supported' });
  }
  const report: SentenceReport = { ...s, verdict, claim, reasons, checks: support.checks };
  if (deps.judge) await applyJudge(report, usable, deps.judge);
  if (report.judge && 'decided' in report.judge && report.judge.decided)
    findings.push({ check: 'judge', verdict: report.verdict });
  return { report, findings };
}

/**
 * A sentence of a section marked for review (issue 17): ✓ becomes ≈ with the section's reason first; a worse
 * verdict stays and gets the reason too. Sentences without citations (greetings) are left alone.
 */
function markedForReview(r: SentenceReport, reason: string, findings: Finding[]): SentenceReport {
  if (r.citations.length === 0) return r;
  findings.push({ check: 'review', verdict: 'partly_supported' });
  return { ...r, verdict: worst(r.verdict, 'partly_supported'), reasons: [reason, ...r.reasons] };
}

function isOk(sentences: SentenceReport[]): boolean {
  return sentences.every(
    (s) =>
      s.citations.every((c) => c.status === 'ok') &&
      (s.verdict === 'supported' || (s.verdict === 'uncited' && !s.claim)),
  );
}

function summarise(sentences: SentenceReport[]): VerificationReport['summary'] {
  const verdicts: Record<Verdict, number> = {
    supported: 0,
    partly_supported: 0,
    unsupported: 0,
    contradicted: 0,
    uncited: 0,
  };
  const statuses: Record<CitationStatus, number> = {
    ok: 0,
    misattributed: 0,
    fabricated: 0,
    too_short: 0,
    unknown_passage: 0,
  };
  const tiers: Record<Tier, number> = { exact: 0, normalised: 0, loose: 0 };
  let citations = 0;
  for (const s of sentences) {
    verdicts[s.verdict]++;
    for (const c of s.citations) {
      citations++;
      statuses[c.status]++;
      if (c.status === 'ok' && c.tier) tiers[c.tier]++;
    }
  }
  return {
    sentences: sentences.length,
    claims: sentences.filter((s) => s.claim).length,
    verdicts,
    citations,
    statuses,
    tiers,
  };
}

export { parseMarkdown, renderMarkdown } from './markdown.js';
export { exportedVersion } from './markdownNotes.js';
export { VerifyError, LIMITS, type VerifyErrorCode } from './errors.js';
export {
  StructuredDraftSchema,
  type StructuredDraft,
  type StructuredDraftInput,
  type Citation,
  type Sentence,
  type Section,
} from './format.js';
export { memoryPassageSource, storePassageSource, type PassageSource } from './source.js';
export type { Judge, JudgeInput, JudgeVerdict } from '../domain/judge.js';
export { judgePrompt } from '../llm/judgePrompt.js';
export type { CitationReport, CitationStatus, Tier, Verdict };
