/**
 * The blind verifier set (evals/cases/verifier-blind.jsonl): hand-written by an engineer who did not read the
 * verifier. Valid against the stored documents, ids unique across all three hand-written sets, at least 160 cases,
 * issue 15's kinds plus categories nobody designed the code around, each category with traps and controls.
 */
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

const FILE = fileURLToPath(new URL('../../evals/cases/verifier-blind.jsonl', import.meta.url));
const HANDWRITTEN = fileURLToPath(new URL('../../evals/cases/verifier-handwritten.jsonl', import.meta.url));
let docs: Map<string, IngestedDocument>;
let cases: AdversarialCase[];
let others: AdversarialCase[];

beforeAll(async () => {
  const [d, blind, adversarial, handwritten] = await Promise.all([
    loadAdversarialDocuments(),
    loadCases(FILE),
    loadCases(),
    loadCases(HANDWRITTEN),
  ]);
  [docs, cases, others] = [d, blind, [...adversarial, ...handwritten]];
});

describe('the blind verifier set', () => {
  it('quotes the stored text of the documents it cites, with vb- ids unique across the hand-written sets', () => {
    expect(checkCases(cases, docs)).toEqual([]);
    expect(cases.every((c) => c.id.startsWith('vb-'))).toBe(true);
    const ids = new Set(others.map((c) => c.id));
    expect(cases.filter((c) => ids.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('has at least 160 cases over at least 20 categories, each with traps and controls, about half faithful', () => {
    expect(cases.length).toBeGreaterThanOrEqual(160);
    const counts = countByCategory(cases);
    expect(counts.size).toBeGreaterThanOrEqual(20);
    for (const [category, { faithful, faulty }] of counts) {
      expect(faithful, category).toBeGreaterThan(0);
      expect(faulty, category).toBeGreaterThan(0);
    }
    const faithful = cases.filter((c) => c.label === 'faithful').length / cases.length;
    expect(faithful).toBeGreaterThan(0.4);
    expect(faithful).toBeLessThan(0.6);
  });

  it('covers issue 15’s kinds and at least six categories of its own', () => {
    const categories = new Set(cases.map((c) => c.category));
    const issue15 = [
      'stance_reversal',
      'modal_shift',
      'quantifier_shift',
      'appended_claim',
      'actor_scope_shift',
      'unit_shift',
      'topic_only',
      'organisation_name',
      'courtesy_claim',
      'elided_quote',
      'negation_pair',
      'nynorsk_sentence',
      'metadata_fact',
      'whole_sentence',
    ];
    expect(issue15.filter((c) => !categories.has(c))).toEqual([]);
    expect([...categories].filter((c) => !issue15.includes(c)).length).toBeGreaterThanOrEqual(6);
  });

  it('the validator catches a slip in a vb- case: an altered quote and a duplicate id', () => {
    const c = cases.find((x) => x.citations.length === 1)!;
    const slipped = { ...c, citations: [{ ...c.citations[0], quote: `${c.citations[0].quote} (tillegg)` }] };
    expect(checkCase(slipped, docs).join()).toMatch(/not in|not in order/);
    expect(checkCases([c, c], docs)).toContain(`${c.id}: duplicate id`);
    const line = JSON.stringify({ ...c, id: 'vz-001' });
    expect(parseCases(line).problems[0]).toMatch(/^line 1: id: /);
  });
});
