/**
 * The third abstention set (evals/cases/abstention2.jsonl, issue 17): valid as every abstention set is
 * (abstentionSet.ts), with abc- ids, and with the make-up the brief asks for (≥ 160 pairs, about half answerable,
 * weighted toward Nynorsk, near misses and other organisations; negation, yes/no, sub-question and split-answer
 * questions marked as traits).
 */
import { expect, it } from 'vitest';
import { CASE_TRAITS, parseCases } from '../../evals/abstention/cases.js';
import { describeAbstentionSet } from './abstentionSet.js';

describeAbstentionSet('abstention2.jsonl', 'abc-', ({ cases }) => {
  it('has at least 160 pairs, about half answerable, at least 30 % Nynorsk with both labels', () => {
    expect(cases().length).toBeGreaterThanOrEqual(160);
    const answerable = cases().filter((c) => c.answerable).length / cases().length;
    expect(answerable).toBeGreaterThan(0.4);
    expect(answerable).toBeLessThan(0.6);
    const nn = cases().filter((c) => c.language === 'nn');
    expect(nn.length / cases().length).toBeGreaterThanOrEqual(0.3);
    expect(nn.filter((c) => c.answerable).length).toBeGreaterThanOrEqual(20);
    expect(nn.filter((c) => !c.answerable).length).toBeGreaterThanOrEqual(20);
  });

  it('is weighted toward what failed: near misses and other organisations, every trait present', () => {
    expect(cases().filter((c) => c.kind === 'off_topic_near').length).toBeGreaterThanOrEqual(30);
    expect(cases().filter((c) => c.kind === 'other_organisation').length).toBeGreaterThanOrEqual(15);
    for (const trait of CASE_TRAITS)
      expect(cases().filter((c) => c.traits?.includes(trait)).length, trait).toBeGreaterThanOrEqual(5);
  });

  it('rejects an unknown trait and an id of no set', () => {
    const good = cases().find((c) => c.answerable)!;
    const { errors } = parseCases(
      `${JSON.stringify({ ...good, traits: ['rhetorical'] })}\n${JSON.stringify({ ...good, id: 'abd-001' })}\n`,
    );
    expect(errors.map((e) => e.line)).toEqual([1, 2]);
    expect(errors[0].message).toMatch(/^traits/);
  });
});
