/**
 * The abstention eval set (evals/cases/abstention.jsonl) is valid against the seed corpus as ingest stores it:
 * every line parses, every gold snippet is verbatim in its document, every gold document belongs to the asked
 * organisation, ids are unique — and the set keeps the make-up the eval relies on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS, checkCase, checkCases, parseCases, type AbstentionCase } from '../../evals/abstention/cases.js';
import { loadCleanedCorpus, type CleanedDocument } from '../../evals/abstention/corpus.js';
import { describeAbstentionSet } from './abstentionSet.js';

let corpus: CleanedDocument[];

beforeAll(async () => {
  corpus = await loadCleanedCorpus();
});

describeAbstentionSet('abstention.jsonl', 'ab-', ({ cases }) => {
  it('has at least 220 cases, about half answerable, at least a quarter in Nynorsk', () => {
    expect(cases().length).toBeGreaterThanOrEqual(220);
    const answerable = cases().filter((c) => c.answerable).length / cases().length;
    expect(answerable).toBeGreaterThan(0.4);
    expect(answerable).toBeLessThan(0.6);
    expect(cases().filter((c) => c.language === 'nn').length / cases().length).toBeGreaterThanOrEqual(0.25);
  });

  it('covers every kind with many cases', () => {
    for (const kind of CASE_KINDS)
      expect(cases().filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(20);
  });

  it('keeps issue 17’s cases with their labels', () => {
    const label = (question: string, organisation: string) =>
      cases().find((c) => c.question === question && c.organisation === organisation)?.answerable;
    expect(label('Bør IKT driftes i egen regi?', 'Fagforbundet')).toBe(true);
    expect(label('Korleis bør kommunane auke den digitale kompetansen til dei tilsette?', 'Fagforbundet')).toBe(true);
    expect(label('Hvordan bør fiskekvotene fordeles?', 'Fagforbundet')).toBe(false);
  });
});

describe('checkCase', () => {
  const valid = (): AbstentionCase => ({
    id: 'ab-999',
    question: 'Bør IKT driftes i egen regi?',
    organisation: 'Fagforbundet',
    language: 'nb',
    kind: 'no_shared_words',
    answerable: true,
    gold: {
      document: 'fagforbundet-innspill-digitaliseringsstrategi-2023',
      contains: 'drives av egne ansatte, framfor ved innleie av konsulenter',
    },
    rationale: 'a test case',
  });

  it('accepts a verbatim snippet from the organisation’s own document', () => {
    expect(checkCase(valid(), corpus)).toEqual([]);
  });

  it('rejects a snippet that is not verbatim in the cleaned text', () => {
    const c = {
      ...valid(),
      gold: { ...valid().gold!, contains: 'drives av egne ansatte framfor innleie av konsulenter' },
    };
    expect(checkCase(c, corpus).join()).toMatch(/not verbatim/);
  });

  it('rejects a gold document that belongs to another organisation', () => {
    const c = { ...valid(), organisation: 'KS' };
    expect(checkCase(c, corpus).join()).toMatch(/belongs to Fagforbundet, not KS/);
  });

  it('rejects an unknown document and an organisation with no documents', () => {
    expect(
      checkCase({ ...valid(), gold: { document: 'finnes-ikke', contains: 'drives av egne ansatte' } }, corpus).join(),
    ).toMatch(/not in the corpus/);
    expect(checkCase({ ...valid(), organisation: 'Unio', answerable: false, gold: null }, corpus).join()).toMatch(
      /no document belongs/,
    );
  });

  it('reports a duplicate id across the set', () => {
    const other = { ...valid(), question: 'Bør IKT driftast i eigen regi?', language: 'nn' as const };
    expect(checkCases([valid(), other], corpus)).toEqual(['ab-999: id is used more than once']);
  });
});

describe('parseCases', () => {
  it('reports the line of a case whose label and gold disagree, and of a line that is not JSON', () => {
    const unanswerableWithGold = JSON.stringify({
      id: 'ab-001',
      question: 'Hvordan bør fiskekvotene fordeles?',
      organisation: 'NTL',
      language: 'nb',
      kind: 'off_topic_far',
      answerable: false,
      gold: { document: 'ntl-prinsipprogram-2019', contains: 'Statlige virksomheter' },
      rationale: 'wrong on purpose',
    });
    const { cases: parsed, errors } = parseCases(`${unanswerableWithGold}\n\n{not json\n`);
    expect(parsed).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([1, 3]);
    expect(errors[0].message).toMatch(/^gold:/);
  });
});
