/**
 * The sixth blind verifier set (evals/cases/verifier-blind6.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file; the closed measure after blind5. Valid as every blind set is
 * (handWrittenSet.ts): vs- ids, about half faithful, some Nynorsk, every one of its categories holding at least five
 * traps (faulty) and four controls (faithful); and a share of its cases on the three statutes it added.
 */
import { expect, it } from 'vitest';
import { describeBlindSet } from './handWrittenSet.js';

/** The statutes no set before this one cited: bustadbyggjelagslova, servituttlova, forkjøpsrett til leiegårder. */
const NEW_STATUTES = new Set(['nl-20030606-038', 'nl-19681129-000', 'nl-19770429-034']);

describeBlindSet(
  'the sixth blind verifier set',
  'verifier-blind6.jsonl',
  {
    prefix: 'vs-',
    least: { faulty: 100, faithful: 100, cases: 200 },
    perCategory: { faulty: 5, faithful: 4 },
    nynorsk: {
      words:
        /\b(ikkje|eit|ein|berre|meiner|vere|eigedomen|eigaren|medlemene|medlemer|krevje|vert|kven|dei|korleis|fleirtal|bustaden|bustadbyggjelaget|òg|kommunen si)\b/,
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
