/** The eval config (evals/config.yaml), parsed with zod. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const Thresholds = z.record(z.string(), z.number());

/** A hand-written verifier set: its case file and ceilings on the three rates, overall and per category. */
const HandWrittenSet = z.object({
  cases: z.string(),
  thresholds: z.object({
    maxDangerousMisses: z.number(),
    maxDangerousMissesPerCategory: z.number(),
    maxHardFalseAlarms: z.number(),
    maxSoftAlarms: z.number(),
  }),
});

const EvalConfig = z.object({
  retrieval: z.object({
    modes: z.array(z.enum(['hybrid', 'vector', 'text'])).min(1),
    sets: z.array(
      z.object({
        name: z.string(),
        cases: z.string().optional(),
        passages: z.string().optional(),
        questions: z.string().optional(),
        thresholds: Thresholds,
      }),
    ),
  }),
  verifier: z.object({
    seed: z.number().int(),
    genuine: z.number().int(),
    perKind: z.number().int(),
    thresholds: Thresholds,
    /** The hand-written adversarial set: ceilings on the three rates, overall and per category. */
    adversarial: HandWrittenSet.optional(),
    /** A second hand-written set in categories the adversarial set lacks (issue 15), gated the same way. */
    handwritten: HandWrittenSet.optional(),
    /** The blind set, written without reading the verifier (ceilings set from its measured figures). */
    blind: HandWrittenSet.optional(),
    /** Cases the verifier's engineer wrote for its weak kinds (issue 15, second round): a regression set, not blind. */
    weakKinds: HandWrittenSet.optional(),
    /** Faithful paraphrases a secretariat writes, with faulty controls (issue 15, false alarms): a regression set. */
    faithful2: HandWrittenSet.optional(),
    /** Issue 15's second faults set (roles, lists, bounds, deadlines, modals, elisions, attribution, scope). */
    faults2: HandWrittenSet.optional(),
    /** Issue 15's third faults set: fault kinds no earlier set was built around (status, cause, speaker, elision …). */
    faults3: HandWrittenSet.optional(),
    /** Faithful sentences in kinds no earlier set was built around (issue 15, third round): a regression set. */
    faithful3: HandWrittenSet.optional(),
    /** The second blind set (vh- ids), written without reading the verifier or any other set: report-only. */
    blind2: HandWrittenSet.optional(),
    /** The third blind set (vt- ids), likewise: report-only, the closed measure since session 13. */
    blind3: HandWrittenSet.optional(),
    /** The fourth blind set (vq- ids), likewise, with three statutes no earlier set cited: report-only, closed. */
    blind4: HandWrittenSet.optional(),
    /** The fifth blind set (vr- ids), likewise, with three more new statutes: report-only, closed. */
    blind5: HandWrittenSet.optional(),
    /** The sixth blind set (vs- ids), likewise, with three more new statutes: report-only, closed. */
    blind6: HandWrittenSet.optional(),
    blind7: HandWrittenSet.optional(),
    blind8: HandWrittenSet.optional(),
    blind9: HandWrittenSet.optional(),
    blind10: HandWrittenSet.optional(),
    blind11: HandWrittenSet.optional(),
    /** The twelfth and thirteenth blind sets (vm-, vn- ids), seeds only: report-only, the closed measure since session 17. */
    blind12: HandWrittenSet.optional(),
    blind13: HandWrittenSet.optional(),
  }),
  drafts: z.object({ consultations: z.array(z.string()), thresholds: Thresholds }).optional(),
  abstention: z
    .object({
      /** The whole set. */
      thresholds: Thresholds,
      /** The dev half (odd ids, the cut-offs were chosen on it) and the held-out half, gated apart (issue 17). */
      dev: Thresholds.optional(),
      heldOut: Thresholds.optional(),
      /** The blind set (evals/cases/abstention-blind.jsonl), written without reading the code. */
      blind: z.object({ cases: z.string(), thresholds: Thresholds }).optional(),
      /** The third set (evals/cases/abstention2.jsonl), weighted toward what failed held out and blind. */
      second: z.object({ cases: z.string(), thresholds: Thresholds }).optional(),
      /** The second blind set (evals/cases/abstention-blind2.jsonl, abe- ids): opened in session 13. */
      blind2: z.object({ cases: z.string(), thresholds: Thresholds }).optional(),
      /** The third blind set (evals/cases/abstention-blind3.jsonl, abt- ids): report-only, the closed measure. */
      blind3: z.object({ cases: z.string(), thresholds: Thresholds }).optional(),
    })
    .optional(),
});
export type EvalConfig = z.infer<typeof EvalConfig>;

export function loadEvalConfig(path = 'evals/config.yaml'): EvalConfig {
  return EvalConfig.parse(parse(readFileSync(path, 'utf8')));
}

export interface ThresholdCheck {
  suite: string;
  metric: string;
  value: number;
  threshold: number;
  /** 'min': value must be >= threshold; 'max': value must be <= threshold. */
  direction: 'min' | 'max';
  pass: boolean;
}

/** Metrics named max* (or falseAlarms, false*) are ceilings; the rest are floors. */
export function check(suite: string, metric: string, value: number, threshold: number): ThresholdCheck {
  const direction = /^max|^false/.test(metric) ? 'max' : 'min';
  return {
    suite,
    metric,
    value,
    threshold,
    direction,
    pass: direction === 'min' ? value >= threshold - 1e-9 : value <= threshold + 1e-9,
  };
}
