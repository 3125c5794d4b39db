/**
 * The fourteenth blind verifier set (evals/cases/verifier-blind14.jsonl): written by hand by an engineer who read
 * neither the verifier nor any other case file, on the five seed position papers only (Fagforbundet, NTL, KS, Oslo Ap).
 * Valid as every blind set is (handWrittenSet.ts): vo- ids, about half faithful, some Nynorsk, every one of its
 * categories holding at least five traps (faulty) and four controls (faithful); and every document it cites is a seed.
 */
import { describeBlindSet } from './handWrittenSet.js';

describeBlindSet('the fourteenth blind verifier set', 'verifier-blind14.jsonl', {
  prefix: 'vo-',
  least: { faulty: 80, faithful: 80, cases: 170 },
  perCategory: { faulty: 5, faithful: 4 },
  nynorsk: {
    words:
      /\b(ikkje|eit|ein|ei|berre|meiner|meinte|vere|frå|dei|korleis|vert|vart|krev|eigne|tilsette|kommunane|offentleg|offentlege|fleirtalet|skriv|ifølgje|manglar|peikar|mogleg|takkar|åtvarar|òg)\b/,
    share: 0.15,
  },
  seedsOnly: true,
});
