/** Chooses the embedder from configuration: the offline local one by default, or an OpenAI-compatible server. */
import type { Embeddings } from '@langchain/core/embeddings';
import { ConfigError, type Config } from '../config/env.js';
import type { TextEmbedder } from '../domain/embedder.js';
import { LocalEmbedder } from './local.js';
import { OpenAIEmbedder } from './openai.js';

export { EmbeddingError, type EmbeddingErrorCode } from './errors.js';
export { LocalEmbedder } from './local.js';
export { OpenAIEmbedder } from './openai.js';

/**
 * What every stage gets: LangChain's Embeddings plus the identity the store records with the vectors (the domain's
 * TextEmbedder, which names only the methods the stages call).
 */
export type ConfiguredEmbedder = Embeddings & TextEmbedder;

export type EmbedderConfig = Pick<
  Config,
  | 'EMBEDDER'
  | 'EMBEDDINGS_BASE_URL'
  | 'EMBEDDINGS_API_KEY'
  | 'EMBEDDINGS_MODEL'
  | 'EMBEDDINGS_DIMENSIONS'
  | 'EMBEDDINGS_BATCH_SIZE'
  | 'EMBEDDINGS_TIMEOUT_MS'
>;

/**
 * Build the configured embedder, ready to use: `dimension` is known when this resolves. For "openai" without
 * EMBEDDINGS_DIMENSIONS that takes one request to the server, so a wrong URL or model fails here, at startup,
 * with an EmbeddingError — not halfway through an ingest.
 * The local embedder takes EMBEDDINGS_DIMENSIONS too (default 384; larger retrieves better, see local.ts).
 * @example const embedder = await createEmbedder(loadConfig()); embedder.model // 'innspill-local-ngram-v2-384'
 */
export async function createEmbedder(
  config: EmbedderConfig,
  { spareCallingThread = false }: { spareCallingThread?: boolean } = {},
): Promise<ConfiguredEmbedder> {
  if (config.EMBEDDER === 'local')
    return new LocalEmbedder({ dimension: config.EMBEDDINGS_DIMENSIONS, spareCallingThread });
  const missing = (['EMBEDDINGS_BASE_URL', 'EMBEDDINGS_MODEL'] as const).filter((k) => !config[k]);
  if (missing.length)
    throw new ConfigError(`Ugyldig konfigurasjon:\n  ${missing.join(', ')}: må settes når EMBEDDER=openai`);
  const embedder = new OpenAIEmbedder({
    baseURL: config.EMBEDDINGS_BASE_URL!,
    model: config.EMBEDDINGS_MODEL!,
    apiKey: config.EMBEDDINGS_API_KEY,
    dimensions: config.EMBEDDINGS_DIMENSIONS,
    batchSize: config.EMBEDDINGS_BATCH_SIZE,
    timeoutMs: config.EMBEDDINGS_TIMEOUT_MS,
  });
  await embedder.probe();
  return embedder;
}
