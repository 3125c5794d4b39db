/** Drafting and asking, built from the chosen LLM provider (the offline extractive drafter when none is given). */
import { createAsker } from '../../draft/ask.js';
import { createDrafter } from '../../draft/pipeline.js';
import { corpusVocabulary } from '../../draft/vocabulary.js';
import { createExtractiveProvider } from '../../llm/extractive.js';
import type { LlmProvider } from '../../llm/types.js';
import type { Logger } from '../../log.js';
import type { Db } from '../../store/db.js';
import type { TextEmbedder } from '../../domain/embedder.js';
import type { Judge } from '../../verify/index.js';
import { router } from '../openapi.js';
import { askRoutes } from './ask.js';
import { draftRoutes } from './drafts.js';

export interface DraftingDeps {
  db: Db;
  embedder: TextEmbedder;
  llm?: LlmProvider;
  judge?: Judge;
  logger: Logger;
  minRelevance?: number;
}

export function draftingProvider(deps: Pick<DraftingDeps, 'llm' | 'embedder'>): LlmProvider {
  return deps.llm ?? createExtractiveProvider({ embedder: deps.embedder });
}

export function draftingRoutes(deps: DraftingDeps) {
  const shared = { ...deps, provider: draftingProvider(deps), vocabulary: corpusVocabulary(deps.db) };
  // Build the corpus vocabulary now rather than inside the first draft request (a failure here is retried then).
  shared.vocabulary.get().catch(() => undefined);
  return router()
    .route('/', draftRoutes({ db: deps.db, drafter: createDrafter(shared), judge: deps.judge, logger: deps.logger }))
    .route('/', askRoutes({ asker: createAsker(shared), logger: deps.logger }));
}
