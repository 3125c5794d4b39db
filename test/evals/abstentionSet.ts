/**
 * The validity checks every abstention set shares (issue 17): every line parses, every case is valid against the
 * seed corpus as ingest stores it (gold snippets verbatim in the asked organisation's own document), its ids carry
 * the set's prefix and are unique across every abstention case file in evals/cases, and every organisation in the
 * corpus is asked both answerable and unanswerable questions. A set's own test adds what is particular to it.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCases, loadCases, parseCases, type AbstentionCase } from '../../evals/abstention/cases.js';
import { loadCleanedCorpus, type CleanedDocument } from '../../evals/abstention/corpus.js';

const CASES_DIR = fileURLToPath(new URL('../../evals/cases/', import.meta.url));

export interface AbstentionSet {
  /** All cases of the set, after the shared checks' beforeAll. */
  cases: () => AbstentionCase[];
  /** The seed corpus as ingest stores it. */
  corpus: () => CleanedDocument[];
}

/** The kinds of question no organisation ever answers. */
export const NEVER_ANSWERABLE = ['off_topic_near', 'off_topic_far', 'other_organisation'];

/**
 * Describe `file` (a name in evals/cases) as a valid abstention set whose ids start with `prefix`; `more` adds the
 * set's own tests inside the same describe.
 * @example describeAbstentionSet('abstention2.jsonl', 'abc-', ({ cases }) => it('…', () => …))
 */
export function describeAbstentionSet(
  file: string,
  prefix: string,
  more: (set: AbstentionSet) => void = () => undefined,
): void {
  let corpus: CleanedDocument[] = [];
  let cases: AbstentionCase[] = [];
  let others: AbstentionCase[] = [];
  beforeAll(async () => {
    const otherFiles = readdirSync(CASES_DIR).filter((f) => /^abstention.*\.jsonl$/.test(f) && f !== file);
    const [c, mine, ...rest] = await Promise.all([
      loadCleanedCorpus(),
      loadCases(CASES_DIR + file),
      ...otherFiles.map((f) => loadCases(CASES_DIR + f)),
    ]);
    expect(mine.errors).toEqual([]);
    corpus = c;
    cases = mine.cases;
    others = rest.flatMap((r) => r.cases);
  });

  describe(`evals/cases/${file}`, () => {
    it(`has no invalid case, only ${prefix} ids, none used by another abstention set`, () => {
      expect(checkCases(cases, corpus)).toEqual([]);
      expect(cases.filter((c) => !c.id.startsWith(prefix)).map((c) => c.id)).toEqual([]);
      const ids = new Set(others.map((c) => c.id));
      expect(cases.filter((c) => ids.has(c.id)).map((c) => c.id)).toEqual([]);
    });

    it('never labels a never-answerable kind answerable, and asks every organisation both ways', () => {
      const never = cases.filter((c) => NEVER_ANSWERABLE.includes(c.kind));
      expect(never.filter((c) => c.answerable).map((c) => c.id)).toEqual([]);
      for (const organisation of new Set(corpus.map((d) => d.meta.organisation))) {
        const asked = cases.filter((c) => c.organisation === organisation);
        expect(
          asked.some((c) => c.answerable),
          `${organisation} answerable`,
        ).toBe(true);
        expect(
          asked.some((c) => !c.answerable),
          `${organisation} unanswerable`,
        ).toBe(true);
      }
    });

    it('rejects its own cases corrupted: a label without gold, a bad id, a snippet not verbatim, another organisation’s gold', () => {
      const good = cases.find((c) => c.answerable)!;
      const { errors } = parseCases(
        `${JSON.stringify({ ...good, gold: null })}\n${JSON.stringify({ ...good, id: 'abx-001' })}\n`,
      );
      expect(errors.map((e) => e.line)).toEqual([1, 2]);
      expect(errors[0].message).toMatch(/^gold:/);
      const drifted = { ...good, gold: { ...good.gold!, contains: `${good.gold!.contains} og mer` } };
      expect(checkCases([drifted], corpus).join()).toMatch(/not verbatim/);
      const other = corpus.find((d) => d.meta.organisation !== good.organisation)!;
      const misfiled = { ...good, gold: { document: other.meta.id, contains: other.text.slice(0, 40) } };
      expect(checkCases([misfiled], corpus).join()).toMatch(/belongs to/);
    });

    more({ cases: () => cases, corpus: () => corpus });
  });
}
