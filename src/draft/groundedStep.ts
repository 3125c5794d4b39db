/**
 * The one loop drafts and answers share, for one question (a draft's introduction or section, or an adviser's
 * question): retrieve → decide relevance → generate from the relevant passages → verify and repair. Nothing
 * relevant → no model call, and the caller says so in its own words. `pipeline.ts` runs it once per part of a
 * draft, `ask.ts` once per answer; what differs between them (the prompt, the events, how the sentences are laid
 * out) stays with them.
 */
import type { Logger } from '../log.js';
import type { PositionJudge } from '../llm/positionJudge.js';
import { ZERO_USAGE, type GenerationRequest, type LlmProvider, type TokenUsage } from '../llm/types.js';
import type { QueryEmbedder } from '../retrieve/search.js';
import type { Queryable } from '../store/db.js';
import { storePassageSource, type Judge, type PassageSource } from '../verify/index.js';
import { toDraftSentences } from './normalise.js';
import { verifyAndRepair } from './repair.js';
import { retrieveSources, type Retrieved } from './retrieve.js';
import type { DraftSentence, DroppedSentence } from './types.js';
import { corpusVocabulary, type CorpusVocabulary } from './vocabulary.js';

/** What a drafter and an asker are built from (bootstrap/drafting.ts builds it from config and the runtime). */
export interface GroundingDeps {
  db: Queryable;
  embedder: QueryEmbedder;
  provider: LlmProvider;
  /** Where the verifier reads passages; the store by default. */
  source?: PassageSource;
  judge?: Judge;
  logger?: Logger;
  /** DRAFT_MIN_RELEVANCE. */
  minRelevance?: number;
  vocabulary?: CorpusVocabulary;
  /** With a model configured: decides the relevance decision's uncertain band (issue 17). */
  positionJudge?: PositionJudge;
}

export interface GroundedQuestion {
  /** What to retrieve on. */
  query: string;
  /** Who "vi" is; undefined for an answer across all organisations. */
  organisation?: string;
  /** When false, only the organisation's own passages are retrieved and may be cited. */
  allowOthers: boolean;
  /** False for a draft's introduction: its query is the whole consultation text, whose words no passage covers. */
  coverageNeeded?: boolean;
  /**
   * True for a draft's question sections: an `uncertain` relevance outcome is drafted (and the caller marks it for
   * review); otherwise only `answered` is, as before issue 17.
   */
  draftUncertain?: boolean;
  language: 'nb' | 'nn';
  /** The model request for the relevant passages; called only when something relevant was found. */
  request: (retrieved: Retrieved) => GenerationRequest;
  /** id@version of the prompt `request` renders; recorded unless the provider is extractive. */
  promptRef: string;
  /** Overrides the deps' judge for this call (a draft memoises one judge across its parts). */
  judge?: Judge;
  signal?: AbortSignal;
  /** After retrieval, before generation: progress for the caller's own events. */
  onRetrieved?: (retrieved: Retrieved) => void;
  /** Streamed text (Claude, chat), passed through to the provider as given. */
  onText?: (text: string) => void;
}

export interface GroundedText {
  retrieved: Retrieved;
  /** Verified paragraphs; empty when nothing relevant was found or nothing held. */
  paragraphs: DraftSentence[][];
  /** True when the model said there is no recorded position (its line becomes a notice). */
  noPosition: boolean;
  /** Drafted on an `uncertain` relevance outcome: every sentence needs a reader's check. */
  uncertain: boolean;
  /** Sentences past the verifier's limits, then those that failed verification. */
  dropped: DroppedSentence[];
  repairs: string[];
  usage: TokenUsage;
  /** id@version of each prompt used, in order. */
  prompts: string[];
  timings: { retrievalMs: number; generationMs: number; verificationMs: number };
}

export type GroundedStep = (question: GroundedQuestion) => Promise<GroundedText>;

/**
 * @example
 *   const step = createGroundedStep({ db, embedder, provider });
 *   const { paragraphs } = await step({ query, organisation: 'NTL', allowOthers: false, language: 'nb', request, promptRef });
 */
export function createGroundedStep(deps: GroundingDeps): GroundedStep & { source: PassageSource } {
  const source = deps.source ?? storePassageSource(deps.db);
  const retrievalDeps = {
    db: deps.db,
    embedder: deps.embedder,
    vocabulary: deps.vocabulary ?? corpusVocabulary(deps.db),
    minRelevance: deps.minRelevance,
    positionJudge: deps.positionJudge,
    logger: deps.logger,
  };

  const step: GroundedStep = async (q) => {
    let t = performance.now();
    const retrieved = await retrieveSources(retrievalDeps, {
      query: q.query,
      organisation: q.organisation,
      allowOthers: q.allowOthers,
      coverageNeeded: q.coverageNeeded,
    });
    const timings = { retrievalMs: performance.now() - t, generationMs: 0, verificationMs: 0 };
    q.onRetrieved?.(retrieved);
    const outcome = retrieved.relevance.outcome;
    if (outcome === 'none' || (outcome === 'uncertain' && !q.draftUncertain)) {
      return {
        retrieved,
        paragraphs: [],
        noPosition: true,
        uncertain: false,
        dropped: [],
        repairs: [],
        usage: ZERO_USAGE,
        prompts: retrieved.promptRefs,
        timings,
      };
    }
    t = performance.now();
    const generation = await deps.provider.generate(q.request(retrieved), { signal: q.signal, onText: q.onText });
    timings.generationMs = performance.now() - t;
    const prompts = [
      ...retrieved.promptRefs,
      ...(deps.provider.extractive ? [] : [q.promptRef]),
      ...(generation.promptRefs ?? []),
    ];
    const normalised = toDraftSentences(generation.paragraphs, q.language);
    t = performance.now();
    const repaired = await verifyAndRepair(normalised.paragraphs, {
      source,
      judge: q.judge ?? deps.judge,
      organisation: q.organisation,
      allowOthers: q.allowOthers,
    });
    timings.verificationMs = performance.now() - t;
    return {
      retrieved,
      paragraphs: repaired.paragraphs,
      noPosition: normalised.noPosition,
      uncertain: outcome === 'uncertain',
      dropped: [...normalised.dropped, ...repaired.dropped],
      repairs: repaired.repairs,
      usage: generation.usage,
      prompts,
      timings,
    };
  };
  return Object.assign(step, { source });
}
