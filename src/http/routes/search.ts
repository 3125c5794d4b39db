/** POST /search: hybrid retrieval over the corpus. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../store/db.js';
import { search, type QueryEmbedder } from '../../retrieve/search.js';
import { viewerDb } from '../access.js';
import { problemResponses, router } from '../openapi.js';
import { IsoDate, PassageWithDocumentSchema } from '../schemas.js';

const oneOrMany = z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).max(50)]);
const toList = (v?: string | string[]) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

const SearchRequest = z
  .object({
    query: z.string().trim().min(1, 'spørsmålet kan ikke være tomt').max(2000, 'spørsmålet kan være høyst 2000 tegn'),
    k: z.number().int().min(1).max(50).default(8),
    organisation: oneOrMany.optional(),
    documentId: oneOrMany.optional(),
    kind: oneOrMany.optional(),
    dateFrom: IsoDate.optional(),
    dateTo: IsoDate.optional(),
    mode: z.enum(['hybrid', 'vector', 'text']).default('hybrid'),
    mmr: z.number().min(0).max(1).optional().openapi({ description: 'MMR lambda (1 = no diversification)' }),
  })
  .strict()
  .openapi('SearchRequest', { example: { query: 'Hva mener Fagforbundet om en offentlig skyløsning?', k: 5 } });

const SearchHitSchema = z
  .object({
    passage: PassageWithDocumentSchema,
    scores: z.object({
      fused: z.number(),
      vector: z.number().nullable(),
      vectorRank: z.number().nullable(),
      text: z.number().nullable(),
      textRank: z.number().nullable(),
    }),
  })
  .openapi('SearchHit');

const route = createRoute({
  method: 'post',
  path: '/search',
  summary: 'Hybrid search: vectors + Norwegian BM25 full text, scores fused (convex combination)',
  request: { body: { content: { 'application/json': { schema: SearchRequest } }, required: true } },
  responses: {
    200: {
      description: 'Ranked passages',
      content: { 'application/json': { schema: z.object({ hits: z.array(SearchHitSchema) }) } },
    },
    ...problemResponses(400, 413, 503),
  },
});

export function searchRoutes({ db, embedder }: { db: Db; embedder: QueryEmbedder }) {
  return router().openapi(route, async (c) => {
    const body = c.req.valid('json');
    const hits = await search(viewerDb(c, db), embedder, {
      query: body.query,
      k: body.k,
      organisations: toList(body.organisation),
      documentIds: toList(body.documentId),
      kinds: toList(body.kind),
      dateFrom: body.dateFrom,
      dateTo: body.dateTo,
      mode: body.mode,
      mmrLambda: body.mmr,
    });
    return c.json({ hits }, 200);
  });
}
