/**
 * Checks the husleieloven retrieval set: unique passage and question ids in the expected shapes, and every question
 * naming a passage that exists. `npx tsx evals/data/husleie/check.ts` prints the problems and exits 1 on any.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HusleiePassage } from './build.js';

export interface HusleieQuestion {
  id: string;
  question: string;
  passage_id: string;
}

export const PASSAGES_FILE = fileURLToPath(new URL('passages.jsonl', import.meta.url));
export const QUESTIONS_FILE = fileURLToPath(new URL('questions.jsonl', import.meta.url));

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/**
 * Problems with the set (empty when there are none).
 * @example checkHusleieSet([{ id: 'hl-1-1', title: '§ 1-1. …', text: '…' }], [{ id: 'hlq-001', question: 'Gjelder loven hytter?', passage_id: 'hl-1-9' }])
 * // ['hlq-001: unknown passage_id «hl-1-9»']
 */
export function checkHusleieSet(passages: readonly HusleiePassage[], questions: readonly HusleieQuestion[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const p of passages) {
    if (!/^hl-\d+-\d+[a-z]?$/.test(p.id)) problems.push(`${p.id}: passage id is not hl-<chapter>-<n>[a]`);
    if (ids.has(p.id)) problems.push(`${p.id}: duplicate passage id`);
    if (!p.text.trim()) problems.push(`${p.id}: empty text`);
    ids.add(p.id);
  }
  const asked = new Set<string>();
  for (const q of questions) {
    if (!/^hlq-\d{3}$/.test(q.id)) problems.push(`${q.id}: question id is not hlq-NNN`);
    if (asked.has(q.id)) problems.push(`${q.id}: duplicate question id`);
    asked.add(q.id);
    if (!q.question || q.question.trim().length < 10) problems.push(`${q.id}: question too short`);
    if (!ids.has(q.passage_id)) problems.push(`${q.id}: unknown passage_id «${q.passage_id}»`);
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = checkHusleieSet(readJsonl(PASSAGES_FILE), readJsonl(QUESTIONS_FILE));
  for (const p of problems) console.error(p);
  console.log(problems.length ? `${problems.length} feil.` : 'Settet er gyldig.');
  process.exitCode = problems.length ? 1 : 0;
}
