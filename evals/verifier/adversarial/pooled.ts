/**
 * The closed blind sets pooled per category: issue 15's "≤ 10 % dangerous misses in every category", made measurable.
 *
 * NOTE: one closed set holds five to seven faulty cases per category, so a single miss is 14–20 % and the target
 * cannot be read off any one set. The writers of the closed sets worked apart and named the same kind differently
 * (`wrong_vi`, `wrong_org_vi`, `wrong_organisation_we`), so the pool maps each name to one category first
 * (`verifier.closedPooled.aliases` in evals/config.yaml, chosen from the names alone, never from the cases). Only a
 * category with at least `minFaulty` faulty cases is held to the target; the rest are listed, not judged.
 */
import type { AdversarialResult, CaseResult } from './run.js';
import { summarise } from './run.js';

export interface PooledResult extends Omit<AdversarialResult, 'ms'> {
  /** Categories with enough faulty cases to be judged, whose dangerous-miss rate is above the target. */
  overTarget: string[];
  /** How many categories have enough faulty cases to be judged. */
  judged: number;
}

/** Every case under its pooled category name (an alias, or the name itself). */
export function pooledCategory(category: string, aliases: Readonly<Record<string, string>>): string {
  return aliases[category] ?? category;
}

/**
 * Pools verified cases from several sets and judges each category with at least `minFaulty` faulty cases.
 * @example pooled([...blind9, ...blind10], { wrong_vi: 'wrong_organisation_vi' }, { minFaulty: 10, target: 0.1 })
 *   // → { overall, categories: [{ category: 'wrong_organisation_vi', … }], overTarget: ['modal_shift'], judged: 12 }
 */
export function pooled(
  results: readonly CaseResult[],
  aliases: Readonly<Record<string, string>>,
  opts: { minFaulty: number; target: number },
): PooledResult {
  const summary = summarise(results.map((r) => ({ ...r, category: pooledCategory(r.category, aliases) })));
  const judged = summary.categories.filter((c) => c.all.faulty >= opts.minFaulty);
  return {
    ...summary,
    judged: judged.length,
    overTarget: judged.filter((c) => c.all.dangerousMissRate > opts.target).map((c) => c.category),
  };
}
