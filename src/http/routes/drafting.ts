/** Drafting and asking, built from the chosen LLM provider (the offline extractive drafter when none is given). */
import { createDrafting, type DraftingWiring } from '../../bootstrap/drafting.js';
import type { Context } from 'hono';
import type { Db } from '../../store/db.js';
import { viewerDb } from '../access.js';
import { router, type AppEnv } from '../openapi.js';
import { askRoutes } from './ask.js';
import { draftRoutes } from './drafts.js';

export { draftingProvider } from '../../bootstrap/drafting.js';

export interface DraftingDeps extends DraftingWiring {
  db: Db;
}

/**
 * NOTE: the drafter and asker are built per request on the store scoped to its principal (retrieval then finds
 * only what it may read); the provider (with its circuit breaker) and the corpus vocabulary are built once.
 */
export function draftingRoutes(deps: DraftingDeps) {
  const { provider, vocabulary } = createDrafting(deps);
  // Build the corpus vocabulary now rather than inside the first draft request (a failure here is retried then).
  vocabulary.get().catch(() => undefined);
  const forRequest = (c: Context<AppEnv>) =>
    createDrafting({ ...deps, db: viewerDb(c, deps.db), llm: provider, vocabulary });
  return router()
    .route(
      '/',
      draftRoutes({ db: deps.db, drafterFor: (c) => forRequest(c).drafter, judge: deps.judge, logger: deps.logger }),
    )
    .route('/', askRoutes({ askerFor: (c) => forRequest(c).asker, logger: deps.logger }));
}
