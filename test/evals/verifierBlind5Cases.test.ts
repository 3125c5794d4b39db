/**
 * The fifth blind verifier set (evals/cases/verifier-blind5.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file; the closed measure after blind4. Valid as every blind set is
 * (handWrittenSet.ts): vr- ids, about half faithful, some Nynorsk, every one of its categories holding at least five
 * traps (faulty) and four controls (faithful); and a share of its cases on the three statutes it added.
 */
import { expect, it } from 'vitest';
import { describeBlindSet } from './handWrittenSet.js';

/** The statutes no set before this one cited: tinglysingsloven, sameigelova, matrikkellova. */
const NEW_STATUTES = new Set(['nl-19350607-002', 'nl-19650618-006', 'nl-20050617-101']);

describeBlindSet(
  'the fifth blind verifier set',
  'verifier-blind5.jsonl',
  {
    prefix: 'vr-',
    least: { faulty: 100, faithful: 100, cases: 200 },
    perCategory: { faulty: 5, faithful: 4 },
    nynorsk: {
      words:
        /\b(ikkje|eit|ein|berre|meiner|vere|eigedomen|eigaren|sameigarane|sameigar|krevje|vert|kven|dei|korleis|fleirtal|fleirtalet|kommunen si)\b/,
      share: 0.15,
    },
  },
  (set) => {
    it('cites the three new statutes in at least a third of its statute cases', () => {
      const onStatutes = set.cases().filter((c) => c.citations.some((cit) => cit.document.startsWith('nl-')));
      const onNew = onStatutes.filter((c) => c.citations.some((cit) => NEW_STATUTES.has(cit.document)));
      expect(onNew.length / onStatutes.length).toBeGreaterThanOrEqual(1 / 3);
    });
  },
);
