/**
 * The verifier measured WITH its entailment judge (`--judge` of run.ts). The targets of issue 15 are offline figures,
 * but a deployment with a model runs `VERIFY_JUDGE=auto`, and the README should say what the judge adds:
 * - `configured`: the judge this deployment is configured with, built exactly as `npm start` builds it (VERIFY_JUDGE,
 *   ANTHROPIC_API_KEY or CHAT_BASE_URL/CHAT_MODEL). Its figures are that model's; no model is reachable on the
 *   development machines, so they come from a deployment that has one.
 * - `oracle`: a judge that knows each case's label (entailed for a faithful sentence, neutral for a faulty one). No
 *   model is that good; it measures the most any judge can change under the verifier's rules: it catches every miss,
 *   lifts a soft alarm only where the fixed checks found no quote, number, negation or holder problem, and can never
 *   clear a hard alarm. What stays is the floor that only better fixed checks can lower.
 */
import { createJudge } from '../../../src/llm/index.js';
import { loadConfig } from '../../../src/config/env.js';
import type { Judge } from '../../../src/verify/index.js';
import type { AdversarialCase } from './cases.js';

/** What a judge did with one case's verdict (run.ts's CaseResult.judge). */
export type JudgeOutcome = 'decided' | 'kept' | 'unavailable';

/** A judge that answers from the case's label: the ceiling of the judge's path, not a model. */
export function oracleJudge(label: AdversarialCase['label']): Judge {
  return {
    judge: async () =>
      label === 'faithful'
        ? { verdict: 'entailed', reason: 'Fasiten sier at setningen er trofast.' }
        : { verdict: 'neutral', reason: 'Fasiten sier at setningen ikke er dekket av kilden.' },
  };
}

/**
 * The judge for each case in a mode; throws (Norwegian) for an unknown mode or when `configured` finds no judge.
 * @example judgeForMode('oracle')(aCase) // a judge that knows aCase.label
 */
export function judgeForMode(
  mode: string,
  env: Record<string, string | undefined> = process.env,
): (c: AdversarialCase) => Judge {
  if (mode === 'oracle') return (c) => oracleJudge(c.label);
  if (mode !== 'configured') throw new Error(`--judge må være configured eller oracle, ikke «${mode}»`);
  const judge = createJudge(loadConfig({ ...env, DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }));
  if (!judge)
    throw new Error(
      'Ingen dommer er satt opp: sett VERIFY_JUDGE=claude med ANTHROPIC_API_KEY, eller VERIFY_JUDGE=chat med CHAT_BASE_URL og CHAT_MODEL.',
    );
  return () => judge;
}

/** One line under the table: how many verdicts the judge set, and how often it could not answer. */
export function judgeSummary(mode: string, results: readonly { judge?: JudgeOutcome }[]): string {
  const n = (o: JudgeOutcome) => results.filter((r) => r.judge === o).length;
  const who = mode === 'oracle' ? 'Fasitdommeren (ingen modell: det meste en dommer kan endre)' : 'Dommeren';
  return (
    `${who} avgjorde ${n('decided')} av ${results.length} dommer` +
    (n('unavailable') ? `; ${n('unavailable')} ganger var den utilgjengelig (de faste kontrollenes dom står).` : '.')
  );
}

/**
 * Progress on stderr while a model judges (a second or more a case), so a long run is seen to move: one line
 * rewritten in a terminal, a line per 50 cases in a log.
 */
export function progressLine(done: number, of: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\rDømt ${done}/${of}${done === of ? '\n' : ''}`);
  else if (done === of || done % 50 === 0) process.stderr.write(`Dømt ${done}/${of}\n`);
}
