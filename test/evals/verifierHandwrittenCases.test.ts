/**
 * The second hand-written verifier set (evals/cases/verifier-handwritten.jsonl, issue 15 (a)): valid against the
 * stored documents, at least 40 cases, only in categories the adversarial set does not have, each with a rationale.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../src/domain/types.js';
import {
  type AdversarialCase,
  checkCases,
  countByCategory,
  loadCases,
} from '../../evals/verifier/adversarial/cases.js';
import { loadAdversarialDocuments } from '../../evals/verifier/adversarial/texts.js';

const FILE = fileURLToPath(new URL('../../evals/cases/verifier-handwritten.jsonl', import.meta.url));
let docs: Map<string, IngestedDocument>;
let cases: AdversarialCase[];
let adversarial: AdversarialCase[];

beforeAll(async () => {
  [docs, cases, adversarial] = await Promise.all([loadAdversarialDocuments(), loadCases(FILE), loadCases()]);
});

describe('the second hand-written verifier set', () => {
  it('quotes the stored text of the documents it cites, with ids unique across both sets', () => {
    expect(checkCases(cases, docs)).toEqual([]);
    const ids = new Set(adversarial.map((c) => c.id));
    expect(cases.filter((c) => ids.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('has at least 40 cases, in categories the adversarial set lacks, each with faithful and faulty cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const old = new Set(adversarial.map((c) => c.category));
    const counts = countByCategory(cases);
    for (const [category, { faithful, faulty }] of counts) {
      expect(old.has(category), category).toBe(false);
      expect(faithful, category).toBeGreaterThan(0);
      expect(faulty, category).toBeGreaterThan(0);
    }
  });
});
