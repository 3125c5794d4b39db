import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../store/db.js';
import { countAll } from '../../store/documents.js';
import { router } from '../openapi.js';

export interface HealthDeps {
  db: Db;
  embedder: { model: string; dimension: number };
  /** What writes drafts: e.g. "extractive", "anthropic:claude-…". */
  drafter?: string;
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
          }),
        },
      },
    },
  },
});

export function healthRoutes(deps: HealthDeps) {
  return router().openapi(route, async (c) => {
    const counts = await countAll(deps.db);
    return c.json(
      {
        status: 'ok' as const,
        store: { driver: deps.db.driver, ...counts },
        embedder: { model: deps.embedder.model, dimension: deps.embedder.dimension },
        ...(deps.drafter ? { drafter: deps.drafter } : {}),
      },
      200,
    );
  });
}
