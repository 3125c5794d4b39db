/**
 * The ministry's request frame names who asks, not what about: a question that says «departementene»,
 * «direktoratet» or «høringsnotatet» (in other inflections and Nynorsk too) is covered by a passage on its topic
 * alone, as the same question without the frame is. Before these words were frame words, each one counted as a
 * topic word the passage lacks (coverage 0.26–0.58, some questions ≈ instead of answered).
 */
import { describe, expect, it } from 'vitest';
import { assessRelevance } from '../../src/draft/relevance.js';
import { CORPUS, hit } from './relevanceFixture.js';

const PASSAGE = hit('Kommunene må få bedre bredbånd.');

const QUESTIONS = [
  'Hva mener departementene bør gjøres med bredbånd i kommunene?',
  'Hva mener departementer og kommunene om bedre bredbånd?',
  'Departementets høringsnotat ber om synspunkt: bør kommunene få bedre bredbånd?',
  'Departementenes høringsnotater ber om innspill: bør kommunene få bedre bredbånd?',
  'Direktoratet ber om synspunkter: bør kommunene få bedre bredbånd?',
  'Hva mener direktoratene om bedre bredbånd i kommunene?',
  'Direktoratets høringsnotatet ber om innspill: bør kommunene få bedre bredbånd?',
  'Kva meiner departementa og direktorata om bedre bredbånd i kommunene?',
  'Høyringsnotatet og høyringsnotata ber om innspel: bør kommunene få bedre bredbånd?',
];

describe('the request frame', () => {
  it('a word the passage lacks lowers coverage (so the check below can fail)', () => {
    expect(assessRelevance('Bør kommunene få bedre bredbånd?', [PASSAGE], CORPUS).coverage).toBe(1);
    const r = assessRelevance('Bør kommunene få bedre bredbånd i fiskeoppdrettene?', [PASSAGE], CORPUS);
    expect(r.missing).toEqual(['fiskeoppdrettene']);
    expect(r.coverage).toBeLessThan(1);
  });

  it.each(QUESTIONS)('«%s» is answered, fully covered', (question) => {
    const r = assessRelevance(question, [PASSAGE], CORPUS);
    expect(r.missing).toEqual([]);
    expect(r.coverage).toBe(1);
    expect(r.outcome).toBe('answered');
  });
});
