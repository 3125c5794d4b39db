/**
 * The eighth blind verifier set (evals/cases/verifier-blind8.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file. Valid as every blind set is (handWrittenSet.ts): vw- ids, about half faithful,
 * some Nynorsk, every one of its categories holding at least five traps (faulty) and four controls (faithful); and a
 * share of its cases on the three statutes it added.
 */
import { describeBlindSet } from './handWrittenSet.js';

describeBlindSet('the eighth blind verifier set', 'verifier-blind8.jsonl', {
  prefix: 'vw-',
  least: { faulty: 100, faithful: 100, cases: 200 },
  perCategory: { faulty: 5, faithful: 4 },
  nynorsk: {
    words:
      /\b(ikkje|eit|ein|berre|meiner|vere|vera|eigedomen|eigaren|eigar|krevje|vert|kven|dei|korleis|òg|frå|heile|grannen|grannane|skjønet|oreigninga|oreigningsinngrepet|gjerdet|gjerdehaldet|søkjaren|lova|gjeld|éin|meistrar|ho|utan|gjev)\b/i,
    share: 0.15,
  },
  newStatutes: {
    names: 'skjønnsprosessloven, oreigningslova, grannegjerdelova',
    ids: ['nl-19170601-001', 'nl-19591023-003', 'nl-19610505-000'],
  },
});
