/**
 * The validity checks every hand-written verifier set shares (issue 15): its quotes are in the stored text of the
 * documents it cites, its ids are unique across every verifier case file in evals/cases, and it holds at least the
 * faulty and faithful counts it was written to. A set's own test adds what is particular to it.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../src/domain/types.js';
import {
  type AdversarialCase,
  checkCase,
  checkCases,
  countByCategory,
  loadCases,
  parseCases,
} from '../../evals/verifier/adversarial/cases.js';
import { loadAdversarialDocuments } from '../../evals/verifier/adversarial/texts.js';

const CASES_DIR = fileURLToPath(new URL('../../evals/cases/', import.meta.url));

export interface HandWrittenSet {
  /** All cases of the set, after the shared checks' beforeAll. */
  cases: () => AdversarialCase[];
}

/**
 * Describe `file` (a name in evals/cases) as a valid hand-written set with at least `faulty` and `faithful` cases;
 * `more` adds the set's own tests inside the same describe.
 * @example describeHandWrittenSet('the third faults set', 'verifier-faults3.jsonl', { faulty: 120, faithful: 40 })
 */
export function describeHandWrittenSet(
  title: string,
  file: string,
  least: { faulty: number; faithful: number },
  more: (set: HandWrittenSet) => void = () => undefined,
): void {
  let docs: Map<string, IngestedDocument>;
  let cases: AdversarialCase[] = [];
  let others: AdversarialCase[] = [];
  beforeAll(async () => {
    const otherFiles = readdirSync(CASES_DIR).filter((f) => /^verifier-.*\.jsonl$/.test(f) && f !== file);
    const [d, mine, ...rest] = await Promise.all([
      loadAdversarialDocuments(),
      loadCases(CASES_DIR + file),
      ...otherFiles.map((f) => loadCases(CASES_DIR + f)),
    ]);
    docs = d;
    cases = mine;
    others = rest.flat();
  });

  describe(title, () => {
    it('quotes the stored text of the documents it cites, with ids unique across the verifier case files', () => {
      expect(checkCases(cases, docs)).toEqual([]);
      const ids = new Set(others.map((c) => c.id));
      expect(cases.filter((c) => ids.has(c.id)).map((c) => c.id)).toEqual([]);
    });

    it(`has at least ${least.faulty} faulty sentences and ${least.faithful} faithful ones`, () => {
      expect(cases.filter((c) => c.label === 'faulty').length).toBeGreaterThanOrEqual(least.faulty);
      expect(cases.filter((c) => c.label === 'faithful').length).toBeGreaterThanOrEqual(least.faithful);
    });

    more({ cases: () => cases });
  });
}

/** What a blind set (written by hand by someone who read no code and no other case file) was written to hold. */
export interface BlindSetShape {
  /** Its id prefix, e.g. `vt-`. */
  prefix: string;
  least: { faulty: number; faithful: number; cases: number };
  /** The fewest traps (faulty) and controls (faithful) each of its at least 15 categories holds. */
  perCategory: { faulty: number; faithful: number };
  /** Words only a Nynorsk sentence uses (a rough test, enough to keep the set's share of Nynorsk from vanishing). */
  nynorsk?: { words: RegExp; share: number };
  /** The statutes the set added (no set before it cited them), which at least a third of its statute cases cite. */
  newStatutes?: { names: string; ids: readonly string[] };
  /** The set is on the seed position papers only: it cites no other document, and each of them. */
  seedsOnly?: boolean;
}

/**
 * Describe a blind verifier set: valid as every hand-written set is, with only its own id prefix, about half faithful
 * (40–60 %), at least 15 categories each holding traps and controls, its share of Nynorsk (both labels), and a
 * validator that catches a slipped quote and a foreign id in it. `more` adds the set's own tests.
 * @example describeBlindSet('the third blind verifier set', 'verifier-blind3.jsonl', { prefix: 'vt-', … })
 */
export function describeBlindSet(
  title: string,
  file: string,
  shape: BlindSetShape,
  more: (set: HandWrittenSet) => void = () => undefined,
): void {
  const { prefix, least, perCategory, nynorsk, newStatutes, seedsOnly } = shape;
  describeHandWrittenSet(title, file, least, (set) => {
    it(`uses only ${prefix} ids, at least ${least.cases} cases, between 40 and 60 % faithful`, () => {
      const cases = set.cases();
      expect(cases.filter((c) => !c.id.startsWith(prefix)).map((c) => c.id)).toEqual([]);
      expect(cases.length).toBeGreaterThanOrEqual(least.cases);
      const faithful = cases.filter((c) => c.label === 'faithful').length / cases.length;
      expect(faithful).toBeGreaterThan(0.4);
      expect(faithful).toBeLessThan(0.6);
    });

    it(`has at least 15 categories, each with ${perCategory.faulty}+ traps and ${perCategory.faithful}+ controls`, () => {
      const counts = countByCategory(set.cases());
      expect(counts.size).toBeGreaterThanOrEqual(15);
      for (const [category, { faithful, faulty }] of counts) {
        expect(faithful, category).toBeGreaterThanOrEqual(perCategory.faithful);
        expect(faulty, category).toBeGreaterThanOrEqual(perCategory.faulty);
      }
    });

    if (nynorsk) {
      it(`has at least ${Math.round(nynorsk.share * 100)} % Nynorsk sentences, faulty and faithful`, () => {
        const inNynorsk = set.cases().filter((c) => nynorsk.words.test(c.sentence));
        expect(inNynorsk.length / set.cases().length).toBeGreaterThanOrEqual(nynorsk.share);
        expect(inNynorsk.some((c) => c.label === 'faulty') && inNynorsk.some((c) => c.label === 'faithful')).toBe(true);
      });
    }

    if (newStatutes) {
      it(`cites ${newStatutes.names} in at least a third of its statute cases`, () => {
        const added = new Set(newStatutes.ids);
        const onStatutes = set.cases().filter((c) => c.citations.some((cit) => cit.document.startsWith('nl-')));
        const onNew = onStatutes.filter((c) => c.citations.some((cit) => added.has(cit.document)));
        expect(onNew.length / onStatutes.length).toBeGreaterThanOrEqual(1 / 3);
      });
    }

    if (seedsOnly) {
      it('cites only the seed position papers, each of them', async () => {
        const seeds = [...(await loadAdversarialDocuments()).keys()].filter((id) => !id.startsWith('nl-'));
        const cited = set.cases().flatMap((c) => c.citations.map((cit) => cit.document));
        expect(cited.filter((d) => !seeds.includes(d))).toEqual([]);
        expect(new Set(cited)).toEqual(new Set(seeds));
      });
    }

    it(`the validator catches a slip in a ${prefix} case: a quote not in the text and an id of another prefix`, async () => {
      const c = set.cases().find((x) => x.citations.length === 1)!;
      const slipped = { ...c, citations: [{ ...c.citations[0], quote: `${c.citations[0].quote} (tillegg)` }] };
      expect(checkCase(slipped, await loadAdversarialDocuments()).join()).toMatch(/not in/);
      expect(parseCases(JSON.stringify({ ...c, id: 'vz-001' })).problems[0]).toMatch(/^line 1: id: /);
    });

    more(set);
  });
}
