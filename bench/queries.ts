/** The questions every search measurement uses: NorQuAD dev (472, real users' questions) and our seed questions. */
import { join } from 'node:path';
import { readJsonl, ROOT } from './sources.js';

/**
 * All of them, or `limit` spread evenly over both sets (a quick run).
 * @example loadQueries().length // 496
 */
export function loadQueries(limit = Infinity): string[] {
  const norquad = readJsonl<{ question: string }>(join(ROOT, 'evals/data/norquad/dev.jsonl')).map((q) => q.question);
  const seed = readJsonl<{ question: string }>(join(ROOT, 'evals/cases/seed-questions.jsonl')).map((q) => q.question);
  const all = [...norquad, ...seed];
  return spread(all.length, limit).map((i) => all[i]);
}

/** `count` indices spread evenly over 0..n-1 (all of them when count >= n). */
export function spread(n: number, count: number): number[] {
  if (!(count < n)) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.floor((i * n) / count));
}
