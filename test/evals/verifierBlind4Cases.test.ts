/**
 * The fourth blind verifier set (evals/cases/verifier-blind4.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file; the closed measure after blind3. Valid as every hand-written set is
 * (handWrittenSet.ts), with vq- ids, about half faithful, some Nynorsk, every one of its categories holding at least
 * six traps (faulty) and four controls (faithful), and a share of its cases on the three statutes it added.
 */
import { expect, it } from 'vitest';
import { checkCase, countByCategory, parseCases } from '../../evals/verifier/adversarial/cases.js';
import { loadAdversarialDocuments } from '../../evals/verifier/adversarial/texts.js';
import { describeHandWrittenSet } from './handWrittenSet.js';

/** Words only a Nynorsk sentence uses (a rough test, enough to keep the set's share of Nynorsk from vanishing). */
const NYNORSK =
  /\b(ikkje|eit|berre|frå|meiner|vere|kjøparen|seljaren|festaren|eigedomen|krevje|vert|dagar|eldrebølgja)\b/;

/** The statutes no set before this one cited: avhendingslova, tomtefesteloven, eiendomsmeglingsloven. */
const NEW_STATUTES = new Set(['nl-19920703-093', 'nl-19961220-106', 'nl-20070629-073']);

describeHandWrittenSet(
  'the fourth blind verifier set',
  'verifier-blind4.jsonl',
  { faulty: 120, faithful: 120 },
  (set) => {
    it('uses only vq- ids, at least 240 cases, between 40 and 60 % faithful', () => {
      const cases = set.cases();
      expect(cases.filter((c) => !c.id.startsWith('vq-')).map((c) => c.id)).toEqual([]);
      expect(cases.length).toBeGreaterThanOrEqual(240);
      const faithful = cases.filter((c) => c.label === 'faithful').length / cases.length;
      expect(faithful).toBeGreaterThan(0.4);
      expect(faithful).toBeLessThan(0.6);
    });

    it('has at least 15 categories, each with 6 traps and 4 controls, and at least 15 % Nynorsk sentences', () => {
      const counts = countByCategory(set.cases());
      expect(counts.size).toBeGreaterThanOrEqual(15);
      for (const [category, { faithful, faulty }] of counts) {
        expect(faithful, category).toBeGreaterThanOrEqual(4);
        expect(faulty, category).toBeGreaterThanOrEqual(6);
      }
      const nynorsk = set.cases().filter((c) => NYNORSK.test(c.sentence));
      expect(nynorsk.length / set.cases().length).toBeGreaterThanOrEqual(0.15);
      expect(nynorsk.some((c) => c.label === 'faulty') && nynorsk.some((c) => c.label === 'faithful')).toBe(true);
    });

    it('cites the three new statutes in at least a third of its statute cases', () => {
      const onStatutes = set.cases().filter((c) => c.citations.some((cit) => cit.document.startsWith('nl-')));
      const onNew = onStatutes.filter((c) => c.citations.some((cit) => NEW_STATUTES.has(cit.document)));
      expect(onNew.length / onStatutes.length).toBeGreaterThanOrEqual(1 / 3);
    });

    it('the validator catches a slip in a vq- case: a quote not in the text and an id of another prefix', async () => {
      const c = set.cases().find((x) => x.citations.length === 1)!;
      const slipped = { ...c, citations: [{ ...c.citations[0], quote: `${c.citations[0].quote} (tillegg)` }] };
      expect(checkCase(slipped, await loadAdversarialDocuments()).join()).toMatch(/not in/);
      expect(parseCases(JSON.stringify({ ...c, id: 'vz-001' })).problems[0]).toMatch(/^line 1: id: /);
    });
  },
);
