/**
 * POST /ask: an adviser's question → a short answer from the organisations' own documents, every sentence cited
 * and verified (JSON, or SSE with `stream: true`). Read-only: it needs no token and saves nothing.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AskRequestSchema as PipelineAskRequest, type Asker } from '../../draft/ask.js';
import type { Logger } from '../../log.js';
import type { Context } from 'hono';
import { problemResponses, router, type AppEnv } from '../openapi.js';
import { sse } from '../sse.js';
import { DraftSentenceSchema, DroppedSentenceSchema, UsageSchema, VerificationReportSchema } from './drafts.schemas.js';

const AskRequestSchema = PipelineAskRequest.extend({
  stream: z
    .boolean()
    .default(false)
    .openapi({ description: 'Answer with Server-Sent Events (retrieval, delta, done, error)' }),
})
  .strict()
  .openapi('AskRequest', {
    example: {
      question: 'Hva mener Fagforbundet om en offentlig skyløsning?',
      organisation: 'Fagforbundet',
      stream: false,
    },
  });

const AskResponseSchema = z
  .object({
    question: z.string(),
    organisation: z.string().nullable(),
    answered: z
      .boolean()
      .openapi({ description: 'False when the documents say nothing relevant; then `message` says so' }),
    uncertain: z.boolean().openapi({
      description:
        'True when it is unsure whether the passages answer this very question: the answer is given, every sentence is marked for review (≈), and `message` says so',
    }),
    message: z.string().nullable(),
    extractive: z.boolean(),
    sentences: z.array(DraftSentenceSchema),
    dropped: z.array(DroppedSentenceSchema),
    repairs: z.array(z.string()),
    markdown: z.string(),
    verification: VerificationReportSchema,
    sources: z.array(
      z.object({
        id: z.string(),
        organisation: z.string(),
        title: z.string(),
        date: z.string(),
        score: z.number().nullable(),
      }),
    ),
    provenance: z.object({ provider: z.string(), model: z.string(), prompts: z.array(z.string()) }),
    usage: UsageSchema,
    timings: z.record(z.string(), z.number()),
  })
  .openapi('AskResponse');

const route = createRoute({
  method: 'post',
  path: '/ask',
  summary: 'A short, cited and verified answer from the organisations’ documents',
  request: { body: { content: { 'application/json': { schema: AskRequestSchema } }, required: true } },
  responses: {
    200: {
      description: 'The answer (JSON), or Server-Sent Events with stream: true',
      content: { 'application/json': { schema: AskResponseSchema }, 'text/event-stream': { schema: z.string() } },
    },
    ...problemResponses(400, 413, 422, 502, 503),
  },
});

/** `askerFor` gives the asker that retrieves what one request's principal may read (http/access.ts viewerDb). */
export function askRoutes({ askerFor, logger }: { askerFor: (c: Context<AppEnv>) => Asker; logger: Logger }) {
  return router().openapi(route, async (c) => {
    const { stream, ...input } = c.req.valid('json');
    const asker = askerFor(c);
    // Refused (an organisation the caller cannot name) before a stream starts: the same status in both modes.
    const prepared = await asker.prepare(input);
    if (stream) {
      return sse(c, logger, async (send, signal) => {
        const result = await asker.ask(prepared, { signal, onEvent: (e) => send(e.type, e) });
        send('verification', { ok: result.verification.ok, summary: result.verification.summary });
        send('done', result);
      });
    }
    const result = await asker.ask(prepared, { signal: c.req.raw.signal });
    return c.json(result, 200);
  });
}
