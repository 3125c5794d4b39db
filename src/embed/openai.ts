/**
 * Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint: OpenAI, Azure-style proxies, Ollama, vLLM,
 * Hugging Face TEI, LM Studio. Batched, retried (transport.ts), validated with zod and L2-normalised so
 * vectors from every embedder compare the same way in the store.
 */
import { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { EmbeddingError } from './errors.js';
import { postJson, type RetryPolicy } from './transport.js';

export interface OpenAIEmbedderOptions extends Partial<RetryPolicy> {
  /** With or without a trailing "/v1", e.g. "http://127.0.0.1:11434" or "https://api.openai.com/v1". */
  baseURL: string;
  model: string;
  /** Sent as a bearer token when set; local servers (Ollama, vLLM, TEI) need none. */
  apiKey?: string;
  /** Asked for in every request and checked in every response; learned from the first response when unset. */
  dimensions?: number;
  batchSize?: number;
}

const EmbeddingResponse = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()).min(1) })),
});

/** "http://h:1", "http://h:1/", "http://h:1/v1" and "http://h:1/v1/" all give "http://h:1/v1/embeddings". */
export function embeddingsUrl(baseURL: string): string {
  const base = baseURL.replace(/\/+$/, '');
  return `${/\/v1$/.test(base) ? base : `${base}/v1`}/embeddings`;
}

export class OpenAIEmbedder extends Embeddings {
  readonly model: string;
  readonly #url: string;
  readonly #apiModel: string;
  // NOTE: a private field, so the key shows in neither util.inspect, JSON.stringify nor a logged object.
  readonly #apiKey: string | undefined;
  readonly #requested: number | undefined;
  readonly #batchSize: number;
  readonly #policy: RetryPolicy;
  #dimension: number | undefined;

  constructor(o: OpenAIEmbedderOptions) {
    super({ maxRetries: 0 }); // retries are ours (transport.ts): they honour Retry-After and give typed errors
    this.#url = embeddingsUrl(o.baseURL);
    this.#apiModel = o.model;
    this.model = `openai:${o.model}`;
    this.#apiKey = o.apiKey || undefined;
    this.#requested = o.dimensions;
    this.#dimension = o.dimensions;
    this.#batchSize = Math.max(1, o.batchSize ?? 64);
    this.#policy = {
      timeoutMs: o.timeoutMs ?? 30_000,
      maxRetries: o.maxRetries ?? 4,
      retryBaseMs: o.retryBaseMs ?? 500,
      retryMaxMs: o.retryMaxMs ?? 60_000,
      // NOTE: twice one attempt's limit for all of them: a server that stalls gives up after that, not after 5.
      overallMs: o.overallMs ?? 2 * (o.timeoutMs ?? 30_000),
    };
  }

  /** The vector length. Known from configuration, or after `probe()` or the first successful call. */
  get dimension(): number {
    if (this.#dimension === undefined) throw new Error(`dimension of ${this.model} unknown: await probe() first`);
    return this.#dimension;
  }

  /**
   * Learn the dimension (one small request) unless it is already known; also a reachability check.
   * @example const d = await new OpenAIEmbedder({ baseURL, model: 'nomic-embed-text' }).probe(); // 768
   */
  async probe(): Promise<number> {
    if (this.#dimension === undefined) await this.#embedBatch(['dimensjon']);
    return this.dimension;
  }

  /**
   * Texts without visible characters get the zero vector without a request (OpenAI rejects empty input),
   * matching the local embedder.
   */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: number[][] = new Array(texts.length);
    const todo = texts.map((t, i) => i).filter((i) => texts[i].trim() !== '');
    for (let start = 0; start < todo.length; start += this.#batchSize) {
      const ids = todo.slice(start, start + this.#batchSize);
      const vectors = await this.#embedBatch(ids.map((i) => texts[i]));
      ids.forEach((id, k) => (out[id] = vectors[k]));
    }
    if (todo.length < texts.length) {
      const dimension = await this.probe();
      for (let i = 0; i < texts.length; i++) out[i] ??= new Array<number>(dimension).fill(0);
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.embedDocuments([text]))[0];
  }

  async #embedBatch(input: string[]): Promise<number[][]> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.#apiKey) headers.authorization = `Bearer ${this.#apiKey}`;
    const body = { model: this.#apiModel, input, ...(this.#requested ? { dimensions: this.#requested } : {}) };
    const json = await postJson(this.#url, body, headers, this.#policy, this.#apiKey ? [this.#apiKey] : []);
    const parsed = EmbeddingResponse.safeParse(json);
    const bad = (why: string) =>
      new EmbeddingError('embedder_bad_response', `${this.#url} (${this.#apiModel}): ${why}`);
    if (!parsed.success) throw bad(`unexpected response shape: ${parsed.error.issues[0]?.message ?? ''}`);
    // Servers may answer out of order; `index` says which input each vector belongs to.
    const data = [...parsed.data.data].sort((a, b) => a.index - b.index);
    if (data.length !== input.length) throw bad(`asked for ${input.length} vectors, got ${data.length}`);
    if (data.some((d, i) => d.index !== i)) throw bad(`indices are not 0..${input.length - 1}`);
    const dimension = this.#dimension ?? data[0].embedding.length;
    const wrong = data.find((d) => d.embedding.length !== dimension);
    if (wrong) throw bad(`expected dimension ${dimension}, got ${wrong.embedding.length}`);
    this.#dimension = dimension;
    return data.map((d) => normalise(d.embedding));
  }
}

/** Unit length, so cosine is a dot product; a zero vector stays zero. */
function normalise(v: number[]): number[] {
  let sq = 0;
  for (const x of v) sq += x * x;
  if (sq === 0) return v;
  const inv = 1 / Math.sqrt(sq);
  return v.map((x) => x * inv);
}
