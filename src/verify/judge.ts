/**
 * How the optional entailment judge (Claude or an OpenAI-compatible model, see llm/judge*.ts) combines with the
 * fixed checks. The judge may lift "needs review" (partly supported) to supported, or push any verdict to
 * contradicted; it never clears a finding of the fixed checks about a quote, a number, a negation or the holder of
 * the position. A judge that fails or times out leaves the fixed checks' verdict, with a reason saying so.
 */
import type { Judge } from '../domain/judge.js';
import type { PassageWithDocument } from '../domain/types.js';
import type { SentenceReport } from '../domain/verification.js';
import type { CitationReport } from './locate.js';
import { REASONS } from './reasons.js';
import { worst } from './support.js';

/** The reason a sentence carries when the judge could not answer. */
export const judgeUnavailable = (message: string) =>
  `Dommeren (språkmodellen) var utilgjengelig (${message.replace(/[.\s]+$/, '')}); setningen har bare de faste kontrollenes vurdering.`;

/**
 * Ask the judge about one sentence and fold its verdict into the report. `report.judge.decided` is true when the
 * judge's answer set the final verdict (so the page and the exports can say which verdicts a model made).
 * @example await applyJudge(report, usable, judge); report.judge // { verdict: 'entailed', reason, decided: true }
 */
export async function applyJudge(
  report: SentenceReport,
  usable: { citation: CitationReport; passage: PassageWithDocument }[],
  judge: Judge,
): Promise<void> {
  const passages = usable.map(({ citation, passage }) => ({
    id: passage.id,
    organisation: passage.document.organisation,
    title: passage.document.title,
    text: passage.text,
    quote: citation.quote,
  }));
  try {
    const j = await judge.judge({ sentence: report.text, passages });
    const before = report.verdict;
    if (j.verdict === 'contradicted') report.verdict = worst(report.verdict, 'contradicted');
    else if (j.verdict === 'neutral') report.verdict = worst(report.verdict, 'partly_supported');
    else if (report.verdict === 'partly_supported' && onlyOverlapFlaw(report)) report.verdict = 'supported';
    report.judge = { verdict: j.verdict, reason: j.reason, decided: report.verdict !== before };
    report.reasons.push(REASONS.judge(j.verdict, j.reason));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    report.judge = { error: message };
    report.reasons.push(judgeUnavailable(message));
  }
}

/** True when no fixed check found a wrong quote, number, negation or holder: only low overlap (a paraphrase) is left. */
function onlyOverlapFlaw(r: SentenceReport): boolean {
  const c = r.checks;
  return (
    !!c &&
    c.missingNumbers.length === 0 &&
    c.polarity.length === 0 &&
    c.holder?.ok !== false &&
    r.citations.every((x) => x.status === 'ok')
  );
}
