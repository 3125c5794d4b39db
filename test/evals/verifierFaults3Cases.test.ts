/**
 * The third faults set (evals/cases/verifier-faults3.jsonl, issue 15's third misses round: fault kinds no earlier set
 * was built around): valid against the stored documents, at least 120 faulty sentences and 40 faithful controls,
 * every category with both, ids unique across the case files.
 */
import { expect, it } from 'vitest';
import { countByCategory } from '../../evals/verifier/adversarial/cases.js';
import { describeHandWrittenSet } from './handWrittenSet.js';

describeHandWrittenSet(
  'the third faults verifier set',
  'verifier-faults3.jsonl',
  { faulty: 120, faithful: 40 },
  (set) => {
    it('has both faulty and faithful cases in every category', () => {
      for (const [category, n] of countByCategory(set.cases())) {
        expect({ category, both: n.faulty > 0 && n.faithful > 0 }).toEqual({ category, both: true });
      }
    });
  },
);
