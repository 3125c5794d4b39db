/**
 * The HTTP app: middleware, every resource's sub-app mounted in one place, the OpenAPI document and one error
 * handler that turns anything thrown into a problem+json body (no stack traces to clients).
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config/env.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import type { TextEmbedder } from '../domain/embedder.js';
import { asAppError } from './asAppError.js';
import { AppError, toProblem } from './errors.js';
import { defaultIsPublic, principal, type PrincipalResolver } from './middleware/principal.js';
import { ANONYMOUS_VIEWER } from '../domain/viewer.js';
import { scoped } from '../store/access.js';
import { strictJsonBody } from './middleware/strictBody.js';
import { allowedHostNames, allowedHosts, sameOriginWrites } from './middleware/origin.js';
import { rateLimits } from './middleware/rateLimits.js';
import { withGuardResponses } from './guardResponses.js';
import { stoppedOr, type Shutdown } from './shutdown.js';
import { router, type AppEnv } from './openapi.js';
import { adminRoutes } from './routes/admin.js';
import { documentRoutes } from './routes/documents.js';
import { documentUploadRoutes, uploadCorpus } from './routes/documentUploads.js';
import type { UploadQueue } from '../corpus/uploadQueue.js';
import { consultationRoutes } from './routes/consultations.js';
import { healthRoutes } from './routes/health.js';
import { searchRoutes } from './routes/search.js';
import { verifyRoutes } from './routes/verify.js';
import { draftingProvider, draftingRoutes } from './routes/drafting.js';
import type { PositionJudge } from '../llm/positionJudge.js';
import type { LlmProvider } from '../llm/types.js';
import type { Judge } from '../verify/index.js';
import { docsRoutes } from './routes/docs.js';
import { pageNotFound, pageSignInFirst, webRoutes } from './routes/web.js';
import { sessionResolver } from './auth/session.js';
import { userRoutes } from './routes/users.js';
import { SIGN_IN_DEFAULTS, sessionRoutes, type SignInConfig } from './routes/session.js';

export interface AppDeps {
  db: Db;
  embedder: TextEmbedder;
  config: Pick<Config, 'MAX_BODY_BYTES' | 'API_TOKENS'> &
    Partial<Pick<Config, 'API_TOKENS_ROLE' | 'API_TOKENS_ORGANISATIONS'>> &
    Partial<Pick<Config, 'MAX_UPLOAD_BYTES' | 'CORS_ORIGINS' | 'DATA_DIR' | 'DATABASE_URL'>> &
    Partial<Pick<Config, 'HOST' | 'ALLOWED_HOSTS' | 'RATE_LIMIT_WRITES_PER_MIN' | 'RATE_LIMIT_MODEL_PER_MIN'>> &
    Partial<SignInConfig>;
  logger: Logger;
  /** Extra sub-apps mounted at the root (drafting, asking, verifying, the web page), each built with its deps. */
  extraRoutes?: Hono<AppEnv>[];
  drafter?: string;
  /** Writes drafts and answers; the offline extractive drafter when left out. */
  llm?: LlmProvider;
  /** More ways to find a request's principal after bearer tokens (e.g. a session cookie); see middleware/principal.ts. */
  principalResolvers?: PrincipalResolver[];
  /** The verifier's optional entailment judge (VERIFY_JUDGE: claude, chat, or auto). */
  judge?: Judge;
  /** DRAFT_MIN_RELEVANCE: the measured default when left out. */
  minRelevance?: number;
  /** Issue 17: the model that decides the relevance decision's uncertain band; none offline. */
  positionJudge?: PositionJudge;
  /** The one upload line (UPLOAD_CONCURRENCY); passed in by tests that watch it, built from the config otherwise. */
  uploadQueue?: UploadQueue;
  /** The server's stop (SIGTERM/SIGINT, http/shutdown.ts): new requests 503, running ones finish or are aborted. */
  shutdown?: Shutdown;
}

const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** POST endpoints that only read and so need no token. */
const READ_ONLY_POSTS = ['/search', '/verify', '/ask'];

