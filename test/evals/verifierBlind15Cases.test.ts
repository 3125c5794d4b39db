/**
 * The fifteenth blind verifier set (evals/cases/verifier-blind15.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file, on the five seed position papers only (Fagforbundet, NTL, KS, Oslo Ap). Valid
 * as every blind set is (handWrittenSet.ts): vp- ids, about half faithful, some Nynorsk, every one of its categories
 * holding at least five traps (faulty) and four controls (faithful); and every document it cites is a seed.
 */
import { describeBlindSet } from './handWrittenSet.js';

describeBlindSet('the fifteenth blind verifier set', 'verifier-blind15.jsonl', {
  prefix: 'vp-',
  least: { faulty: 80, faithful: 80, cases: 170 },
  perCategory: { faulty: 5, faithful: 4 },
  nynorsk: {
    words:
      /\b(ikkje|eit|ein|berre|meiner|vere|frå|dei|korleis|vert|krev|eigne|tilsette|kommunane|offentleg|fleirtalet|skriv|ifølgje|manglar|peikar|mogleg|òg|kven|tenestene|tenester)\b/,
    share: 0.15,
  },
  seedsOnly: true,
});
