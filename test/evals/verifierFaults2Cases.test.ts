/**
 * Issue 15's second faults set (evals/cases/verifier-faults2.jsonl): hand-written faulty sentences of the kinds the
 * blind set found (roles swapped, list items changed, bounds turned, deadlines, modals, elisions, attribution, scope)
 * with faithful controls. Valid against the stored documents, vf- ids unique across the hand-written sets, at least
 * 120 faulty and 40 faithful, each category with both.
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
    loadCases(file('verifier-faults2.jsonl')),
    loadCases(),
    loadCases(file('verifier-handwritten.jsonl')),
    loadCases(file('verifier-blind.jsonl')),
    loadCases(file('verifier-weak-kinds.jsonl')),
  ]);
  [docs, cases, others] = [d, mine, rest.flat()];
});

describe('the second faults set', () => {
  it('quotes the stored text of the documents it cites, with vf- ids unique across the hand-written sets', () => {
    expect(checkCases(cases, docs)).toEqual([]);
    expect(cases.every((c) => c.id.startsWith('vf-'))).toBe(true);
    const ids = new Set(others.map((c) => c.id));
    expect(cases.filter((c) => ids.has(c.id))).toEqual([]);
  });

  it('has at least 120 faulty sentences and 40 faithful controls, each category with both', () => {
    expect(cases.filter((c) => c.label === 'faulty').length).toBeGreaterThanOrEqual(120);
    expect(cases.filter((c) => c.label === 'faithful').length).toBeGreaterThanOrEqual(40);
    for (const [category, { faithful, faulty }] of countByCategory(cases)) {
      expect(faithful, category).toBeGreaterThan(0);
      expect(faulty, category).toBeGreaterThan(0);
    }
    for (const kind of ['role_swap', 'list_item_changed', 'bound_flip', 'deadline_changed', 'modal_shift'])
      expect(cases.filter((c) => c.category === kind && c.label === 'faulty').length, kind).toBeGreaterThanOrEqual(15);
  });
});
