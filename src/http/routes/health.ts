import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../store/db.js';
import { countAll } from '../../store/documents.js';
import type { LlmHealth } from '../../llm/types.js';
import { freeBytes } from '../../store/diskSpace.js';
import { viewerDb } from '../access.js';
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
  summary: 'Liveness, store size (what the caller may read) and which models are in use',
  responses: {
    200: {
      description: 'OK',
      content: {
        'application/json': {
          schema: z.object({
            status: z.literal('ok'),
            store: z
              .object({
                driver: z.string(),
                documents: z.number().int().optional(),
                passages: z.number().int().optional(),
              })
              .openapi({
                description:
                  'documents and passages: those the caller may read (all of them in open mode, for a site ' +
                  'administrator and for a service token of every organisation); left out for an anonymous caller',
              }),
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
            access: z
              .object({
                open: z.boolean(),
                viewer: z.string().openapi({
                  description: 'Who this request was taken to be: open, anonymous, service, cli or a user’s e-mail',
                }),
                message: z.string(),
              })
              .openapi({
                description:
                  'open: no user or token exists yet, so anyone who reaches the port may read and write everything',
              }),
          }),
        },
      },
    },
  },
});

export function healthRoutes(deps: HealthDeps) {
  return router().openapi(route, async (c) => {
    // Counted as the caller may read (store/access.ts); an anonymous caller reads nothing, so is told no count.
    const anonymous = c.get('viewer').kind === 'anonymous';
    const counts = anonymous ? {} : await countAll(viewerDb(c, deps.db));
    const free = deps.dataDir && deps.db.driver === 'pglite' ? freeBytes(deps.dataDir) : null;
    return c.json(
      {
        status: 'ok' as const,
        store: { driver: deps.db.driver, ...counts },
        embedder: { model: deps.embedder.model, dimension: deps.embedder.dimension },
        ...(deps.drafter ? { drafter: deps.drafter } : {}),
        ...(deps.llm ? { llm: deps.llm() } : {}),
        ...(free !== null ? { disk: { freeBytes: free } } : {}),
        access: accessStatus(c.get('openMode'), c.get('viewer').label),
      },
      200,
    );
  });
}

/** Issue 16: whether the server is still open (no user, no token), in Norwegian for the page to show. */
function accessStatus(open: boolean, viewer: string) {
  return {
    open,
    viewer,
    message: open
      ? 'Åpen tilgang: ingen brukere eller tilgangsnøkler er opprettet, så alle som når serveren kan lese og skrive alt. ' +
        'Opprett en administrator med npm run users -- add <e-post> --admin.'
      : 'Lesing og skriving krever innlogging eller en tilgangsnøkkel.',
  };
}
