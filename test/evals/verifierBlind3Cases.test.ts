/**
 * The third blind verifier set (evals/cases/verifier-blind3.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file (opened as development data in session 14). Valid as every blind set is
 * (handWrittenSet.ts): vt- ids, about half faithful, some Nynorsk, every one of its categories holding both traps
 * (faulty) and controls (faithful).
 */
import { describeBlindSet } from './handWrittenSet.js';

describeBlindSet('the third blind verifier set', 'verifier-blind3.jsonl', {
  prefix: 'vt-',
  least: { faulty: 90, faithful: 90, cases: 180 },
  perCategory: { faulty: 1, faithful: 1 },
  nynorsk: {
    words: /\b(meiner|ikkje|eit|berre|frå|gjeld|korleis|vere|seie|òg|Ifølgje|Oslo Arbeidarparti)\b/,
    share: 0.12,
  },
});
