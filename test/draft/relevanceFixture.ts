/** Hand-made search hits over a hand-made corpus, for the relevance decision's unit tests. */
import { corpusStats } from '../../src/draft/vocabulary.js';
import type { SearchHit } from '../../src/retrieve/search.js';

/** One hit whose passage is `text`, at cosine similarity `vector`. */
export function hit(text: string, vector = 0.3): SearchHit {
  return {
    passage: {
      id: text,
      documentId: 'd',
      ordinal: 0,
      text,
      start: 0,
      end: text.length,
      headingPath: [],
      page: null,
      anchor: null,
      contentHash: 'x',
      document: {
        id: 'd',
        organisation: 'Org',
        title: 't',
        kind: 'statement',
        date: '2024',
        language: 'nb',
        format: 'text',
        contentHash: 'x',
        passageCount: 1,
        createdAt: '2024-01-01T00:00:00Z',
        updatedAt: '2024-01-01T00:00:00Z',
      },
    },
    scores: { fused: 1, vector, vectorRank: 1, text: 1, textRank: 1 },
  };
}

export const CORPUS = corpusStats([
  'Kommunene trenger bedre bredbånd og mobildekning.',
  'Språkmodeller bør utvikles på norsk for offentlig sektor.',
  'Ansatte må få opplæring i digitale verktøy.',
  'Staten bør eie sine fagsystemer.',
  'Digitale tjenester må være universelt utformet.',
  'Personvern må sikres i offentlige tjenester.',
  'Kommunene trenger forutsigbar finansiering.',
  'Det offentlige bør bruke åpne standarder.',
]);

/**
 * CORPUS's passages and 60 more on «offentlige tjenester og digitale løsninger»: those four words are common here
 * (no topic), the rest stay rare, as in a real organisation's documents.
 */
export const LARGE_CORPUS = corpusStats([
  'Kommunene trenger bedre bredbånd og mobildekning.',
  'Språkmodeller bør utvikles på norsk for offentlig sektor.',
  'Ansatte må få opplæring i digitale verktøy.',
  'Staten bør eie sine fagsystemer.',
  'Digitale tjenester må være universelt utformet.',
  'Personvern må sikres i offentlige tjenester.',
  'Kommunene trenger forutsigbar finansiering.',
  'Det offentlige bør bruke åpne standarder.',
  ...Array.from({ length: 60 }, () => 'Offentlige tjenester og digitale løsninger.'),
]);
