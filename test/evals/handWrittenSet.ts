/**
 * The validity checks every hand-written verifier set shares (issue 15): its quotes are in the stored text of the
 * documents it cites, its ids are unique across every verifier case file in evals/cases, and it holds at least the
 * faulty and faithful counts it was written to. A set's own test adds what is particular to it.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../src/domain/types.js';
import { type AdversarialCase, checkCases, loadCases } from '../../evals/verifier/adversarial/cases.js';
import { loadAdversarialDocuments } from '../../evals/verifier/adversarial/texts.js';

const CASES_DIR = fileURLToPath(new URL('../../evals/cases/', import.meta.url));

export interface HandWrittenSet {
  /** All cases of the set, after the shared checks' beforeAll. */
  cases: () => AdversarialCase[];
}

/**
 * Describe `file` (a name in evals/cases) as a valid hand-written set with at least `faulty` and `faithful` cases;
 * `more` adds the set's own tests inside the same describe.
 * @example describeHandWrittenSet('the third faults set', 'verifier-faults3.jsonl', { faulty: 120, faithful: 40 })
 */
export function describeHandWrittenSet(
  title: string,
  file: string,
  least: { faulty: number; faithful: number },
  more: (set: HandWrittenSet) => void = () => undefined,
): void {
  let docs: Map<string, IngestedDocument>;
  let cases: AdversarialCase[] = [];
  let others: AdversarialCase[] = [];
  beforeAll(async () => {
    const otherFiles = readdirSync(CASES_DIR).filter((f) => /^verifier-.*\.jsonl$/.test(f) && f !== file);
    const [d, mine, ...rest] = await Promise.all([
      loadAdversarialDocuments(),
      loadCases(CASES_DIR + file),
      ...otherFiles.map((f) => loadCases(CASES_DIR + f)),
    ]);
    docs = d;
    cases = mine;
    others = rest.flat();
  });

  describe(title, () => {
    it('quotes the stored text of the documents it cites, with ids unique across the verifier case files', () => {
      expect(checkCases(cases, docs)).toEqual([]);
      const ids = new Set(others.map((c) => c.id));
      expect(cases.filter((c) => ids.has(c.id)).map((c) => c.id)).toEqual([]);
    });

    it(`has at least ${least.faulty} faulty sentences and ${least.faithful} faithful ones`, () => {
      expect(cases.filter((c) => c.label === 'faulty').length).toBeGreaterThanOrEqual(least.faulty);
      expect(cases.filter((c) => c.label === 'faithful').length).toBeGreaterThanOrEqual(least.faithful);
    });

    more({ cases: () => cases });
  });
}
