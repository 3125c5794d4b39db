/**
 * The third blind verifier set (evals/cases/verifier-blind3.jsonl): written by hand by an engineer who read neither
 * the verifier nor any other case file; the closed measure since session 13. Valid as every hand-written set is
 * (handWrittenSet.ts), with vt- ids, about half faithful, some Nynorsk, and every one of its categories holding both
 * traps (faulty) and controls (faithful).
 */
import { expect, it } from 'vitest';
import { checkCase, countByCategory, parseCases } from '../../evals/verifier/adversarial/cases.js';
import { loadAdversarialDocuments } from '../../evals/verifier/adversarial/texts.js';
import { describeHandWrittenSet } from './handWrittenSet.js';

/** Words only a Nynorsk sentence uses (a rough test, enough to keep the set's share of Nynorsk from vanishing). */
const NYNORSK = /\b(meiner|ikkje|eit|berre|frå|gjeld|korleis|vere|seie|òg|Ifølgje|Oslo Arbeidarparti)\b/;

describeHandWrittenSet('the third blind verifier set', 'verifier-blind3.jsonl', { faulty: 90, faithful: 90 }, (set) => {
  it('uses only vt- ids, at least 180 cases, between 40 and 60 % faithful', () => {
    const cases = set.cases();
    expect(cases.filter((c) => !c.id.startsWith('vt-')).map((c) => c.id)).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(180);
    const faithful = cases.filter((c) => c.label === 'faithful').length / cases.length;
    expect(faithful).toBeGreaterThan(0.4);
    expect(faithful).toBeLessThan(0.6);
  });

  it('has at least 15 categories, each with traps and controls, and at least 12 % Nynorsk sentences', () => {
    const counts = countByCategory(set.cases());
    expect(counts.size).toBeGreaterThanOrEqual(15);
    for (const [category, { faithful, faulty }] of counts) {
      expect(faithful, category).toBeGreaterThan(0);
      expect(faulty, category).toBeGreaterThan(0);
    }
    const nynorsk = set.cases().filter((c) => NYNORSK.test(c.sentence));
    expect(nynorsk.length / set.cases().length).toBeGreaterThanOrEqual(0.12);
    expect(nynorsk.some((c) => c.label === 'faulty') && nynorsk.some((c) => c.label === 'faithful')).toBe(true);
  });

  it('the validator catches a slip in a vt- case: a quote not in the text and an id of another prefix', async () => {
    const c = set.cases().find((x) => x.citations.length === 1)!;
    const slipped = { ...c, citations: [{ ...c.citations[0], quote: `${c.citations[0].quote} (tillegg)` }] };
    expect(checkCase(slipped, await loadAdversarialDocuments()).join()).toMatch(/not in/);
    expect(parseCases(JSON.stringify({ ...c, id: 'vz-001' })).problems[0]).toMatch(/^line 1: id: /);
  });
});
