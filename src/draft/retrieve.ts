/**
 * Retrieval for one part of a draft or one question to answer: hybrid search, filtered to the organisation
 * unless other organisations may be cited, then the relevance decision and the passages offered as sources.
 */
import type { QueryEmbedder, SearchHit } from '../retrieve/search.js';
import { search } from '../retrieve/search.js';
import type { Queryable } from '../store/db.js';
import type { SourcePassage } from '../llm/types.js';
import { POSITION_KINDS } from '../domain/documents.js';
import { assessRelevance, RELEVANCE, type Relevance } from './relevance.js';
import type { CorpusVocabulary } from './vocabulary.js';

export interface RetrievalDeps {
  db: Queryable;
  embedder: QueryEmbedder;
  vocabulary: CorpusVocabulary;
  /** Overrides the measured vector cut-off (DRAFT_MIN_RELEVANCE). */
  minRelevance?: number;
}

export interface Retrieved {
  hits: SearchHit[];
  relevance: Relevance;
  /** Relevant passages offered to the drafter, best first; empty when nothing is relevant. */
  sources: SourcePassage[];
}

/**
 * @example await retrieveSources(deps, { query: 'Hvordan bør fiskekvotene fordeles?', organisation: 'Fagforbundet' })
 *   // → { relevance: { relevant: false, … }, sources: [] }
 */
export async function retrieveSources(
  deps: RetrievalDeps,
  {
    query,
    organisation,
    allowOthers = false,
    k = 8,
    maxSources = 6,
    coverageNeeded = true,
  }: {
    query: string;
    organisation?: string;
    allowOthers?: boolean;
    k?: number;
    maxSources?: number;
    /** False for the introduction: its query is the whole consultation text, whose words no passage covers. */
    coverageNeeded?: boolean;
  },
): Promise<Retrieved> {
  const hits = await search(deps.db, deps.embedder, {
    query,
    k,
    organisations: organisation && !allowOthers ? [organisation] : undefined,
    // A consultation is the issuer's text, never a position of the organisation (or of anyone it may cite).
    kinds: POSITION_KINDS,
  });
  const minVector = deps.minRelevance ?? RELEVANCE.minVector;
  const names = [organisation, ...hits.map((h) => h.passage.document.organisation)].filter((n): n is string => !!n);
  const relevance = assessRelevance(query, hits, await deps.vocabulary.get(), { minVector, coverageNeeded, names });
  const sources = relevance.relevant
    ? hits
        // NOTE: a passage the full-text leg ranks near the top (it uses the question's own words) stays in even
        // when the local embedder scores it low.
        .filter((h, i) => i === 0 || (h.scores.vector ?? 0) >= minVector || (h.scores.textRank ?? Infinity) <= 3)
        .slice(0, maxSources)
        .map((h) => ({
          id: h.passage.id,
          text: h.passage.text,
          title: h.passage.document.title,
          organisation: h.passage.document.organisation,
          date: h.passage.document.date,
          score: h.scores.vector ?? 0,
        }))
    : [];
  return { hits, relevance, sources };
}
