/**
 * The closed sets pooled per category (evals/verifier/adversarial/pooled.ts): aliases merge the writers' names for one
 * kind, and only a category with enough faulty cases is held to the per-category target.
 */
import { describe, expect, it } from 'vitest';
import { loadEvalConfig } from '../../evals/lib/config.js';
import { loadCases } from '../../evals/verifier/adversarial/cases.js';
import { pooled, pooledCategory } from '../../evals/verifier/adversarial/pooled.js';
import type { CaseResult } from '../../evals/verifier/adversarial/run.js';

let n = 0;
const r = (category: string, label: CaseResult['label'], outcome: CaseResult['outcome']): CaseResult => ({
  id: `vx-${String(++n).padStart(3, '0')}`,
  split: n % 2 === 0 ? 'dev' : 'heldout',
  category,
  label,
  sentence: '…',
  verdict: outcome === 'dangerous_miss' ? 'supported' : 'partly_supported',
  claim: true,
  statuses: ['ok'],
  reasons: [],
  outcome,
});
const many = (k: number, f: () => CaseResult) => Array.from({ length: k }, f);

describe('closed sets pooled per category', () => {
  it('merges aliased names and judges only categories with enough faulty cases', () => {
    const results = [
      // wrong_vi and wrong_org_vi are one kind: 2 misses of 12 faulty → 16.7 %, above a 10 % target.
      ...many(5, () => r('wrong_vi', 'faulty', 'ok')),
      r('wrong_vi', 'faulty', 'dangerous_miss'),
      ...many(5, () => r('wrong_org_vi', 'faulty', 'ok')),
      r('wrong_org_vi', 'faulty', 'dangerous_miss'),
      r('wrong_org_vi', 'faithful', 'soft_alarm'),
      // modal_shift: 1 miss of 10 → exactly 10 %, within the target.
      ...many(9, () => r('modal_shift', 'faulty', 'ok')),
      r('modal_shift', 'faulty', 'dangerous_miss'),
      // merged_points: 3 of 5, too few faulty cases to be judged.
      ...many(3, () => r('merged_points', 'faulty', 'dangerous_miss')),
      ...many(2, () => r('merged_points', 'faulty', 'ok')),
    ];
    const p = pooled(
      results,
      { wrong_vi: 'wrong_organisation_vi', wrong_org_vi: 'wrong_organisation_vi' },
      {
        minFaulty: 10,
        target: 0.1,
      },
    );
    expect(p.categories.map((c) => c.category)).toEqual(['merged_points', 'modal_shift', 'wrong_organisation_vi']);
    const vi = p.categories.find((c) => c.category === 'wrong_organisation_vi')!.all;
    expect(vi).toMatchObject({ faulty: 12, faithful: 1, dangerousMisses: 2, softAlarms: 1 });
    expect(p.judged).toBe(2);
    expect(p.overTarget).toEqual(['wrong_organisation_vi']);
    expect(p.overall).toMatchObject({ faulty: 27, dangerousMisses: 6 });
  });

  it('maps every alias in evals/config.yaml from a category some closed set uses, to a name that is no alias itself', async () => {
    const config = loadEvalConfig();
    const pool = config.verifier.closedPooled!;
    const closed = Object.values(config.verifier.handWritten).filter((s) => s.read === 'never');
    const used = new Set((await Promise.all(closed.map((s) => loadCases(s.cases)))).flat().map((c) => c.category));
    for (const [from, to] of Object.entries(pool.aliases)) {
      expect(used, `alias ${from}`).toContain(from);
      expect(pool.aliases[to], `target ${to}`).toBeUndefined();
      expect(pooledCategory(from, pool.aliases)).toBe(to);
    }
  });
});
