/**
 * The hand-written adversarial verifier cases (`evals/cases/verifier-adversarial.jsonl`): schema, loader and the
 * checks that keep them honest. A case is one drafted sentence with its citations and a human label; the file is
 * written by hand, so these checks catch the slips a hand makes — a quote that is not in the stored text, elided
 * pieces out of order or spread over two passages, an "altered" quote that is in fact verbatim, a duplicate id.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { IngestedDocument } from '../../../src/domain/types.js';

const CASES_FILE = fileURLToPath(new URL('../../cases/verifier-adversarial.jsonl', import.meta.url));

const AdversarialCitation = z
  .object({
    /** Document id as stored (a seed's metadata.yaml id, or a statute's file-name slug). */
    document: z.string().min(1),
    /** Verbatim text of the cleaned document; pieces may be joined by «…», «[…]» or «(…)». */
    quote: z.string().min(1),
    /**
     * Set only when `quote` is deliberately NOT verbatim (fabricated or altered): a verbatim snippet that locates
     * the passage the quote pretends to come from.
     */
    passageContains: z.string().min(1).optional(),
  })
  .strict();
export type AdversarialCitation = z.infer<typeof AdversarialCitation>;

const oneLine = (what: string) =>
  z
    .string()
    .min(1)
    .refine((s) => !/[\r\n]/.test(s), `${what} must be one line`);

export const AdversarialCase = z
  .object({
    // `va-` the adversarial and handwritten sets, `vb-` the blind set (written without reading the verifier), `vf-` the
    // second faults set (issue 15: roles, lists, bounds and deadlines), `vg-` the third (faults nobody planned for).
    // `vh-` the second blind set (evals/cases/verifier-blind2.jsonl), written without reading the verifier or any set.
    // `vt-` the third blind set (evals/cases/verifier-blind3.jsonl), likewise; the closed measure since session 13.
    // `vq-` the fourth blind set (evals/cases/verifier-blind4.jsonl), likewise, with three statutes no earlier set cited.
    // `vr-` the fifth blind set (evals/cases/verifier-blind5.jsonl), likewise, with three more new statutes.
    // `vs-` the sixth blind set (evals/cases/verifier-blind6.jsonl), likewise, with three more new statutes.
    // `vu-` the seventh blind set (evals/cases/verifier-blind7.jsonl), likewise, with three more new statutes.
    // `vw-` and `vx-` the eighth and ninth blind sets (verifier-blind8.jsonl, verifier-blind9.jsonl), likewise.
    // `vy-` and `vk-` the tenth and eleventh (verifier-blind10.jsonl, verifier-blind11.jsonl): the seeds only.
    id: z.string().regex(/^v[abfghkmnopqrstuwxy]-\d{3,}$/),
    category: z.string().regex(/^[a-z][a-z_]*$/),
    /** Whose «vi» the draft speaks with; null for a neutral draft. */
    organisation: z.string().min(1).nullable(),
    sentence: oneLine('sentence'),
    /** Usually one; two at most; none for an uncited claim or a courtesy line. */
    citations: z.array(AdversarialCitation).max(2),
    label: z.enum(['faithful', 'faulty']),
    rationale: oneLine('rationale').refine((s) => s.length >= 15, 'rationale must say why'),
  })
  .strict();
export type AdversarialCase = z.infer<typeof AdversarialCase>;

/** Parse the JSONL text; a line that is not valid JSON or not a valid case is reported with its line number. */
export function parseCases(text: string): { cases: AdversarialCase[]; problems: string[] } {
  const cases: AdversarialCase[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      problems.push(`line ${index + 1}: not JSON (${(err as Error).message})`);
      return;
    }
    const parsed = AdversarialCase.safeParse(raw);
    if (parsed.success) cases.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      problems.push(`line ${index + 1}: ${issue.path.join('.') || '(case)'}: ${issue.message}`);
    }
  });
  return { cases, problems };
}

/** Read and parse the case file; throws when any line is invalid. */
export async function loadCases(path = CASES_FILE): Promise<AdversarialCase[]> {
  const { cases, problems } = parseCases(await readFile(path, 'utf8'));
  if (problems.length > 0) throw new Error(`invalid cases in ${path}:\n${problems.join('\n')}`);
  return cases;
}

// NOTE: only these three markers elide; none of them occurs in the cited documents, so a quote that contains one
// is unambiguous. A plain «...» is not accepted: it reads as the writer's own punctuation.
const ELISION = /\s*(?:\[…\]|\(…\)|…)\s*/;

/** The verbatim pieces of a quote, in order. */
export function quotePieces(quote: string): string[] {
  return quote
    .split(ELISION)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Whether all pieces occur in `text` in order, without overlapping. */
export function piecesInOrder(text: string, pieces: string[]): boolean {
  let from = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

/**
 * Problems with one case against the ingested documents (empty when it is valid): every verbatim quote (or all its
 * elided pieces, in order) lies inside one passage of the cited document; an altered quote has a `passageContains`
 * that does lie in a passage, while the quote itself does not.
 * @example checkCase(c, await loadAdversarialDocuments()) // []
 */
export function checkCase(c: AdversarialCase, docs: ReadonlyMap<string, IngestedDocument>): string[] {
  const problems: string[] = [];
  c.citations.forEach((cit, i) => {
    const where = `${c.id} citation ${i + 1}`;
    const doc = docs.get(cit.document);
    if (!doc) {
      problems.push(`${where}: unknown document «${cit.document}»`);
      return;
    }
    const pieces = quotePieces(cit.quote);
    if (pieces.length === 0) {
      problems.push(`${where}: the quote has no verbatim text`);
      return;
    }
    const verbatimIn = doc.passages.find((p) => piecesInOrder(p.text, pieces));
    if (cit.passageContains === undefined) {
      if (!verbatimIn) {
        const missing = pieces.find((piece) => !doc.text.includes(piece));
        problems.push(
          missing
            ? `${where}: not in ${cit.document}: «${missing}»`
            : `${where}: the pieces are in ${cit.document} but not in order within one passage`,
        );
      }
    } else {
      if (!doc.passages.some((p) => p.text.includes(cit.passageContains as string)))
        problems.push(`${where}: passageContains is not in any passage of ${cit.document}: «${cit.passageContains}»`);
      if (verbatimIn) problems.push(`${where}: the quote is verbatim, so it needs no passageContains`);
    }
  });
  if (c.citations.length === 0 && c.label === 'faithful' && /\d/.test(c.sentence))
    problems.push(`${c.id}: an uncited sentence with a number cannot be faithful`);
  return problems;
}

/** Problems across the whole set: each case's own, plus duplicate ids. */
export function checkCases(cases: readonly AdversarialCase[], docs: ReadonlyMap<string, IngestedDocument>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) problems.push(`${c.id}: duplicate id`);
    seen.add(c.id);
    problems.push(...checkCase(c, docs));
  }
  return problems;
}

/** Cases per category and label, for the report. */
export function countByCategory(cases: readonly AdversarialCase[]): Map<string, { faithful: number; faulty: number }> {
  const counts = new Map<string, { faithful: number; faulty: number }>();
  for (const c of cases) {
    const row = counts.get(c.category) ?? { faithful: 0, faulty: 0 };
    row[c.label]++;
    counts.set(c.category, row);
  }
  return counts;
}
