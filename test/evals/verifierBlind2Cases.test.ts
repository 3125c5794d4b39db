/**
 * The second blind verifier set (evals/cases/verifier-blind2.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file (opened as development data in session 13). Valid as every blind set is
 * (handWrittenSet.ts): vh- ids, about half faithful, every one of its categories holding both traps (faulty) and
 * controls (faithful).
 */
import { describeBlindSet } from './handWrittenSet.js';

describeBlindSet('the second blind verifier set', 'verifier-blind2.jsonl', {
  prefix: 'vh-',
  least: { faulty: 80, faithful: 80, cases: 160 },
  perCategory: { faulty: 1, faithful: 1 },
});
