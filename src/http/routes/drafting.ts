/** Drafting and asking, built from the chosen LLM provider (the offline extractive drafter when none is given). */
import { createDrafting, type DraftingWiring } from '../../bootstrap/drafting.js';
import type { Db } from '../../store/db.js';
import { router } from '../openapi.js';
import { askRoutes } from './ask.js';
import { draftRoutes } from './drafts.js';

export { draftingProvider } from '../../bootstrap/drafting.js';

export interface DraftingDeps extends DraftingWiring {
  db: Db;
}

export function draftingRoutes(deps: DraftingDeps) {
  const { drafter, asker, vocabulary } = createDrafting(deps);
  // Build the corpus vocabulary now rather than inside the first draft request (a failure here is retried then).
  vocabulary.get().catch(() => undefined);
  return router()
    .route('/', draftRoutes({ db: deps.db, drafter, judge: deps.judge, logger: deps.logger }))
    .route('/', askRoutes({ asker, logger: deps.logger }));
}
