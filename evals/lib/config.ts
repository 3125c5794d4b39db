/** The eval config (evals/config.yaml), parsed with zod. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { fieldErrorsFromZod } from '../../src/fieldErrors.js';

const Thresholds = z.record(z.string(), z.number());

/**
 * A hand-written verifier set: its case file, its title in the report, whether `--by-check` may read it (`all`;
 * `dev`: the even ids only; `never`: a closed set, the measure nobody tunes on) and ceilings on the three rates,
 * overall and per category.
 */
const HandWrittenSet = z.object({
  cases: z.string(),
  title: z.string().min(1),
  read: z.enum(['all', 'dev', 'never']),
  thresholds: z.object({
    maxDangerousMisses: z.number(),
    maxDangerousMissesPerCategory: z.number(),
    maxHardFalseAlarms: z.number(),
    maxSoftAlarms: z.number(),
  }),
});
export type HandWrittenSet = z.infer<typeof HandWrittenSet>;

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
    /**
     * The hand-written sets (issue 15), in report order, by name (suite `verifier/<name>`): the adversarial set, the
     * regression sets, the blind sets opened as development data and the closed ones (evals/config.yaml says which).
     */
    handWritten: z.record(z.string(), HandWrittenSet).default({}),
    /**
     * The closed sets (`read: never`) pooled per category, so that issue 15's per-category target can be read
     * (evals/verifier/adversarial/pooled.ts): one name per kind (aliases from the writers' names), the fewest faulty
     * cases a category needs to be judged, and the target. Report-only, as the closed sets are.
     */
    closedPooled: z
      .object({
        title: z.string().min(1),
        minFaulty: z.number().int().positive(),
        target: z.number(),
        aliases: z.record(z.string(), z.string()).default({}),
      })
      .optional(),
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

/**
 * `loadEvalConfig` for a path the user gave (`--config`): a missing file, bad YAML or a field out of place is said in
 * Norwegian, naming the file and the field.
 */
export function readEvalConfig(path?: string): { ok: true; config: EvalConfig } | { ok: false; message: string } {
  const file = path ?? 'evals/config.yaml';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, message: `fant ikke konfigurasjonsfilen ${file}.` };
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch {
    return { ok: false, message: `${file} er ikke gyldig YAML.` };
  }
  const parsed = EvalConfig.safeParse(raw);
  if (parsed.success) return { ok: true, config: parsed.data };
  const [first] = fieldErrorsFromZod(parsed.error.issues, '(fil)');
  return { ok: false, message: `${file}: ${first.field}: ${first.reason}.` };
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
