/**
 * The tenth blind verifier set (evals/cases/verifier-blind10.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file, on the five seed position papers only (Fagforbundet, NTL, KS, Oslo
 * Arbeiderparti). Valid as every blind set is (handWrittenSet.ts): vy- ids, about half faithful, some Nynorsk, every
 * one of its categories holding at least five traps (faulty) and four controls (faithful); and no statute cited.
 */
import { describeBlindSet } from './handWrittenSet.js';

describeBlindSet('the tenth blind verifier set', 'verifier-blind10.jsonl', {
  prefix: 'vy-',
  least: { faulty: 80, faithful: 80, cases: 170 },
  perCategory: { faulty: 5, faithful: 4 },
  nynorsk: {
    words:
      /\b(ikkje|eit|ein|ei|berre|meiner|meir|vere|frå|dei|òg|vert|skriv|peikar|peika|tilsette|kommunane|offentleg|offentlege|tenester|tenestene|løysingar|løysing|innbyggjarar|innbyggjarane|fleire|takkar|krev|åtvarar|sjølv|høvet|difor|seier|heile|trengst|støttar|omsynet|høyringssvaret|innspelet|tillitsvalde|verkar|leverandørane|kjem|seier|samstundes)\b/,
    share: 0.15,
  },
  seedsOnly: true,
});
