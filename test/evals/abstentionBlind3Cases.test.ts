/**
 * The third blind abstention set (evals/cases/abstention-blind3.jsonl): written by hand without reading the drafting
 * or retrieval code or any other case file; the closed measure since session 13. Valid as every abstention set is
 * (abstentionSet.ts), with abt- ids, and with the make-up it was written to: ≥ 130 pairs, about half answerable,
 * about 30 % Nynorsk, every kind, and every organisation asked both ways in Nynorsk too.
 */
import { expect, it } from 'vitest';
import { CASE_KINDS } from '../../evals/abstention/cases.js';
import { halfOf } from '../../evals/abstention/run.js';
import { describeAbstentionSet } from './abstentionSet.js';

describeAbstentionSet('abstention-blind3.jsonl', 'abt-', ({ cases, corpus }) => {
  it('has at least 130 pairs, at least 28 % Nynorsk, between 40 and 60 % answerable', () => {
    expect(cases().length).toBeGreaterThanOrEqual(130);
    expect(cases().filter((c) => c.language === 'nn').length / cases().length).toBeGreaterThanOrEqual(0.28);
    const answerable = cases().filter((c) => c.answerable).length / cases().length;
    expect(answerable).toBeGreaterThan(0.4);
    expect(answerable).toBeLessThan(0.6);
  });

  it('covers every kind with at least ten pairs, ministry-style and Nynorsk questions both ways', () => {
    for (const kind of CASE_KINDS)
      expect(cases().filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
    for (const group of [
      cases().filter((c) => c.language === 'nn'),
      cases().filter((c) => c.kind === 'ministry_style'),
    ]) {
      expect(group.some((c) => c.answerable)).toBe(true);
      expect(group.some((c) => !c.answerable)).toBe(true);
    }
  });

  it('asks every organisation an off-topic question and one only another organisation answers', () => {
    for (const organisation of new Set(corpus().map((d) => d.meta.organisation))) {
      const asked = cases().filter((c) => c.organisation === organisation);
      expect(
        asked.some((c) => c.kind === 'other_organisation'),
        organisation,
      ).toBe(true);
      expect(
        asked.some((c) => c.kind === 'off_topic_near'),
        organisation,
      ).toBe(true);
    }
  });

  it('splits abt- ids into dev (odd) and held-out (even) halves by their digits', () => {
    expect(halfOf({ id: 'abt-001' })).toBe('dev');
    expect(halfOf({ id: 'abt-002' })).toBe('held-out');
  });
});
