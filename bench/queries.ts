/** The questions every search measurement uses: NorQuAD dev (472, real users' questions) and our seed questions. */
import { join } from 'node:path';
import { readJsonl, ROOT } from './sources.js';

/** @example loadQueries().length // 496 */
export function loadQueries(): string[] {
  const norquad = readJsonl<{ question: string }>(join(ROOT, 'evals/data/norquad/dev.jsonl')).map((q) => q.question);
  const seed = readJsonl<{ question: string }>(join(ROOT, 'evals/cases/seed-questions.jsonl')).map((q) => q.question);
  return [...norquad, ...seed];
}
