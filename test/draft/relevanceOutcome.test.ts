/**
 * Issue 17's three outcomes on hand-made hits over a hand-made corpus: `answered` (confident yes, drafted),
 * `none` (confident no: «Vi har ikke tidligere uttalt oss om dette.»), and `uncertain` in between (drafted, every
 * sentence marked ≈). The cut-offs were chosen on the abstention set's dev half (src/draft/relevance.ts).
 */
import { describe, expect, it } from 'vitest';
import { assessRelevance, RELEVANCE } from '../../src/draft/relevance.js';
import type { SearchHit } from '../../src/retrieve/search.js';
import { CORPUS, hit } from './relevanceFixture.js';

const assess = (q: string, hits: SearchHit[], opts?: Parameters<typeof assessRelevance>[3]) =>
  assessRelevance(q, hits, CORPUS, opts);

describe('the three outcomes of the relevance decision', () => {
  it('answered: one passage covers the question’s words', () => {
    // (A topic word the corpus never uses, «… i fjellbygdene», would make it uncertain: relevanceSelective.test.ts.)
    const r = assess('Bør kommunene få bedre bredbånd og mobildekning?', [hit('Kommunene trenger bedre bredbånd.')]);
    expect(r.outcome).toBe('answered');
    expect(r.relevant).toBe(true);
  });

  it('none: no hit uses any of the question’s words, or there is no hit at all', () => {
    const r = assess('Hvordan bør fiskekvotene fordeles?', [hit('Kommunene trenger bedre bredbånd og mobildekning.')]);
    expect(r.coverage).toBeLessThan(RELEVANCE.noneBelowCoverage);
    expect(r.outcome).toBe('none');
    expect(r.relevant).toBe(false);
    expect(assess('Bør kommunene få bedre bredbånd?', []).outcome).toBe('none');
  });

  it('uncertain: some of the question’s words, too few to answer and too many to say nothing', () => {
    const r = assess('Bør ansatte i barnehagene få bedre lønn?', [hit('Ansatte må få opplæring i digitale verktøy.')]);
    expect(r.coverage).toBeGreaterThanOrEqual(RELEVANCE.noneBelowCoverage);
    expect(r.coverage).toBeLessThan(RELEVANCE.minCoverage);
    expect(r.outcome).toBe('uncertain');
    expect(r.relevant).toBe(false);
  });

  it('a rare topic word no hit uses: none when little else is covered, uncertain when the rest is', () => {
    const low = assess('Bør språkmodeller brukes i barnehagen?', [hit('Ansatte må få opplæring i digitale verktøy.')]);
    expect(low.absentTopic).toBe('språkmodeller');
    expect(low.outcome).toBe('none');
    // «offentlig sektor utvikle» is all there, only the topic is not: a reader decides, it is never answered.
    const high = assess('Bør offentlig sektor utvikle språkmodeller?', [
      hit('Offentlig sektor bør utvikle tjenester.', 0.9),
    ]);
    expect(high.absentTopic).toBe('språkmodeller');
    expect(high.coverage).toBeGreaterThanOrEqual(RELEVANCE.noneBelowCoverageAbsentTopic);
    expect(high.outcome).toBe('uncertain');
  });

  it('the introduction (no coverage needed) is answered or none, never uncertain', () => {
    const opts = { coverageNeeded: false };
    expect(assess('Bør ansatte i barnehagene få bedre lønn?', [hit('Ansatte må få opplæring.')], opts).outcome).toBe(
      'answered',
    );
    expect(
      assess('Bør ansatte i barnehagene få bedre lønn?', [hit('Ansatte må få opplæring.', 0.01)], opts).outcome,
    ).toBe('none');
  });
});
