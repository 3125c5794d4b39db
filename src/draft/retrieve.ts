/**
 * Retrieval for one part of a draft or one question to answer: hybrid search, filtered to the organisation
 * unless other organisations may be cited, then the relevance decision and the passages offered as sources.
 */
import type { QueryEmbedder, SearchHit } from '../retrieve/search.js';
import { search } from '../retrieve/search.js';
import type { Queryable } from '../store/db.js';
import type { SourcePassage } from '../llm/types.js';
import type { PositionJudge } from '../llm/positionJudge.js';
import type { Logger } from '../log.js';
import { POSITION_KINDS } from '../domain/documents.js';
import { assessRelevance, RELEVANCE, type Relevance } from './relevance.js';
import type { CorpusVocabulary } from './vocabulary.js';

export interface RetrievalDeps {
  db: Queryable;
  embedder: QueryEmbedder;
  vocabulary: CorpusVocabulary;
  /** Overrides the measured vector cut-off (DRAFT_MIN_RELEVANCE). */
  minRelevance?: number;
  /** With a model configured: decides the `uncertain` band (yes → answered, no → none; a failure leaves it). */
  positionJudge?: PositionJudge;
  logger?: Logger;
}

export interface Retrieved {
  hits: SearchHit[];
  relevance: Relevance;
  /** Relevant passages offered to the drafter, best first; empty when the outcome is `none`. */
  sources: SourcePassage[];
  /** id@version of the position judge's prompt when it was asked. */
  promptRefs: string[];
}

/**
 * @example await retrieveSources(deps, { query: 'Hvordan bør fiskekvotene fordeles?', organisation: 'Fagforbundet' })
 *   // → { relevance: { outcome: 'none', … }, sources: [] }
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
  const sources =
    relevance.outcome !== 'none'
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
  if (relevance.outcome !== 'uncertain' || !deps.positionJudge || !organisation)
    return { hits, relevance, sources, promptRefs: [] };
  const decided = await askModel(deps.positionJudge, { question: query, organisation, sources }, deps.logger);
  return {
    hits,
    relevance: { ...relevance, ...decided, relevant: decided.outcome === 'answered' },
    sources: decided.outcome === 'none' ? [] : sources,
    promptRefs: [deps.positionJudge.promptRef],
  };
}

/**
 * The model's answer on the uncertain band: yes → answered, no → none, unclear or any failure (timeout, refusal,
 * bad JSON, breaker open) → still uncertain, so the section is drafted and marked for review as offline.
 */
async function askModel(
  judge: PositionJudge,
  { question, organisation, sources }: { question: string; organisation: string; sources: SourcePassage[] },
  logger?: Logger,
): Promise<Pick<Relevance, 'outcome' | 'judge'>> {
  try {
    const { answer, reason } = await judge.judge({
      question,
      organisation,
      passages: sources.map((s) => ({ id: s.id, title: s.title, text: s.text })),
    });
    const outcome = answer === 'yes' ? 'answered' : answer === 'no' ? 'none' : 'uncertain';
    return { outcome, judge: { answer, reason } };
  } catch (err) {
    logger?.warn({ err: (err as Error).message }, 'position judge failed; the section stays uncertain');
    return { outcome: 'uncertain', judge: { error: (err as Error).message } };
  }
}
