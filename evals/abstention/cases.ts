/**
 * The abstention eval's cases (evals/cases/abstention.jsonl): hand-written (question, organisation) pairs, each
 * labelled answerable — the organisation's own documents answer it and `gold` names the passage text that does —
 * or not, in which case a draft must say «Vi har ikke tidligere uttalt oss om dette.».
 * The cases are checked against the cleaned text ingest stores (./corpus.ts), so a gold snippet that drifts from
 * what the store holds (a cleaning change, a typo) fails the test instead of silently scoring zero.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CleanedDocument } from './corpus.js';

const CASES_FILE = fileURLToPath(new URL('../cases/abstention.jsonl', import.meta.url));

/**
 * How a question relates to the corpus. The first four are answerable by construction (or nearly so); the last
 * three never are; `ministry_style` and `nynorsk` mix both.
 */
export const CASE_KINDS = [
  'direct', // uses the source's own words
  'paraphrase', // same meaning, other words
  'no_shared_words', // answered by the text without sharing its content words
  'ministry_style', // long and formal, as a ministry's consultation letter asks
  'nynorsk', // written in Nynorsk against Bokmål sources
  'off_topic_near', // near the corpus topics, or a sub-question of one, that the text does not address
  'off_topic_far', // nowhere near the corpus (fishing quotas, defence)
  'other_organisation', // answered only by another organisation's documents
] as const;
const CaseKind = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof CaseKind>;

/**
 * `negation` «Bør ikke …», `yes_no` a yes/no question, `sub_question` a main question with a «herunder …» or a second
 * question, `split` answered by two passages together.
 */
export const CASE_TRAITS = ['negation', 'yes_no', 'sub_question', 'split'] as const;
const CaseTrait = z.enum(CASE_TRAITS);

const Gold = z.strictObject({
  /** The id of the document that answers the question; it must belong to the case's organisation. */
  document: z.string().min(1),
  /** A verbatim substring of that document's cleaned text that answers the question. */
  contains: z.string().min(12),
});

export const AbstentionCase = z
  .strictObject({
    // `ab-` the first set, `abb-` the blind set (evals/cases/abstention-blind.jsonl, written without reading the code),
    // `abc-` the third (evals/cases/abstention2.jsonl, weighted toward what failed held out and blind), `abe-` the second
    // blind set (evals/cases/abstention-blind2.jsonl, written without reading the code or any other set). `abt-` the third
    // blind set (evals/cases/abstention-blind3.jsonl), likewise; the closed measure since session 13.
    id: z.string().regex(/^ab[bcet]?-\d{3}$/),
    question: z.string().min(10).max(600),
    organisation: z.string().min(1),
    language: z.enum(['nb', 'nn']),
    kind: CaseKind,
    answerable: z.boolean(),
    gold: Gold.nullable(),
    rationale: z.string().min(10),
    /** Shapes of the question that cut across kinds, reported apart (abstention2.jsonl sets them). */
    traits: z.array(CaseTrait).optional(),
  })
  // A gold passage is what makes a case answerable; one without the other is a labelling mistake.
  .refine((c) => c.answerable === (c.gold !== null), {
    message: 'gold must be set exactly when answerable is true',
    path: ['gold'],
  });
export type AbstentionCase = z.infer<typeof AbstentionCase>;

/** A line that failed to parse, with its 1-based line number. */
export interface CaseLineError {
  line: number;
  message: string;
}

/**
 * Parse a JSONL text into cases; blank lines are skipped. Throws nothing: bad lines come back in `errors`.
 * @example parseCases('{"id":"ab-001",…}\n').cases.length // 1
 */
export function parseCases(text: string): { cases: AbstentionCase[]; errors: CaseLineError[] } {
  const cases: AbstentionCase[] = [];
  const errors: CaseLineError[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (err) {
      errors.push({ line: index + 1, message: `not JSON: ${(err as Error).message}` });
      return;
    }
    const parsed = AbstentionCase.safeParse(data);
    if (parsed.success) cases.push(parsed.data);
    else
      errors.push({
        line: index + 1,
        message: parsed.error.issues.map((i) => `${i.path.join('.') || '(case)'}: ${i.message}`).join('; '),
      });
  });
  return { cases, errors };
}

/** Read and parse the case file. */
export async function loadCases(path = CASES_FILE): Promise<{ cases: AbstentionCase[]; errors: CaseLineError[] }> {
  return parseCases(await readFile(path, 'utf8'));
}

/**
 * What is wrong with one case against the corpus; empty when nothing is. Checks that the organisation has
 * documents, and for answerable cases that the gold document exists, belongs to the case's organisation, and
 * contains the gold snippet verbatim.
 */
export function checkCase(c: AbstentionCase, corpus: readonly CleanedDocument[]): string[] {
  const problems: string[] = [];
  if (!corpus.some((d) => d.meta.organisation === c.organisation))
    problems.push(`${c.id}: no document belongs to organisation «${c.organisation}»`);
  if (!c.gold) return problems;
  const doc = corpus.find((d) => d.meta.id === c.gold?.document);
  if (!doc) return [...problems, `${c.id}: gold document «${c.gold.document}» is not in the corpus`];
  if (doc.meta.organisation !== c.organisation) {
    problems.push(`${c.id}: gold document «${doc.meta.id}» belongs to ${doc.meta.organisation}, not ${c.organisation}`);
  }
  if (!doc.text.includes(c.gold.contains))
    problems.push(`${c.id}: gold snippet is not verbatim in «${doc.meta.id}»: «${c.gold.contains}»`);
  return problems;
}

/** checkCase over all cases, plus what only the set can show: duplicate ids and duplicate questions per organisation. */
export function checkCases(cases: readonly AbstentionCase[], corpus: readonly CleanedDocument[]): string[] {
  const problems = cases.flatMap((c) => checkCase(c, corpus));
  const ids = new Set<string>();
  const asked = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) problems.push(`${c.id}: id is used more than once`);
    ids.add(c.id);
    const key = `${c.organisation}\u0000${c.question.trim().toLowerCase()}`;
    if (asked.has(key)) problems.push(`${c.id}: the same question is asked of ${c.organisation} twice`);
    asked.add(key);
  }
  return problems;
}
