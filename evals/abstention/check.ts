/**
 * Validate evals/cases/abstention.jsonl against the seed corpus and print its make-up (kind × answerable ×
 * language). Exits non-zero on any invalid case.
 * Usage: npx tsx evals/abstention/check.ts [cases.jsonl]   (default evals/cases/abstention.jsonl)
 */
import { checkCases, loadCases, type AbstentionCase } from './cases.js';
import { loadCleanedCorpus } from './corpus.js';

const { cases, errors } = await loadCases(process.argv[2]);
const problems = [
  ...errors.map((e) => `line ${e.line}: ${e.message}`),
  ...checkCases(cases, await loadCleanedCorpus()),
];

const count = (pick: (c: AbstentionCase) => boolean) => cases.filter(pick).length;
const rows = [...new Set(cases.map((c) => c.kind))].map((kind) => ({
  kind,
  'answerable nb': count((c) => c.kind === kind && c.answerable && c.language === 'nb'),
  'answerable nn': count((c) => c.kind === kind && c.answerable && c.language === 'nn'),
  'not nb': count((c) => c.kind === kind && !c.answerable && c.language === 'nb'),
  'not nn': count((c) => c.kind === kind && !c.answerable && c.language === 'nn'),
  total: count((c) => c.kind === kind),
}));
console.table(rows);
const nn = count((c) => c.language === 'nn');
console.log(
  `${cases.length} cases: ${count((c) => c.answerable)} answerable, ${count((c) => !c.answerable)} not; ${nn} Nynorsk (${Math.round((100 * nn) / Math.max(cases.length, 1))} %)`,
);
for (const p of problems) console.error(p);
process.exitCode = problems.length ? 1 : 0;
