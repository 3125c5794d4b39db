/** The drafts suite for `npm run eval` (evals/run.ts): runs evals/drafts/run.ts and shapes it as a report section. */
import type { ReportSection } from '../lib/report.js';
import { RESULT_HEADERS, resultRows, runDraftEval } from './run.js';

export async function runDraftSuite(consultations: string[], log: (message: string) => void = () => undefined) {
  const r = await runDraftEval({ consultations, onProgress: log });
  const section: ReportSection = {
    title: `Sitatkvalitet i utkast og svar (${r.provider}, ${r.model})`,
    headers: RESULT_HEADERS,
    rows: resultRows(r),
    note:
      `${r.drafts.count} utkast, ${r.answers.count} spørsmål (${r.answers.unanswered} uten svar). ` +
      `Feil besvart (skulle vært uten svar): ${r.answers.wronglyAnswered.join(', ') || 'ingen'}; ` +
      `feil ubesvart: ${r.answers.wronglyUnanswered.join(', ') || 'ingen'}.`,
  };
  const { sentences: _s, claims: _c, citations: _n, ...metrics } = r.all;
  return { section, metrics: metrics as Record<string, number>, data: r };
}
