/**
 * Issue 17, fifth round (the second blind set opened): a compound the corpus never writes whole, known only by its
 * parts, is no other organisation's topic when the hits use its head — the question asks about a kind of what the
 * organisation speaks of («helsefagarbeider» of one that speaks of «ansatte»). Corpus and questions written here.
 */
import { describe, expect, it } from 'vitest';
import { assessRelevance } from '../../src/draft/relevance.js';
import { corpusStats } from '../../src/draft/vocabulary.js';
import { hit } from './relevanceFixture.js';

const CORPUS = corpusStats([
  'Sykehusene mangler senger og utstyr.',
  'Ansatte må få opplæring og omskolering når jobben endres.',
  'Skolen trenger flere lærere og nye bøker.',
  'Kommunen bør bygge ut bredbånd i hele fylket.',
  'Vegene i fylket må vedlikeholdes bedre.',
  'Biblioteket bør holde åpent om kvelden.',
]);

describe('a compound known only by its parts', () => {
  it('is no absent topic when a hit uses its head: uncertain, not «Vi har ikke …»', () => {
    const r = assessRelevance(
      'Hva bør sykehusansatte få når jobben blir en annen?',
      [hit('Ansatte må få opplæring og omskolering når jobben endres.', 0.2)],
      CORPUS,
    );
    expect(r.absentTopic).toBeNull();
    expect(r.outcome).not.toBe('none');
  });

  it('is still the absent topic when no hit uses its head either', () => {
    const r = assessRelevance(
      'Hva bør sykehusansatte få av utstyr?',
      [hit('Skolen trenger flere lærere og nye bøker.', 0.2)],
      CORPUS,
    );
    expect(r.absentTopic).toBe('sykehusansatte');
    expect(r.outcome).toBe('none');
  });

  it('a word the corpus writes whole stays a topic however its head is used', () => {
    const r = assessRelevance(
      'Hva mener dere om sykehusene?',
      [hit('Ansatte må få opplæring og omskolering når jobben endres.', 0.2)],
      CORPUS,
    );
    expect(r.absentTopic).toBe('sykehusene');
  });
});
