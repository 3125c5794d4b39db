/**
 * The ninth blind verifier set (evals/cases/verifier-blind9.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file; the closed measure after blind8. Valid as every blind set is
 * (handWrittenSet.ts): vx- ids, about half faithful, some Nynorsk, every one of its categories holding at least five
 * traps (faulty) and four controls (faithful); and a share of its cases on the three statutes it added.
 */
import { describeBlindSet } from './handWrittenSet.js';

describeBlindSet('the ninth blind verifier set', 'verifier-blind9.jsonl', {
  prefix: 'vx-',
  least: { faulty: 100, faithful: 100, cases: 200 },
  perCategory: { faulty: 5, faithful: 4 },
  nynorsk: {
    words:
      /\b(ikkje|eit|ein|berre|dei|vert|vere|verte|eigaren|eigar|eigarane|eigedomen|sameigar|sameigarane|sameigetingen|fleirtalet|kvar|korleis|oreignaren|hevdaren|grunneigaren|gjev|gje|seie|sjølv|krev|krevje|lova|gjeld|meiner)\b/,
    share: 0.15,
  },
  newStatutes: {
    names: 'kraftledningsregisterloven, lov om hendelege eigedomshøve, ekspropriasjonserstatningslova',
    ids: ['nl-19270701-001', 'nl-19690410-017', 'nl-19840406-017'],
  },
});
