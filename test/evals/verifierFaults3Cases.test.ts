/**
 * The third faults set (evals/cases/verifier-faults3.jsonl, issue 15's third misses round: fault kinds no earlier set
 * was built around): valid against the stored documents, at least 120 faulty sentences and 40 faithful controls,
 * every category with both, ids unique across the case files.
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

const file = (name: string) => fileURLToPath(new URL(`../../evals/cases/${name}`, import.meta.url));
let docs: Map<string, IngestedDocument>;
let cases: AdversarialCase[];
let others: AdversarialCase[];

beforeAll(async () => {
  const [d, mine, ...rest] = await Promise.all([
    loadAdversarialDocuments(),
    loadCases(file('verifier-faults3.jsonl')),
    loadCases(file('verifier-adversarial.jsonl')),
    loadCases(file('verifier-handwritten.jsonl')),
    loadCases(file('verifier-weak-kinds.jsonl')),
    loadCases(file('verifier-faults2.jsonl')),
    loadCases(file('verifier-faithful2.jsonl')),
  ]);
  docs = d;
  cases = mine;
  others = rest.flat();
});

describe('the third faults verifier set', () => {
  it('quotes the stored text of the documents it cites, with ids unique across the case files', () => {
    expect(checkCases(cases, docs)).toEqual([]);
    const ids = new Set(others.map((c) => c.id));
    expect(cases.filter((c) => ids.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('has at least 120 faulty sentences and 40 faithful controls, both in every category', () => {
    expect(cases.filter((c) => c.label === 'faulty').length).toBeGreaterThanOrEqual(120);
    expect(cases.filter((c) => c.label === 'faithful').length).toBeGreaterThanOrEqual(40);
    for (const [category, n] of countByCategory(cases)) {
      expect({ category, both: n.faulty > 0 && n.faithful > 0 }).toEqual({ category, both: true });
    }
  });
});
