/**
 * Drafting and asking, wired in one place: which LLM provider writes (Claude, an OpenAI-compatible endpoint, or the
 * offline extractive drafter), which judge checks, and the drafter and asker built on them and on the runtime's
 * store and embedder. `npm start` (through the HTTP app), `npm run draft` and `npm run ask` all get them from here.
 */
import type { Config } from '../config/env.js';
import { createAsker, type Asker } from '../draft/ask.js';
import type { GroundingDeps } from '../draft/groundedStep.js';
import { createDrafter, type Drafter } from '../draft/pipeline.js';
import { corpusVocabulary, type CorpusVocabulary } from '../draft/vocabulary.js';
import { createExtractiveProvider } from '../llm/extractive.js';
import {
  createJudge,
  createLlmProvider,
  createPositionJudge,
  type LlmConfig,
  type PositionJudge,
} from '../llm/index.js';
import type { LlmProvider } from '../llm/types.js';
import type { Logger } from '../log.js';
import type { Queryable } from '../store/db.js';
import type { TextEmbedder } from '../domain/embedder.js';
import type { Judge } from '../verify/index.js';

export type DraftingConfig = LlmConfig & Pick<Config, 'DRAFT_MIN_RELEVANCE'>;

/** What configuration decides; named as the HTTP app's deps name them, so it spreads into createApp. */
export interface DraftingChoice {
  llm: LlmProvider;
  /** The verifier's entailment judge (VERIFY_JUDGE: claude, chat, or auto with a drafting model); else undefined. */
  judge?: Judge;
  /** DRAFT_MIN_RELEVANCE: the measured default when undefined. */
  minRelevance?: number;
  /** Decides the relevance decision's uncertain band with the drafting model (issue 17); undefined offline. */
  positionJudge?: PositionJudge;
}

/**
 * Read the provider, judge and relevance cut-off from configuration. Throws (Norwegian) when a chosen provider
 * lacks its key or endpoint.
 * @example createApp({ ...runtime, config, logger, ...draftingChoice(config, { embedder: runtime.embedder, logger }) })
 */
export function draftingChoice(
  config: DraftingConfig,
  { embedder, logger }: { embedder: TextEmbedder; logger: Logger },
): DraftingChoice {
  const llm = createLlmProvider(config, { embedder, logger });
  return {
    llm,
    judge: createJudge(config, { logger }),
    minRelevance: config.DRAFT_MIN_RELEVANCE,
    positionJudge: llm.extractive ? undefined : createPositionJudge(config, { logger }),
  };
}

/** The chosen provider, or the offline extractive drafter when none is given (tests, a keyless app). */
export function draftingProvider({ llm, embedder }: { llm?: LlmProvider; embedder: TextEmbedder }): LlmProvider {
  return llm ?? createExtractiveProvider({ embedder });
}

export interface DraftingWiring {
  db: Queryable;
  embedder: TextEmbedder;
  logger: Logger;
  llm?: LlmProvider;
  judge?: Judge;
  minRelevance?: number;
  positionJudge?: PositionJudge;
  /** The corpus vocabulary to share (one per store); built from `db` when left out. */
  vocabulary?: CorpusVocabulary;
}

export interface Drafting {
  provider: LlmProvider;
  judge?: Judge;
  drafter: Drafter;
  asker: Asker;
  /** Shared by the drafter and the asker, so the corpus's words are read once per change of the corpus. */
  vocabulary: CorpusVocabulary;
}

/** The drafter and the asker, sharing one provider, judge and corpus vocabulary. */
export function createDrafting(deps: DraftingWiring): Drafting {
  const provider = draftingProvider(deps);
  const vocabulary = deps.vocabulary ?? corpusVocabulary(deps.db);
  const shared: GroundingDeps = {
    db: deps.db,
    embedder: deps.embedder,
    provider,
    judge: deps.judge,
    logger: deps.logger,
    minRelevance: deps.minRelevance,
    positionJudge: deps.positionJudge,
    vocabulary,
  };
  return { provider, judge: deps.judge, vocabulary, drafter: createDrafter(shared), asker: createAsker(shared) };
}

/**
 * Configuration and the runtime → drafter and asker, for the CLIs.
 * @example const { drafter, provider } = draftingFromConfig(config, runtime, { logger });
 */
export function draftingFromConfig(
  config: DraftingConfig,
  runtime: { db: Queryable; embedder: TextEmbedder },
  { logger }: { logger: Logger },
): Drafting {
  return createDrafting({ ...runtime, logger, ...draftingChoice(config, { embedder: runtime.embedder, logger }) });
}
