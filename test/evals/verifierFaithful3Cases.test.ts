/**
 * The third faithful verifier set (evals/cases/verifier-faithful3.jsonl, issue 15 third round): kinds no earlier set
 * was built around, valid against the stored documents, at least 140 faithful sentences and 40 faulty controls, ids
 * unique across the case files.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../src/domain/types.js';
import { type AdversarialCase, checkCases, loadCases } from '../../evals/verifier/adversarial/cases.js';
import { loadAdversarialDocuments } from '../../evals/verifier/adversarial/texts.js';

const file = (name: string) => fileURLToPath(new URL(`../../evals/cases/${name}`, import.meta.url));
let docs: Map<string, IngestedDocument>;
let cases: AdversarialCase[];
let others: AdversarialCase[];

beforeAll(async () => {
  const [d, mine, ...rest] = await Promise.all([
    loadAdversarialDocuments(),
    loadCases(file('verifier-faithful3.jsonl')),
    loadCases(file('verifier-adversarial.jsonl')),
    loadCases(file('verifier-faithful2.jsonl')),
    loadCases(file('verifier-handwritten.jsonl')),
    loadCases(file('verifier-weak-kinds.jsonl')),
  ]);
  docs = d;
  cases = mine;
  others = rest.flat();
});

describe('the faithful-paraphrase verifier set', () => {
  it('quotes the stored text of the documents it cites, with ids unique across the case files', () => {
    expect(checkCases(cases, docs)).toEqual([]);
    const ids = new Set(others.map((c) => c.id));
    expect(cases.filter((c) => ids.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('has at least 140 faithful sentences and 40 faulty controls', () => {
    expect(cases.filter((c) => c.label === 'faithful').length).toBeGreaterThanOrEqual(140);
    expect(cases.filter((c) => c.label === 'faulty').length).toBeGreaterThanOrEqual(40);
  });
});
