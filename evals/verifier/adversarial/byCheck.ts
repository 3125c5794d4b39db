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
 * issue 15 and the first eight blind sets (opened as development data in sessions 12 to 16). The held-out half and
 * the closed blind sets (the ninth to the thirteenth, and any later one) are never attributed, so that no rule is
 * chosen on them.
 */
import { fileURLToPath } from 'node:url';
import type { Verdict } from '../../../src/domain/verification.js';
import { loadCases, type AdversarialCase } from './cases.js';

const casesFile = (name: string) => fileURLToPath(new URL(`../../cases/${name}`, import.meta.url));

/** The readable sets: files, and whether only the dev half (even ids) of the file may be read. */
export const READABLE_SETS: { file: string; devOnly: boolean }[] = [
  { file: casesFile('verifier-adversarial.jsonl'), devOnly: true },
  ...[
    'verifier-faithful2.jsonl',
    'verifier-faithful3.jsonl',
    'verifier-faults2.jsonl',
    'verifier-faults3.jsonl',
    'verifier-handwritten.jsonl',
    'verifier-weak-kinds.jsonl',
    // The first blind set, opened as development data in session 12 (its figures before opening: README, "Evals").
    'verifier-blind.jsonl',
    // The second blind set, opened as development data in session 13 (its figures before opening: README, "Evals").
    'verifier-blind2.jsonl',
    // The third blind set, opened as development data in session 14 (its figures before opening: README, "Evals").
    'verifier-blind3.jsonl',
    // The fourth blind set, opened as development data in session 15 (its figures before opening: README, "Evals").
    'verifier-blind4.jsonl',
    // The fifth blind set, opened as development data in session 15 (likewise).
    'verifier-blind5.jsonl',
    // The sixth, seventh and eighth, opened as development data in session 16 (likewise).
    'verifier-blind6.jsonl',
    'verifier-blind7.jsonl',
    'verifier-blind8.jsonl',
  ].map((name) => ({ file: casesFile(name), devOnly: false })),
];

const isEven = (id: string) => Number(id.replace(/\D/g, '')) % 2 === 0;

/** Every readable case (the adversarial file's even ids only). */
export async function loadReadableCases(): Promise<AdversarialCase[]> {
  const sets = await Promise.all(
    READABLE_SETS.map(async (s) => (await loadCases(s.file)).filter((c) => !s.devOnly || isEven(c.id))),
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
