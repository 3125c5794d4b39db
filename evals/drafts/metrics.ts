/**
 * Citation quality of drafts and answers, ALCE-style, computed from the verifier's reports:
 * - citation recall: share of claim sentences whose citations together support them (verdict "supported"; a
 *   sentence of a section marked ≈ for review only because its relevance to the question was uncertain — issue 17,
 *   `reviewReasons` — counts by its citations, which is what this measures);
 * - citation precision: share of citations that are needed and support: the quote is found (status ok) and either
 *   supports the sentence alone (supported or partly) or the sentence loses support without it;
 * - quote validity: share of citations whose quote is really in the cited passage (status ok);
 * - misattribution: share of citations whose quote is in another passage than the one cited;
 * - number fidelity: share of claim sentences with numbers whose numbers all stand in the cited text.
 * (Gao et al. 2023, "Enabling Large Language Models to Generate Text with Citations", for recall and precision.)
 */
import { verifyDraft, type PassageSource, type VerificationReport } from '../../src/verify/index.js';
import type { Citation } from '../../src/verify/index.js';

export interface CitationMetrics {
  sentences: number;
  claims: number;
  citations: number;
  citationRecall: number;
  citationPrecision: number;
  quoteValidity: number;
  misattribution: number;
  numberFidelity: number;
}

export interface Tally {
  sentences: number;
  claims: number;
  supportedClaims: number;
  citations: number;
  preciseCitations: number;
  validQuotes: number;
  misattributed: number;
  claimsWithNumbers: number;
  faithfulNumbers: number;
}

export const emptyTally = (): Tally => ({
  sentences: 0,
  claims: 0,
  supportedClaims: 0,
  citations: 0,
  preciseCitations: 0,
  validQuotes: 0,
  misattributed: 0,
  claimsWithNumbers: 0,
  faithfulNumbers: 0,
});

const SUPPORTING = new Set(['supported', 'partly_supported']);
const RANK = ['supported', 'partly_supported', 'unsupported', 'contradicted', 'uncited'];

/** Add one verified text (draft or answer) to the tally. `citationsOf` gives each reported sentence's citations. */
export async function tallyReport(
  tally: Tally,
  report: VerificationReport,
  source: PassageSource,
  opts: { organisation?: string; reviewReasons?: ReadonlySet<string> } = {},
): Promise<void> {
  for (const s of report.sentences) {
    tally.sentences++;
    if (!s.claim) continue;
    tally.claims++;
    const onlyReview =
      s.verdict === 'partly_supported' && s.reasons.length === 1 && opts.reviewReasons?.has(s.reasons[0]);
    if (s.verdict === 'supported' || onlyReview) tally.supportedClaims++;
    if (/\d/.test(s.text)) {
      tally.claimsWithNumbers++;
      if (s.checks && s.checks.missingNumbers.length === 0) tally.faithfulNumbers++;
    }
    const cites: Citation[] = s.citations.map((c) => ({ passageId: c.passageId, quote: c.quote }));
    for (const [i, c] of s.citations.entries()) {
      tally.citations++;
      if (c.status === 'ok') tally.validQuotes++;
      if (c.status === 'misattributed') tally.misattributed++;
      if (c.status !== 'ok') continue;
      if (await precise(s.text, cites, i, s.verdict, source, opts)) tally.preciseCitations++;
    }
  }
}

async function precise(
  text: string,
  cites: Citation[],
  i: number,
  verdict: string,
  source: PassageSource,
  opts: { organisation?: string },
): Promise<boolean> {
  if (cites.length === 1) return SUPPORTING.has(verdict);
  const alone = await verdictOf(text, [cites[i]], source, opts);
  if (SUPPORTING.has(alone)) return true;
  const without = await verdictOf(
    text,
    cites.filter((_, k) => k !== i),
    source,
    opts,
  );
  return RANK.indexOf(without) > RANK.indexOf(verdict);
}

async function verdictOf(
  text: string,
  citations: Citation[],
  source: PassageSource,
  opts: { organisation?: string },
): Promise<string> {
  const r = await verifyDraft({ sections: [{ sentences: [{ text, citations }] }] }, { source }, opts);
  return r.sentences[0].verdict;
}

export function metricsOf(t: Tally): CitationMetrics {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    sentences: t.sentences,
    claims: t.claims,
    citations: t.citations,
    citationRecall: ratio(t.supportedClaims, t.claims),
    citationPrecision: ratio(t.preciseCitations, t.citations),
    quoteValidity: ratio(t.validQuotes, t.citations),
    misattribution: t.citations ? t.misattributed / t.citations : 0,
    numberFidelity: ratio(t.faithfulNumbers, t.claimsWithNumbers),
  };
}

export function addTally(a: Tally, b: Tally): Tally {
  return Object.fromEntries(
    Object.keys(a).map((k) => [k, a[k as keyof Tally] + b[k as keyof Tally]]),
  ) as unknown as Tally;
}
