/**
 * The one interface every drafter implements: Claude (citations extracted by the API), an OpenAI-compatible chat
 * model (citations written by the model, parsed, then checked) and the offline extractive drafter (citations are
 * the sentences themselves). The drafting and asking pipelines only ever see this.
 */

import type { CitationRef, CitedSentence, ProviderName, TokenUsage } from '../domain/index.js';

export { addUsage, ZERO_USAGE } from '../domain/index.js';
export type { CitationRef, CitedSentence, ProviderName, TokenUsage } from '../domain/index.js';

/** A retrieved passage offered to the model as a citable source. Citation offsets index into `text`. */
export interface SourcePassage {
  id: string;
  text: string;
  title: string;
  organisation: string;
  date: string;
  /** Relevance of the passage to the request (the retrieval score), best first in `sources`. */
  score?: number;
}

export interface GenerationRequest {
  /** What is being written; the extractive drafter picks sentences differently for an introduction. */
  task: 'intro' | 'section' | 'answer';
  /** Shared instructions (cached by Claude across the calls of one draft). */
  system: string;
  /** This call's instructions. Never contains source text: sources travel separately, as data. */
  user: string;
  /** What the sentences must address: the consultation question, the adviser's question. */
  question: string;
  /** Best first. */
  sources: SourcePassage[];
  maxSentences: number;
  maxTokens: number;
  language: 'nb' | 'nn';
  /** The organisation whose voice to use ("vi"). The extractive drafter attributes every other organisation's sentences, and all of them when this is undefined. */
  organisation?: string;
  /** Citations earlier parts of the same draft already use; the extractive drafter does not repeat them. */
  exclude?: CitationRef[];
}

export interface Generation {
  /** Paragraphs of sentences, in order. */
  paragraphs: CitedSentence[][];
  usage: TokenUsage;
  model: string;
  /** The provider's request id (Anthropic `request-id`), for support cases. */
  requestId?: string | null;
  stopReason?: string | null;
  /** Prompt refs (id@version) the provider itself added, e.g. the chat citation format. */
  promptRefs?: string[];
}

export interface GenerateOptions {
  signal?: AbortSignal;
  /** Text as it streams in (Claude, chat); for progress only, the result is `Generation`. */
  onText?: (delta: string) => void;
}

export interface LlmProvider {
  readonly name: ProviderName;
  readonly model: string;
  /** True when the output is sentences lifted from the sources, not written by a model. */
  readonly extractive: boolean;
  generate(req: GenerationRequest, opts?: GenerateOptions): Promise<Generation>;
  /** The circuit breaker's state (model providers built from configuration); absent for the offline drafter. */
  health?(): LlmHealth;
}

/** What /health says about the model: `open` answers 503 at once for `retryAfterS` more seconds. */
export interface LlmHealth {
  state: 'closed' | 'open' | 'half_open';
  retryAfterS?: number;
}
