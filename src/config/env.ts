/**
 * The one place that reads the environment. Parsed once with zod; a bad value stops startup
 * with a message naming the variable. Every setting is listed in .env.example.
 */
import { z } from 'zod';
import { zodReason } from '../fieldErrors.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.string().url().optional());

export const ConfigSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(8787)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  /** PGlite data directory, or memory:// for an in-memory store. Ignored when DATABASE_URL is set. */
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data/pglite')),
  /** PGlite's buffer pool (PostgreSQL shared_buffers) in MB; by default sized to the store on disk, 128–1024. */
  PGLITE_SHARED_BUFFERS_MB: z.preprocess(emptyToUndefined, z.coerce.number().int().min(16).max(1536).optional()),
  /** Where PGlite runs for a data directory: its own worker thread (default) or the main thread (store/pglite/open.ts). */
  PGLITE_THREAD: z.preprocess(emptyToUndefined, z.enum(['worker', 'main']).default('worker')),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'må starte med postgres:// eller postgresql://')
      .optional(),
  ),
  /** Directory ingested at startup when the store is empty. */
  SEED_DIR: z.preprocess(emptyToUndefined, z.string().default('seeds')),
  /** Embedder: "local" (default, offline) or "openai" (any OpenAI-compatible /v1/embeddings). */
  EMBEDDER: z.preprocess(emptyToUndefined, z.enum(['local', 'openai']).default('local')),
  EMBEDDINGS_BASE_URL: optionalUrl,
  EMBEDDINGS_API_KEY: optionalString,
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_DIMENSIONS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(8).max(4096).optional()),
  EMBEDDINGS_BATCH_SIZE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(2048).default(64)),
  EMBEDDINGS_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(30000)),
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalUrl,
  // NOTE: claude-sonnet-4-5, the default until December 2026, was retired on 30 November 2026 (the SDK's
  // DEPRECATED_MODELS list); a deployment that pinned it must change ANTHROPIC_MODEL.
  ANTHROPIC_MODEL: z.preprocess(emptyToUndefined, z.string().default('claude-sonnet-5-5')),
  /** OpenAI-compatible chat endpoint for self-hosted models (vLLM, Ollama, LM Studio). */
  CHAT_BASE_URL: optionalUrl,
  CHAT_API_KEY: optionalString,
  CHAT_MODEL: optionalString,
  /** Which drafter: auto (Claude with a key, else the chat endpoint when set, else extractive) or one by name. */
  LLM_PROVIDER: z.preprocess(emptyToUndefined, z.enum(['auto', 'anthropic', 'openai', 'extractive']).default('auto')),
  /** Overall deadline of one model call in ms: first byte to last, retries and stalls included; past it, 503. */
  LLM_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(60000)),
  /** Retries for rate limits, overload, 5xx and timeouts before the request fails with 503. */
  LLM_MAX_RETRIES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(2)),
  /** The longest retry-after from the model we wait out; a longer one gives 503 with Retry-After at once. */
  LLM_MAX_RETRY_AFTER_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(20000)),
  /** Consecutive failed model calls that open the circuit breaker (503 at once until the cool-down ends). */
  LLM_BREAKER_FAILURES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(5)),
  /** How long the open breaker answers 503 before it lets a call through again, in ms. */
  LLM_BREAKER_COOLDOWN_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(30000)),
  /** Smallest cosine similarity (local embedder) for a passage to count as the organisation's position on a question. */
  DRAFT_MIN_RELEVANCE: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(1).optional()),
  /**
   * The verifier's entailment judge (one extra model call per cited sentence): claude (needs ANTHROPIC_API_KEY),
   * chat (the drafting endpoint, CHAT_BASE_URL and CHAT_MODEL), off, or auto: the model that drafts, none offline.
   */
  VERIFY_JUDGE: z.preprocess(emptyToUndefined, z.enum(['auto', 'claude', 'chat', 'off']).default('auto')),
  /** Timeout per judge request in ms; a judge that does not answer leaves the fixed checks' verdict. */
  VERIFY_JUDGE_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(30000)),
  /** Comma-separated service tokens (see API_TOKENS_ROLE); when set, every request but the public ones needs a token. */
  API_TOKENS: optionalString,
  /** The token the CLI sends to a running server (ingest, backup, verify): a personal token, or the first API_TOKENS. */
  INNSPILL_TOKEN: optionalString,
  /** Comma-separated origins (https://intranett.example.no) allowed to call the API from a browser; CORS off when empty. */
  CORS_ORIGINS: optionalString,
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  // --- Origin, Host and rate limits (issue 14 items 7-8) ---
  /** Host names the server answers to (comma-separated; * = any); by default localhost, 127.0.0.1, [::1] and HOST. */
  ALLOWED_HOSTS: optionalString,
  /** Writes (uploads, drafts, deletions) per client IP per minute; 0 = no limit. */
  RATE_LIMIT_WRITES_PER_MIN: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(600)),
  /** Model-backed requests (/ask, new drafts, /verify with a judge) per client IP per minute; 0 = no limit. */
  RATE_LIMIT_MODEL_PER_MIN: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(30)),
  /** Largest accepted request body in bytes (JSON endpoints). */
  MAX_BODY_BYTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1024).default(1_000_000)),
  /** Largest uploaded document (POST/PUT /documents) in bytes; larger uploads are refused before they are read in full. */
  MAX_UPLOAD_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1024)
      .default(25 * 1024 * 1024),
  ),
  /** Backups (issue 14): the server keeps a daily copy of the store here when set (none when unset). */
  BACKUP_DIR: optionalString,
  /** How many of those daily copies to keep, newest first. */
  BACKUP_KEEP: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).default(7)),
  // Limits on reading one uploaded file (src/corpus/readThread.ts): it is parsed and cut on a worker thread.
  /** Most characters of text one document may hold once extracted; longer ones are refused with 413. */
  MAX_DOCUMENT_CHARS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1000).default(5_000_000)),
  /** Most passages one document may be cut into; more are refused with 413 (see README for why 20,000). */
  MAX_DOCUMENT_PASSAGES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(20_000)),
  /** Heap cap in MB of the worker that parses an upload (resourceLimits.maxOldGenerationSizeMb). */
  READ_WORKER_MAX_MB: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(1024)),
  /** Time limit in ms for parsing and cutting one upload. */
  READ_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(120_000)),
  /**
   * On SIGTERM/SIGINT: how long running requests may take to finish (new ones get 503) before they are aborted
   * and the store is closed, in ms.
   */
  SHUTDOWN_GRACE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(3_600_000).default(30_000)),
  /** Uploads processed at once; more wait in a queue (their SSE progress reports the position). */
  UPLOAD_CONCURRENCY: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(16).default(2)),
  // --- Several servers on one PostgreSQL (issue 16 item 7) ---
  /** Passages from which the HNSW index is built (src/store/ann.ts; below it an exact scan is exact and fast). */
  ANN_MIN_PASSAGES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(2000)),
  // --- Users and access (issue 16) ---
  /**
   * The role of the API_TOKENS service tokens: reader, editor or admin. admin (default) keeps what a token could do
   * before users existed: every write, withdrawals and backups included.
   */
  API_TOKENS_ROLE: z.preprocess(emptyToUndefined, z.enum(['reader', 'editor', 'admin']).default('admin')),
  /** Comma-separated organisations the service tokens' role holds in; every organisation when empty. */
  API_TOKENS_ORGANISATIONS: optionalString,
  /** E-mail of the first site administrator, created at start-up when the store has no users yet. */
  INNSPILL_ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.string().email('må være en e-postadresse').optional()),
  // --- Sign-in for the page (issue 16 item 2) ---
  /** Minutes a page session lives without use; each request moves the expiry forward (sessions are in the database). */
  SESSION_IDLE_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(43200).default(480)),
  /** Hours a session lives at most from sign-in, used or not. */
  SESSION_MAX_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(8760).default(24)),
  /** true when a TLS proxy in front sets X-Forwarded-Proto: the session cookie is then Secure for https requests. */
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.stringbool().default(false)),
  /** OpenID Connect sign-in (optional): the issuer URL, and this server's client id and secret at it. */
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  /** The callback URL registered at the issuer; by default this server's origin + /auth/oidc/callback. */
  OIDC_REDIRECT_URL: optionalUrl,
  /** The button text on the login page («Logg inn med …»). */
  OIDC_NAME: z.preprocess(emptyToUndefined, z.string().default('organisasjonens innlogging')),
  /** Self-registration: an unknown e-mail signing in with OIDC becomes a reader of this organisation; off when empty. */
  OIDC_REGISTER_ORGANISATION: optionalString,
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/**
 * Parse configuration from an environment map (process.env by default).
 * @example loadConfig({ PORT: '9000', DATA_DIR: 'memory://' }).PORT === 9000
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    // The one Norwegian mapping of zod's issues (src/fieldErrors.ts): the bound, the allowed values, the type.
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${zodReason(i)}`);
    throw new ConfigError(`Ugyldig konfigurasjon:\n${lines.join('\n')}`);
  }
  const oidc = (['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const).filter((k) => !parsed.data[k]);
  if (oidc.length > 0 && oidc.length < 3)
    throw new ConfigError(
      `Ugyldig konfigurasjon:\n${oidc.map((k) => `  ${k}: mangler (OpenID Connect trenger OIDC_ISSUER, OIDC_CLIENT_ID og OIDC_CLIENT_SECRET)`).join('\n')}`,
    );
  return parsed.data;
}
