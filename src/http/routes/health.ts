import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../store/db.js';
import { countAll } from '../../store/documents.js';
import type { LlmHealth } from '../../llm/types.js';
import { freeBytes } from '../../store/diskSpace.js';
import { router } from '../openapi.js';

export interface HealthDeps {
  db: Db;
  embedder: { model: string; dimension: number };
  /** What writes drafts: e.g. "extractive", "anthropic:claude-…". */
  drafter?: string;
  /** The model's circuit breaker, when a model (not the offline drafter) writes drafts. */
  llm?: () => LlmHealth;
  /** PGlite's data directory: /health reports the free space on its filesystem. */
  dataDir?: string;
}

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness, store size and which models are in use',
  responses: {
    200: {
      description: 'OK',
      content: {
        'application/json': {
          schema: z.object({
            status: z.literal('ok'),
            store: z.object({ driver: z.string(), documents: z.number(), passages: z.number() }),
            embedder: z.object({ model: z.string(), dimension: z.number() }),
            drafter: z.string().optional(),
            llm: z
              .object({ state: z.enum(['closed', 'open', 'half_open']), retryAfterS: z.number().optional() })
              .optional()
              .openapi({ description: 'The model’s circuit breaker: open answers 503 at once for retryAfterS s.' }),
            disk: z
              .object({ freeBytes: z.number().int() })
              .optional()
              .openapi({ description: 'Free space on the filesystem of the data directory (PGlite on disk only)' }),
          }),
        },
      },
    },
  },
});

export function healthRoutes(deps: HealthDeps) {
  return router().openapi(route, async (c) => {
    const counts = await countAll(deps.db);
    const free = deps.dataDir && deps.db.driver === 'pglite' ? freeBytes(deps.dataDir) : null;
    return c.json(
      {
        status: 'ok' as const,
        store: { driver: deps.db.driver, ...counts },
        embedder: { model: deps.embedder.model, dimension: deps.embedder.dimension },
        ...(deps.drafter ? { drafter: deps.drafter } : {}),
        ...(deps.llm ? { llm: deps.llm() } : {}),
        ...(free !== null ? { disk: { freeBytes: free } } : {}),
      },
      200,
    );
  });
}
