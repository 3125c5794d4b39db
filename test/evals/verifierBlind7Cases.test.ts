/**
 * The seventh blind verifier set (evals/cases/verifier-blind7.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file; the closed measure after blind6. Valid as every blind set is
 * (handWrittenSet.ts): vu- ids, about half faithful, some Nynorsk, every one of its categories holding at least five
 * traps (faulty) and four controls (faithful); and a share of its cases on the three statutes it added.
 */
import { describeBlindSet } from './handWrittenSet.js';

describeBlindSet('the seventh blind verifier set', 'verifier-blind7.jsonl', {
  prefix: 'vu-',
  least: { faulty: 100, faithful: 100, cases: 200 },
  perCategory: { faulty: 5, faithful: 4 },
  nynorsk: {
    words:
      /\b(ikkje|eit|ein|berre|meiner|vere|eigedomen|eigaren|eigar|krevje|vert|kven|dei|korleis|fleirtal|òg|hevdaren|løysingsretten|løysingsrett|tinglyst|avgifta|frå|kjem|heile)\b/,
    share: 0.15,
  },
  newStatutes: {
    names: 'hevdslova, lov om løysingsrettar, dokumentavgiftsloven',
    ids: ['nl-19661209-001', 'nl-19941209-064', 'nl-19751212-059'],
  },
});
