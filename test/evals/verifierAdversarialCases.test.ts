import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../src/domain/types.js';
import {
  type AdversarialCase,
  checkCase,
  checkCases,
  countByCategory,
  loadCases,
  parseCases,
  quotePieces,
} from '../../evals/verifier/adversarial/cases.js';
import { loadAdversarialDocuments } from '../../evals/verifier/adversarial/texts.js';

let docs: Map<string, IngestedDocument>;
let cases: AdversarialCase[];

beforeAll(async () => {
  // The same ingest as `npm run ingest`: the seeds with their metadata.yaml, the statutes by their own headers.
  [docs, cases] = await Promise.all([loadAdversarialDocuments(), loadCases()]);
});

describe('the hand-written adversarial verifier cases', () => {
  it('quote the stored text of the documents they cite, and have unique ids', () => {
    expect(checkCases(cases, docs)).toEqual([]);
  });

  it('cite only documents the seeds and chosen statutes provide', () => {
    expect([...docs.keys()]).toEqual(
      expect.arrayContaining([
        'ntl-prinsipprogram-2019',
        'fagforbundet-uttalelse-2024',
        'nl-19990326-017',
        'nl-20030606-039',
      ]),
    );
    const cited = new Set(cases.flatMap((c) => c.citations.map((cit) => cit.document)));
    expect([...cited].filter((id) => !docs.has(id))).toEqual([]);
  });

  it('are at least 320, over at least 16 categories of at least 12 cases each, roughly half faithful', () => {
    expect(cases.length).toBeGreaterThanOrEqual(320);
    const counts = countByCategory(cases);
    expect(counts.size).toBeGreaterThanOrEqual(16);
    for (const [category, { faithful, faulty }] of counts) {
      expect(faithful + faulty, category).toBeGreaterThanOrEqual(12);
      // Each category pairs its traps with controls done right.
      expect(faithful, category).toBeGreaterThan(0);
      expect(faulty, category).toBeGreaterThan(0);
    }
    const faithful = cases.filter((c) => c.label === 'faithful').length / cases.length;
    expect(faithful).toBeGreaterThan(0.35);
    expect(faithful).toBeLessThan(0.65);
  });
});

describe('checkCase', () => {
  const base: AdversarialCase = {
    id: 'va-900',
    category: 'paraphrase',
    organisation: null,
    sentence: 'Oppsigelse fra utleier må være skriftlig.',
    citations: [{ document: 'nl-19990326-017', quote: 'Oppsigelse fra utleier skal være skriftlig.' }],
    label: 'faithful',
    rationale: 'A test case that is valid as written.',
  };
  const withQuote = (quote: string, passageContains?: string): AdversarialCase => ({
    ...base,
    citations: [{ document: 'nl-19990326-017', quote, ...(passageContains ? { passageContains } : {}) }],
  });

  it('accepts a verbatim quote and elided pieces in order within one passage', () => {
    expect(checkCase(base, docs)).toEqual([]);
    expect(checkCase(withQuote('Leieren kan innen én måned […] protestere skriftlig til utleieren'), docs)).toEqual([]);
  });

  it('rejects a quote that is not in the document, naming the missing text', () => {
    expect(checkCase(withQuote('Oppsigelse fra utleier kan være muntlig.'), docs)).toEqual([
      'va-900 citation 1: not in nl-19990326-017: «Oppsigelse fra utleier kan være muntlig.»',
    ]);
  });

  it('rejects elided pieces out of order, or taken from two passages', () => {
    expect(
      checkCase(withQuote('protestere skriftlig til utleieren (…) Leieren kan innen én måned'), docs),
    ).toHaveLength(1);
    expect(
      checkCase(
        withQuote('Oppsigelse fra utleier skal være skriftlig. … Leieren plikter ikke å overføre leie til utlandet.'),
        docs,
      ),
    ).toEqual(['va-900 citation 1: the pieces are in nl-19990326-017 but not in order within one passage']);
  });

  it('requires an altered quote to be really altered, and its passageContains to be real', () => {
    expect(checkCase(withQuote('Oppsigelse fra utleier kan være muntlig.', 'Oppsigelse fra utleier'), docs)).toEqual(
      [],
    );
    expect(checkCase(withQuote('Oppsigelse fra utleier skal være skriftlig.', 'Oppsigelse fra utleier'), docs)).toEqual(
      ['va-900 citation 1: the quote is verbatim, so it needs no passageContains'],
    );
    expect(
      checkCase(withQuote('Oppsigelse fra utleier kan være muntlig.', 'Oppsigelse fra utleier kan'), docs),
    ).toHaveLength(1);
  });

  it('rejects an unknown document and a duplicate id', () => {
    const unknown = { ...base, citations: [{ document: 'husleieloven', quote: 'x' }] };
    expect(checkCase(unknown, docs)).toEqual(['va-900 citation 1: unknown document «husleieloven»']);
    expect(checkCases([base, base], docs)).toEqual(['va-900: duplicate id']);
  });
});

describe('parseCases and quotePieces', () => {
  it('reports a line that is not a valid case with its line number and field', () => {
    const good = JSON.stringify({
      id: 'va-001',
      category: 'paraphrase',
      organisation: null,
      sentence: 'En setning.',
      citations: [],
      label: 'faithful',
      rationale: 'A courtesy line, nothing to cite.',
    });
    const bad = good.replace('"faithful"', '"supported"');
    const { cases: parsed, problems } = parseCases(`${good}\n\n${bad}\nnot json\n`);
    expect(parsed).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 3: label: /);
    expect(problems[1]).toMatch(/^line 4: not JSON/);
  });

  it('splits a quote at «…», «[…]» and «(…)» but not at «...»', () => {
    expect(quotePieces('a b […] c (…) d … e')).toEqual(['a b', 'c', 'd', 'e']);
    expect(quotePieces('a ... b')).toEqual(['a ... b']);
  });
});
