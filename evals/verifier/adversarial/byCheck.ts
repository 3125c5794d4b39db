/**
 * Which check made a verdict (`--by-check` of run.ts): every ✗ and ≈ on the readable case sets attributed to the
 * check(s) whose finding made it so (the report's `findings`, asked for with `explain`).
 *
 * - ✗ (unsupported, contradicted, an uncited claim): per check, on faithful sentences (hard alarms) and on faulty
 *   ones, and how many the check alone made ✗ (every other finding was ≈ or none). Demoting a check from ✗ to ≈
 *   never adds a dangerous miss (≈ counts as caught): its alone-on-faulty cases become faulty ≈, its
 *   alone-on-faithful cases move from hard to soft alarms.
 * - ≈: per check, on faithful sentences (soft alarms) and faulty ones, and how many it alone kept from ✓: lifting a
 *   check turns its alone-on-faulty cases into dangerous misses.
 *
 * NOTE: the readable sets only: the adversarial set's dev half (even ids), the sets written for the rounds of
 * issue 15, the first eight blind sets (opened as development data in sessions 12 to 16) and the tenth and eleventh
 * (opened in session 18). The held-out half and the closed blind sets (`read: never` in evals/config.yaml: the ninth,
 * twelfth, thirteenth and any later one) are never attributed, so that no rule is chosen on them.
 */
import type { Verdict } from '../../../src/domain/verification.js';
import { loadEvalConfig, type EvalConfig } from '../../lib/config.js';
import { loadCases, type AdversarialCase } from './cases.js';

const isEven = (id: string) => Number(id.replace(/\D/g, '')) % 2 === 0;

/**
 * Every readable case: the sets evals/config.yaml marks `read: all`, the even ids of those marked `read: dev`, never
 * one marked `read: never` (a closed set).
 */
export async function loadReadableCases(config: EvalConfig = loadEvalConfig()): Promise<AdversarialCase[]> {
  const sets = await Promise.all(
    Object.values(config.verifier.handWritten)
      .filter((s) => s.read !== 'never')
      .map(async (s) => (await loadCases(s.cases)).filter((c) => s.read === 'all' || isEven(c.id))),
  );
  return sets.flat();
}

/** What the attribution needs of a verified case. */
export interface Attributable {
  label: AdversarialCase['label'];
  verdict: Verdict;
  claim: boolean;
  findings: { check: string; verdict: Verdict }[];
}

export interface CheckRow {
  check: string;
  /** ✗ findings: on faithful sentences (hard alarms) and faulty ones, and where this check was the only ✗. */
  hardFaithful: number;
  hardFaithfulAlone: number;
  hardFaulty: number;
  hardFaultyAlone: number;
  /** ≈ findings on sentences whose verdict is ≈, and where this check was the only finding. */
  softFaithful: number;
  softFaithfulAlone: number;
  softFaulty: number;
  softFaultyAlone: number;
}

const HARD: readonly Verdict[] = ['unsupported', 'contradicted', 'uncited'];

/** True when the person reads the verdict as ✗. */
export const isHard = (r: Pick<Attributable, 'verdict' | 'claim'>) =>
  r.verdict === 'unsupported' || r.verdict === 'contradicted' || (r.verdict === 'uncited' && r.claim);

/**
 * Per check, the ✗ and ≈ it gave on faithful and faulty sentences (rows sorted by ✗ on faithful, then ✗ on faulty).
 * @example byCheck([{ label: 'faithful', verdict: 'contradicted', claim: true, findings: [{ check: 'polarity', verdict: 'contradicted' }] }])
 * // → [{ check: 'polarity', hardFaithful: 1, hardFaithfulAlone: 1, … }]
 */
export function byCheck(results: readonly Attributable[]): CheckRow[] {
  const rows = new Map<string, CheckRow>();
  const row = (check: string) => {
    let r = rows.get(check);
    if (!r) {
      r = {
        check,
        hardFaithful: 0,
        hardFaithfulAlone: 0,
        hardFaulty: 0,
        hardFaultyAlone: 0,
        softFaithful: 0,
        softFaithfulAlone: 0,
        softFaulty: 0,
        softFaultyAlone: 0,
      };
      rows.set(check, r);
    }
    return r;
  };
  for (const x of results) {
    const faithful = x.label === 'faithful';
    if (isHard(x)) {
      const checks = [...new Set(x.findings.filter((f) => HARD.includes(f.verdict)).map((f) => f.check))];
      for (const c of checks) {
        const r = row(c);
        if (faithful) {
          r.hardFaithful++;
          if (checks.length === 1) r.hardFaithfulAlone++;
        } else {
          r.hardFaulty++;
          if (checks.length === 1) r.hardFaultyAlone++;
        }
      }
    } else if (x.verdict === 'partly_supported') {
      const checks = [...new Set(x.findings.map((f) => f.check))];
      for (const c of checks) {
        const r = row(c);
        if (faithful) {
          r.softFaithful++;
          if (checks.length === 1) r.softFaithfulAlone++;
        } else {
          r.softFaulty++;
          if (checks.length === 1) r.softFaultyAlone++;
        }
      }
    }
  }
  return [...rows.values()].sort(
    (a, b) => b.hardFaithful - a.hardFaithful || b.hardFaulty - a.hardFaulty || b.softFaithful - a.softFaithful,
  );
}

const ratio = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(0)} %` : '–');

/** The ✗ table: check, ✗ on faithful (alone), ✗ on faulty (alone), precision of its ✗. */
export function hardRows(rows: readonly CheckRow[]): string[][] {
  return rows
    .filter((r) => r.hardFaithful + r.hardFaulty > 0)
    .map((r) => [
      r.check,
      `${r.hardFaithful} (${r.hardFaithfulAlone})`,
      `${r.hardFaulty} (${r.hardFaultyAlone})`,
      ratio(r.hardFaulty, r.hardFaulty + r.hardFaithful),
    ]);
}
export const HARD_HEADERS = ['check (✗)', 'faithful ✗ (alone)', 'faulty ✗ (alone)', 'precision'];

/** The ≈ table: check, ≈ on faithful (alone), ≈ on faulty (alone). */
export function softRows(rows: readonly CheckRow[]): string[][] {
  return rows
    .filter((r) => r.softFaithful + r.softFaulty > 0)
    .sort((a, b) => b.softFaithful - a.softFaithful || b.softFaithfulAlone - a.softFaithfulAlone)
    .map((r) => [
      r.check,
      `${r.softFaithful} (${r.softFaithfulAlone})`,
      `${r.softFaulty} (${r.softFaultyAlone})`,
      ratio(r.softFaulty, r.softFaulty + r.softFaithful),
    ]);
}
export const SOFT_HEADERS = ['check (≈)', 'faithful ≈ (alone)', 'faulty ≈ (alone)', 'faulty share'];
