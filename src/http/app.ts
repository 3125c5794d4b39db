/**
 * The HTTP app: middleware, every resource's sub-app mounted in one place, the OpenAPI document and one error
 * handler that turns anything thrown into a problem+json body (no stack traces to clients).
 */
import { swaggerUI } from '@hono/swagger-ui';
import type { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Config } from '../config/env.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import type { TextEmbedder } from '../domain/embedder.js';
import { asAppError } from './asAppError.js';
import { AppError, toProblem } from './errors.js';
import { requireTokenForWrites } from './middleware/auth.js';
import { strictJsonBody } from './middleware/strictBody.js';
import { router, type AppEnv } from './openapi.js';
import { documentRoutes } from './routes/documents.js';
import { documentUploadRoutes } from './routes/documentUploads.js';
import { healthRoutes } from './routes/health.js';
import { searchRoutes } from './routes/search.js';
import { verifyRoutes } from './routes/verify.js';
import { draftingProvider, draftingRoutes } from './routes/drafting.js';
import type { LlmProvider } from '../llm/types.js';
import type { Judge } from '../verify/index.js';
import { webRoutes } from './routes/web.js';

export interface AppDeps {
  db: Db;
  embedder: TextEmbedder;
  config: Pick<Config, 'MAX_BODY_BYTES' | 'API_TOKENS'> & Partial<Pick<Config, 'MAX_UPLOAD_BYTES'>>;
  logger: Logger;
  /** Extra sub-apps mounted at the root (drafting, asking, verifying, the web page), each built with its deps. */
  extraRoutes?: Hono<AppEnv>[];
  drafter?: string;
  /** Writes drafts and answers; the offline extractive drafter when left out. */
  llm?: LlmProvider;
  /** The verifier's optional entailment judge (VERIFY_JUDGE: claude, chat, or auto). */
  judge?: Judge;
  /** DRAFT_MIN_RELEVANCE: the measured default when left out. */
  minRelevance?: number;
}

const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** POST endpoints that only read and so need no token. */
const READ_ONLY_POSTS = ['/search', '/verify', '/ask'];

export function createApp(deps: AppDeps) {
  const app = router();
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    deps.logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - t0),
      },
      'request',
    );
  });
  const tokens = (deps.config.API_TOKENS ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  app.use('*', requireTokenForWrites(tokens, READ_ONLY_POSTS));
  app.use('*', strictJsonBody({ maxBytes: deps.config.MAX_BODY_BYTES }));

  const llm = draftingProvider(deps);
  app.route(
    '/',
    healthRoutes({ db: deps.db, embedder: deps.embedder, drafter: deps.drafter ?? `${llm.name}:${llm.model}` }),
  );
  app.route('/', documentRoutes({ db: deps.db }));
  app.route(
    '/',
    documentUploadRoutes({ ...deps, maxUploadBytes: deps.config.MAX_UPLOAD_BYTES ?? DEFAULT_MAX_UPLOAD_BYTES }),
  );
  app.route('/', searchRoutes({ db: deps.db, embedder: deps.embedder }));
  app.route('/', verifyRoutes({ db: deps.db, judge: deps.judge }));
  app.route(
    '/',
    draftingRoutes({
      db: deps.db,
      embedder: deps.embedder,
      llm,
      judge: deps.judge,
      logger: deps.logger,
      minRelevance: deps.minRelevance,
    }),
  );
  for (const extra of deps.extraRoutes ?? []) app.route('/', extra);
  // The web page last, so every API route wins; it answers only GET /, /assets/* and its own Norwegian paths.
  app.route('/', webRoutes());

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'innspill API',
      version: '0.1.0',
      description: 'Høringsinnspill grounded in an organisation’s own documents, every citation verified.',
    },
  });
  app.get('/docs', swaggerUI({ url: '/openapi.json' }));

  app.notFound((c) => {
    const err = new AppError('not_found:route', { detail: `${c.req.method} ${c.req.path} finnes ikke.` });
    return c.json(toProblem(err, c.get('requestId')), 404, { 'content-type': 'application/problem+json' });
  });

  app.onError((err, c) => {
    const appErr = asAppError(err);
    if (appErr.status >= 500)
      deps.logger.error({ requestId: c.get('requestId'), err, code: appErr.code }, 'request failed');
    else deps.logger.debug({ requestId: c.get('requestId'), code: appErr.code }, 'request refused');
    return c.json(toProblem(appErr, c.get('requestId')), appErr.status as 400, {
      'content-type': 'application/problem+json',
    });
  });
  return app;
}
