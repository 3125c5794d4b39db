/**
 * Issue 15's second faults set (evals/cases/verifier-faults2.jsonl): hand-written faulty sentences of the kinds the
 * blind set found (roles swapped, list items changed, bounds turned, deadlines, modals, elisions, attribution, scope)
 * with faithful controls. Valid against the stored documents, vf- ids unique across the hand-written sets, at least
 * 120 faulty and 40 faithful, each category with both.
 */
import { expect, it } from 'vitest';
import { countByCategory } from '../../evals/verifier/adversarial/cases.js';
import { describeHandWrittenSet } from './handWrittenSet.js';

describeHandWrittenSet(
  'the second faults verifier set',
  'verifier-faults2.jsonl',
  { faulty: 120, faithful: 40 },
  (set) => {
    it('uses vf- ids, has both labels in each category and at least 15 faults of each main kind', () => {
      const cases = set.cases();
      expect(cases.every((c) => c.id.startsWith('vf-'))).toBe(true);
      for (const [category, { faithful, faulty }] of countByCategory(cases)) {
        expect(faithful, category).toBeGreaterThan(0);
        expect(faulty, category).toBeGreaterThan(0);
      }
      for (const kind of ['role_swap', 'list_item_changed', 'bound_flip', 'deadline_changed', 'modal_shift'])
        expect(cases.filter((c) => c.category === kind && c.label === 'faulty').length, kind).toBeGreaterThanOrEqual(
          15,
        );
    });
  },
);
