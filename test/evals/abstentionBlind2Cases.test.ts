/**
 * The second blind abstention set (evals/cases/abstention-blind2.jsonl): written by hand without reading the drafting
 * or retrieval code or any other case file. Valid as every abstention set is (abstentionSet.ts), with abe- ids, and
 * with the make-up it was written to: ≥ 120 pairs, about half answerable, at least 30 % Nynorsk, every kind.
 */
import { expect, it } from 'vitest';
import { CASE_KINDS } from '../../evals/abstention/cases.js';
import { halfOf } from '../../evals/abstention/run.js';
import { describeAbstentionSet } from './abstentionSet.js';

describeAbstentionSet('abstention-blind2.jsonl', 'abe-', ({ cases }) => {
  it('has at least 120 pairs, at least 30 % Nynorsk, between 40 and 60 % answerable', () => {
    expect(cases().length).toBeGreaterThanOrEqual(120);
    expect(cases().filter((c) => c.language === 'nn').length / cases().length).toBeGreaterThanOrEqual(0.3);
    const answerable = cases().filter((c) => c.answerable).length / cases().length;
    expect(answerable).toBeGreaterThan(0.4);
    expect(answerable).toBeLessThan(0.6);
  });

  it('covers every kind with at least ten pairs, and asks Nynorsk questions both ways', () => {
    for (const kind of CASE_KINDS)
      expect(cases().filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
    const nn = cases().filter((c) => c.language === 'nn');
    expect(nn.some((c) => c.answerable)).toBe(true);
    expect(nn.some((c) => !c.answerable)).toBe(true);
  });

  it('splits abe- ids into dev (odd) and held-out (even) halves by their digits', () => {
    expect(halfOf({ id: 'abe-001' })).toBe('dev');
    expect(halfOf({ id: 'abe-002' })).toBe('held-out');
  });
});
