/**
 * The fifth blind verifier set (evals/cases/verifier-blind5.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file; the closed measure after blind4. Valid as every blind set is
 * (handWrittenSet.ts): vr- ids, about half faithful, some Nynorsk, every one of its categories holding at least five
 * traps (faulty) and four controls (faithful); and a share of its cases on the three statutes it added.
 */
import { describeBlindSet } from './handWrittenSet.js';

describeBlindSet('the fifth blind verifier set', 'verifier-blind5.jsonl', {
  prefix: 'vr-',
  least: { faulty: 100, faithful: 100, cases: 200 },
  perCategory: { faulty: 5, faithful: 4 },
  nynorsk: {
    words:
      /\b(ikkje|eit|ein|berre|meiner|vere|eigedomen|eigaren|sameigarane|sameigar|krevje|vert|kven|dei|korleis|fleirtal|fleirtalet|kommunen si)\b/,
    share: 0.15,
  },
  newStatutes: {
    names: 'tinglysingsloven, sameigelova, matrikkellova',
    ids: ['nl-19350607-002', 'nl-19650618-006', 'nl-20050617-101'],
  },
});
