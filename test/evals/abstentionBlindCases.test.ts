/**
 * The blind abstention set (evals/cases/abstention-blind.jsonl): written without reading the drafting or retrieval
 * code. Every gold snippet is verbatim in its organisation's own document, ids are abb- and unique, and the set
 * has the make-up the brief asks for (≥ 120 pairs, about 30 % Nynorsk or more, every kind, every organisation
 * asked both ways).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS, checkCases, loadCases, parseCases, type AbstentionCase } from '../../evals/abstention/cases.js';
import { loadCleanedCorpus, type CleanedDocument } from '../../evals/abstention/corpus.js';
import { halfOf } from '../../evals/abstention/run.js';

const FILE = fileURLToPath(new URL('../../evals/cases/abstention-blind.jsonl', import.meta.url));
let corpus: CleanedDocument[];
let cases: AbstentionCase[];

beforeAll(async () => {
  corpus = await loadCleanedCorpus();
  const loaded = await loadCases(FILE);
  expect(loaded.errors).toEqual([]);
  cases = loaded.cases;
});

describe('evals/cases/abstention-blind.jsonl', () => {
  it('has no invalid case, and only abb- ids', () => {
    expect(checkCases(cases, corpus)).toEqual([]);
    expect(cases.filter((c) => !c.id.startsWith('abb-')).map((c) => c.id)).toEqual([]);
  });

  it('has at least 120 pairs, at least 30 % Nynorsk, between 40 and 65 % answerable', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(cases.filter((c) => c.language === 'nn').length / cases.length).toBeGreaterThanOrEqual(0.3);
    const answerable = cases.filter((c) => c.answerable).length / cases.length;
    expect(answerable).toBeGreaterThan(0.4);
    expect(answerable).toBeLessThan(0.65);
  });

  it('covers every kind; the never-answerable kinds are never answerable', () => {
    for (const kind of CASE_KINDS) expect(cases.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
    const never = cases.filter((c) => ['off_topic_near', 'off_topic_far', 'other_organisation'].includes(c.kind));
    expect(never.filter((c) => c.answerable).map((c) => c.id)).toEqual([]);
  });

  it('asks every organisation both answerable and unanswerable questions', () => {
    for (const organisation of new Set(corpus.map((d) => d.meta.organisation))) {
      const asked = cases.filter((c) => c.organisation === organisation);
      expect(
        asked.some((c) => c.answerable),
        organisation,
      ).toBe(true);
      expect(
        asked.some((c) => !c.answerable),
        organisation,
      ).toBe(true);
    }
  });

  it('splits abb- ids into dev (odd) and held-out (even) halves by their digits', () => {
    expect(halfOf({ id: 'abb-001' })).toBe('dev');
    expect(halfOf({ id: 'abb-002' })).toBe('held-out');
    expect(cases.filter((c) => halfOf(c) === 'dev').length).toBe(Math.ceil(cases.length / 2));
  });

  it('rejects a label without gold, a bad id, and a gold snippet that is not verbatim', () => {
    const good = cases.find((c) => c.answerable)!;
    const noGold = JSON.stringify({ ...good, gold: null });
    const badId = JSON.stringify({ ...good, id: 'abx-001' });
    const { errors } = parseCases(`${noGold}\n${badId}\n`);
    expect(errors.map((e) => e.line)).toEqual([1, 2]);
    expect(errors[0].message).toMatch(/^gold:/);
    const drifted = { ...good, gold: { ...good.gold!, contains: `${good.gold!.contains} og mer` } };
    expect(checkCases([drifted], corpus).join()).toMatch(/not verbatim/);
  });
});
