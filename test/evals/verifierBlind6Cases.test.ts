/**
 * The sixth blind verifier set (evals/cases/verifier-blind6.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file; the closed measure after blind5. Valid as every blind set is
 * (handWrittenSet.ts): vs- ids, about half faithful, some Nynorsk, every one of its categories holding at least five
 * traps (faulty) and four controls (faithful); and a share of its cases on the three statutes it added.
 */
import { describeBlindSet } from './handWrittenSet.js';

describeBlindSet('the sixth blind verifier set', 'verifier-blind6.jsonl', {
  prefix: 'vs-',
  least: { faulty: 100, faithful: 100, cases: 200 },
  perCategory: { faulty: 5, faithful: 4 },
  nynorsk: {
    words:
      /\b(ikkje|eit|ein|berre|meiner|vere|eigedomen|eigaren|medlemene|medlemer|krevje|vert|kven|dei|korleis|fleirtal|bustaden|bustadbyggjelaget|òg|kommunen si)\b/,
    share: 0.15,
  },
  newStatutes: {
    names: 'bustadbyggjelagslova, servituttlova, forkjøpsrett til leiegårder',
    ids: ['nl-20030606-038', 'nl-19681129-000', 'nl-19770429-034'],
  },
});
