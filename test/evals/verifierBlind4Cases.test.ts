/**
 * The fourth blind verifier set (evals/cases/verifier-blind4.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file; the closed measure after blind3. Valid as every blind set is
 * (handWrittenSet.ts): vq- ids, about half faithful, some Nynorsk, every one of its categories holding at least six
 * traps (faulty) and four controls (faithful); and a share of its cases on the three statutes it added.
 */
import { describeBlindSet } from './handWrittenSet.js';

describeBlindSet('the fourth blind verifier set', 'verifier-blind4.jsonl', {
  prefix: 'vq-',
  least: { faulty: 120, faithful: 120, cases: 240 },
  perCategory: { faulty: 6, faithful: 4 },
  nynorsk: {
    words: /\b(ikkje|eit|berre|frå|meiner|vere|kjøparen|seljaren|festaren|eigedomen|krevje|vert|dagar|eldrebølgja)\b/,
    share: 0.15,
  },
  newStatutes: {
    names: 'avhendingslova, tomtefesteloven, eiendomsmeglingsloven',
    ids: ['nl-19920703-093', 'nl-19961220-106', 'nl-20070629-073'],
  },
});
