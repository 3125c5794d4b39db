/**
 * The blind abstention set (evals/cases/abstention-blind.jsonl): written without reading the drafting or retrieval
 * code. Valid as every abstention set is (abstentionSet.ts), with abb- ids, and with the make-up the brief asks for
 * (≥ 120 pairs, about 30 % Nynorsk or more, every kind).
 */
import { expect, it } from 'vitest';
import { CASE_KINDS } from '../../evals/abstention/cases.js';
import { halfOf } from '../../evals/abstention/run.js';
import { describeAbstentionSet } from './abstentionSet.js';

describeAbstentionSet('abstention-blind.jsonl', 'abb-', ({ cases }) => {
  it('has at least 120 pairs, at least 30 % Nynorsk, between 40 and 65 % answerable', () => {
    expect(cases().length).toBeGreaterThanOrEqual(120);
    expect(cases().filter((c) => c.language === 'nn').length / cases().length).toBeGreaterThanOrEqual(0.3);
    const answerable = cases().filter((c) => c.answerable).length / cases().length;
    expect(answerable).toBeGreaterThan(0.4);
    expect(answerable).toBeLessThan(0.65);
  });

  it('covers every kind', () => {
    for (const kind of CASE_KINDS)
      expect(cases().filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
  });

  it('splits abb- ids into dev (odd) and held-out (even) halves by their digits', () => {
    expect(halfOf({ id: 'abb-001' })).toBe('dev');
    expect(halfOf({ id: 'abb-002' })).toBe('held-out');
    expect(cases().filter((c) => halfOf(c) === 'dev').length).toBe(Math.ceil(cases().length / 2));
  });
});
