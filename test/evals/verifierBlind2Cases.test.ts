/**
 * The second blind verifier set (evals/cases/verifier-blind2.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file. Valid as every hand-written set is (handWrittenSet.ts), with vh- ids, about
 * half faithful, and every one of its categories holding both traps (faulty) and controls (faithful).
 */
import { expect, it } from 'vitest';
import { checkCase, countByCategory, parseCases } from '../../evals/verifier/adversarial/cases.js';
import { loadAdversarialDocuments } from '../../evals/verifier/adversarial/texts.js';
import { describeHandWrittenSet } from './handWrittenSet.js';

describeHandWrittenSet(
  'the second blind verifier set',
  'verifier-blind2.jsonl',
  { faulty: 80, faithful: 80 },
  (set) => {
    it('uses only vh- ids, at least 160 cases, between 40 and 60 % faithful', () => {
      const cases = set.cases();
      expect(cases.filter((c) => !c.id.startsWith('vh-')).map((c) => c.id)).toEqual([]);
      expect(cases.length).toBeGreaterThanOrEqual(160);
      const faithful = cases.filter((c) => c.label === 'faithful').length / cases.length;
      expect(faithful).toBeGreaterThan(0.4);
      expect(faithful).toBeLessThan(0.6);
    });

    it('has at least 15 categories, each with traps and controls', () => {
      const counts = countByCategory(set.cases());
      expect(counts.size).toBeGreaterThanOrEqual(15);
      for (const [category, { faithful, faulty }] of counts) {
        expect(faithful, category).toBeGreaterThan(0);
        expect(faulty, category).toBeGreaterThan(0);
      }
    });

    it('the validator catches a slip in a vh- case: a quote not in the text and an id of another prefix', async () => {
      const c = set.cases().find((x) => x.citations.length === 1)!;
      const slipped = { ...c, citations: [{ ...c.citations[0], quote: `${c.citations[0].quote} (tillegg)` }] };
      expect(checkCase(slipped, await loadAdversarialDocuments()).join()).toMatch(/not in/);
      expect(parseCases(JSON.stringify({ ...c, id: 'vz-001' })).problems[0]).toMatch(/^line 1: id: /);
    });
  },
);