/** The routes that take multipart/form-data (POST /documents, PUT /documents/:id, POST /consultations); every other body is JSON. */
const UPLOAD_PATHS = [/^\/documents(\/[^/]+)?\/?$/, /^\/consultations\/?$/];

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
  app.use('*', securityHeaders());
  // A stopping server refuses before anything reads the store (rate limits, the principal), and waits for the rest.
  if (deps.shutdown) app.use('*', deps.shutdown.middleware);
  const corsOrigins = list(deps.config.CORS_ORIGINS);
  if (corsOrigins.length) app.use('*', corsFor(corsOrigins));
  // Issue 14: foreign Host names (DNS rebinding), cross-site writes from a browser, clients over their budget.
  app.use('*', allowedHosts(allowedHostNames(deps.config)));
  app.use('*', sameOriginWrites(corsOrigins));
  app.use(
    '*',
    ...rateLimits({
      writesPerMin: deps.config.RATE_LIMIT_WRITES_PER_MIN ?? 600,
      modelPerMin: deps.config.RATE_LIMIT_MODEL_PER_MIN ?? 30,
      readOnlyPosts: READ_ONLY_POSTS,
      judge: deps.judge !== undefined,
      db: deps.db,
      trustProxy: deps.config.TRUST_PROXY,
    }),
  );
  const signIn = { ...SIGN_IN_DEFAULTS, ...deps.config };
  const sessions = sessionRoutes({ db: deps.db, config: signIn, logger: deps.logger });
  // Issue 16: who is asking (c.get('viewer')); with no user and no token the server stays open as before.
  app.use(
    '*',
    principal({
      db: deps.db,
      serviceTokens: list(deps.config.API_TOKENS),
      serviceRole: deps.config.API_TOKENS_ROLE ?? 'admin',
      serviceOrganisations: list(deps.config.API_TOKENS_ORGANISATIONS),
      // The page's session cookie, after bearer tokens (issue 16 item 2): a live session is its user.
      resolvers: [
        sessionResolver({ db: deps.db, idleMinutes: signIn.SESSION_IDLE_MINUTES }),
        ...(deps.principalResolvers ?? []),
      ],
    }),
  );
  app.use('*', strictJsonBody({ maxBytes: deps.config.MAX_BODY_BYTES, uploadPaths: UPLOAD_PATHS }));

  // NOTE: the routes get the store scoped to the anonymous principal; each handler rescopes it to its request's
  // viewer (http/access.ts viewerDb). A handler that forgot would read nothing internal, not everything.
  deps = { ...deps, db: scoped(deps.db, ANONYMOUS_VIEWER) };
  const llm = draftingProvider(deps);
  app.route(
    '/',
    healthRoutes({
      db: deps.db,
      embedder: deps.embedder,
      drafter: deps.drafter ?? `${llm.name}:${llm.model}`,
      llm: llm.health?.bind(llm),
      dataDir: deps.config.DATA_DIR,
    }),
  );
  app.route('/', documentRoutes({ db: deps.db }));
  // Documents and consultations (issue 18) share one upload path: the same reader, limits and queue.
  const uploads = { ...deps, maxUploadBytes: deps.config.MAX_UPLOAD_BYTES ?? DEFAULT_MAX_UPLOAD_BYTES };
  const corpus = { ...uploadCorpus(uploads), ...(deps.uploadQueue ? { queue: deps.uploadQueue } : {}) };
  app.route('/', documentUploadRoutes({ ...uploads, corpus }));
  app.route('/', consultationRoutes({ ...uploads, corpus }));
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
      positionJudge: deps.positionJudge,
    }),
  );
  app.route('/', adminRoutes({ db: deps.db, databaseUrl: deps.config.DATABASE_URL }));
  app.route('/', sessions.api);
  app.route('/', userRoutes({ db: deps.db }));
  app.route('/', sessions.web);
  for (const extra of deps.extraRoutes ?? []) app.route('/', extra);
  // The web page last, so every API route wins; it answers only GET /, /assets/* and its own Norwegian paths.
  app.route('/', webRoutes());

  // The guards' problems (421, 403, 413, 429, 507) are added to every operation they apply to (guardResponses.ts).
  app.get('/openapi.json', (c) =>
    c.json(
      withGuardResponses(
        app.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: 'innspill API',
            version: '0.1.0',
            description: 'Høringsinnspill grounded in an organisation’s own documents, every citation verified.',
          },
        }),
        {
          readOnlyPosts: READ_ONLY_POSTS,
          modelPaths: ['/ask', '/drafts', ...(deps.judge ? ['/verify'] : [])],
          isPublic: defaultIsPublic,
        },
      ),
    ),
  );
  app.route('/', docsRoutes());

  app.notFound(async (c) => {
    const page = await pageNotFound(c);
    if (page) return page;
    const err = new AppError('not_found:route', { detail: `${c.req.method} ${c.req.path} finnes ikke.` });
    return c.json(toProblem(err, c.get('requestId')), 404, { 'content-type': 'application/problem+json' });
  });

  app.onError(async (err, c) => {
    const appErr = stoppedOr(c.get('shutdown'), asAppError(err));
    if (appErr.code === 'unauthorized:token' && c.get('viewer')?.kind === 'anonymous') {
      const page = await pageSignInFirst(c);
      if (page) return page;
    }
    // A stopping server's 503s are expected (serve.ts logs the stop once), not failures.
    if (appErr.status >= 500 && appErr.code !== 'unavailable:shutdown')
      deps.logger.error({ requestId: c.get('requestId'), err, code: appErr.code }, 'request failed');
    else deps.logger.debug({ requestId: c.get('requestId'), code: appErr.code }, 'request refused');
    return c.json(toProblem(appErr, c.get('requestId')), appErr.status as 400, {
      'content-type': 'application/problem+json',
      ...(appErr.retryAfterS ? { 'retry-after': String(appErr.retryAfterS) } : {}),
    });
  });
  return app;
}

const list = (csv?: string) =>
  (csv ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * hono/secure-headers on every response (API, page, problems): nosniff, no framing, same-origin referrers and
 * opener. The page and /docs set their own Content-Security-Policy, which this leaves alone.
 * NOTE: no Strict-Transport-Security here: the server speaks plain HTTP on 127.0.0.1 or behind a TLS proxy, and
 * HSTS (a promise about the whole host name, with includeSubDomains) is the proxy's to send.
 */
function securityHeaders() {
  return secureHeaders({
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: false,
  });
}

/**
 * CORS for exactly the named origins; with none, no Access-Control-* header is ever sent and browsers keep other
 * origins' pages out. A request from an origin not named gets no CORS header at all (hono/cors alone would still
 * send Expose-Headers), only `Vary: Origin` so a cache never hands it to a named origin.
 */
function corsFor(origins: string[]): MiddlewareHandler {
  const allowed = cors({ origin: origins, exposeHeaders: ['Location', 'X-Request-Id'] });
  return async (c, next) => {
    if (origins.includes(c.req.header('origin') ?? '')) return allowed(c, next);
    await next();
    c.header('Vary', 'Origin', { append: true });
  };
}
