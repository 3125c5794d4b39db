/**
 * The decision on hand-made hits over a hand-made corpus: one passage must cover the question, not the hits
 * between them.
 */
import { describe, expect, it } from 'vitest';
import { assessRelevance } from '../../src/draft/relevance.js';
import { CORPUS, hit } from './relevanceFixture.js';

describe('assessRelevance', () => {
  it('answers when one passage covers the question’s words', () => {
    const r = assessRelevance('Bør kommunene få bedre bredbånd?', [hit('Kommunene må få bedre bredbånd.')], CORPUS);
    expect(r.relevant).toBe(true);
    expect(r.coverage).toBe(1);
  });

  it('does not answer when the words are only found spread over several passages', () => {
    const q = 'Bør kommunene sikre personvern og finansiering av bredbånd?';
    const spread = ['Kommunene.', 'Personvern.', 'Finansiering.', 'Bredbånd.'].map((t) => hit(t));
    const r = assessRelevance(q, spread, CORPUS);
    expect(r.missing).toEqual([]);
    expect(r.relevant).toBe(false);
    const one = assessRelevance(q, [hit('Kommunene må sikre personvern og finansiering av bredbånd.')], CORPUS);
    expect(one.relevant).toBe(true);
  });

  it('counts a synonym as the word («kurs» answered by «opplæring»)', () => {
    const r = assessRelevance('Bør ansatte få kurs?', [hit('Ansatte må få opplæring.')], CORPUS);
    expect(r.missing).toEqual([]);
    expect(r.relevant).toBe(true);
  });

  it('abstains on a rare topic word of the corpus that no hit uses, whatever the vector says', () => {
    const r = assessRelevance(
      'Bør offentlig sektor utvikle språkmodeller?',
      [hit('Offentlig sektor bør utvikle tjenester.', 0.9)],
      CORPUS,
    );
    expect(r.absentTopic).toBe('språkmodeller');
    expect(r.relevant).toBe(false);
  });

  it('leaves the topic check out for the introduction, whose query is a whole consultation', () => {
    const r = assessRelevance(
      'Bør offentlig sektor utvikle språkmodeller?',
      [hit('Offentlig sektor bør utvikle tjenester.')],
      CORPUS,
      {
        coverageNeeded: false,
      },
    );
    expect(r.absentTopic).toBeNull();
    expect(r.relevant).toBe(true);
  });
});
