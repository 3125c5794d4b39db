/**
 * Issue 17, third round: a question that says what a passage says in other words of the register («datasystemer»
 * for «IKT-systemer», «tillitsvalgte» for «ansattes representanter») uses that passage's words through the synonym
 * lexicon (src/text/data/synonyms.tsv), so the word is not counted missing.
 */
import { describe, expect, it } from 'vitest';
import { assessRelevance } from '../../src/draft/relevance.js';
import { CORPUS, hit } from './relevanceFixture.js';

describe('a paraphrase in words of the register', () => {
  it.each([
    ['Bør kommunene eie datasystemene sine?', 'Kommunene bør eie IKT-systemene sine.', 'datasystemene'],
    ['Når bør tillitsvalgte trekkes inn?', 'De ansattes representanter bør trekkes inn tidlig.', 'tillitsvalgte'],
    ['Hvordan bør nettløsninger utformes?', 'Digitale tjenester må være universelt utformet.', 'nettløsninger'],
    ['Bør datasikkerheten styrkes?', 'Informasjonssikkerheten må styrkes.', 'datasikkerheten'],
  ])('«%s» uses «%s»', (question, passage, word) => {
    const r = assessRelevance(question, [hit(passage)], CORPUS);
    expect(r.missing).not.toContain(word);
    expect(r.outcome).not.toBe('none');
  });

  it('is no answer when the topic is another: «Bør kommunene eie fiskekvotene?» stays unanswered', () => {
    const r = assessRelevance(
      'Bør kommunene eie fiskekvotene sine?',
      [hit('Kommunene bør eie IKT-systemene sine.')],
      CORPUS,
    );
    expect(r.missing).toContain('fiskekvotene');
    expect(r.outcome).not.toBe('answered');
  });
});
