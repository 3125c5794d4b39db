/**
 * Choose the drafter from configuration: LLM_PROVIDER=auto takes Claude when ANTHROPIC_API_KEY is set, else the
 * OpenAI-compatible endpoint when CHAT_BASE_URL and CHAT_MODEL are set, else the offline extractive drafter.
 */
import type { Config } from '../config/env.js';
import type { Logger } from '../log.js';
import { createAnthropicProvider } from './anthropic.js';
import { createExtractiveProvider, type SentenceEmbedder } from './extractive.js';
import { createChatProvider } from './openaiChat.js';
import type { LlmProvider } from './types.js';
import { CircuitBreaker, withBreaker } from './breaker.js';
import { createClaudeJudge } from './judge.js';
import { createChatJudge } from './judgeChat.js';
import type { Judge } from '../domain/judge.js';
import { createChatPositionJudge, createClaudePositionJudge, type PositionJudge } from './positionJudge.js';

export type {
  LlmProvider,
  Generation,
  GenerationRequest,
  CitedSentence,
  CitationRef,
  SourcePassage,
  TokenUsage,
} from './types.js';
export { CircuitBreaker, withBreaker } from './breaker.js';
export type { PositionJudge, PositionAnswer } from './positionJudge.js';

/** The settings that choose and tune the drafter and the judge. */
export type LlmConfig = Pick<
  Config,
  | 'VERIFY_JUDGE'
  | 'VERIFY_JUDGE_TIMEOUT_MS'
  | 'LLM_PROVIDER'
  | 'ANTHROPIC_API_KEY'
  | 'ANTHROPIC_BASE_URL'
  | 'ANTHROPIC_MODEL'
  | 'CHAT_BASE_URL'
  | 'CHAT_API_KEY'
  | 'CHAT_MODEL'
  | 'LLM_TIMEOUT_MS'
  | 'LLM_MAX_RETRIES'
  | 'LLM_MAX_RETRY_AFTER_MS'
  | 'LLM_BREAKER_FAILURES'
  | 'LLM_BREAKER_COOLDOWN_MS'
>;

/**
 * @example const llm = createLlmProvider(loadConfig(), { embedder, logger }); llm.name // 'extractive' with no key
 */
export function createLlmProvider(
  config: LlmConfig,
  { embedder, logger }: { embedder?: SentenceEmbedder; logger?: Logger } = {},
): LlmProvider {
  const wanted = config.LLM_PROVIDER;
  const anthropic = () => {
    if (!config.ANTHROPIC_API_KEY) throw new Error('LLM_PROVIDER=anthropic krever ANTHROPIC_API_KEY');
    return createAnthropicProvider({
      apiKey: config.ANTHROPIC_API_KEY,
      baseURL: config.ANTHROPIC_BASE_URL,
      model: config.ANTHROPIC_MODEL,
      timeoutMs: config.LLM_TIMEOUT_MS,
      maxRetryAfterMs: config.LLM_MAX_RETRY_AFTER_MS,
      maxRetries: config.LLM_MAX_RETRIES,
      logger,
    });
  };
  const chat = () => {
    if (!config.CHAT_BASE_URL || !config.CHAT_MODEL)
      throw new Error('LLM_PROVIDER=openai krever CHAT_BASE_URL og CHAT_MODEL');
    return createChatProvider({
      baseURL: config.CHAT_BASE_URL,
      apiKey: config.CHAT_API_KEY,
      model: config.CHAT_MODEL,
      timeoutMs: config.LLM_TIMEOUT_MS,
      maxRetryAfterMs: config.LLM_MAX_RETRY_AFTER_MS,
      maxRetries: config.LLM_MAX_RETRIES,
      logger,
    });
  };
  // One breaker per model provider: after LLM_BREAKER_FAILURES failures in a row, 503 at once for the cool-down.
  const guarded = (provider: LlmProvider) =>
    withBreaker(
      provider,
      new CircuitBreaker({ failures: config.LLM_BREAKER_FAILURES, coolDownMs: config.LLM_BREAKER_COOLDOWN_MS }),
    );
  if (wanted === 'anthropic') return guarded(anthropic());
  if (wanted === 'openai') return guarded(chat());
  if (wanted === 'auto' && config.ANTHROPIC_API_KEY) return guarded(anthropic());
  if (wanted === 'auto' && config.CHAT_BASE_URL && config.CHAT_MODEL) return guarded(chat());
  return createExtractiveProvider({ embedder });
}

/**
 * The verifier's judge: VERIFY_JUDGE=claude or chat by name; auto (the default) judges with the model that drafts
 * (Claude with a key, else the chat endpoint) and not at all offline; off never. Undefined when there is none.
 * @example createJudge({ ...config, VERIFY_JUDGE: 'auto', CHAT_BASE_URL: 'http://127.0.0.1:11434', CHAT_MODEL: 'm' })
 */
export function createJudge(config: LlmConfig, { logger }: { logger?: Logger } = {}): Judge | undefined {
  const which = judgeKind(config);
  const common = { timeoutMs: config.VERIFY_JUDGE_TIMEOUT_MS, maxRetries: config.LLM_MAX_RETRIES, logger };
  if (which === 'claude') {
    if (!config.ANTHROPIC_API_KEY) throw new Error('VERIFY_JUDGE=claude krever ANTHROPIC_API_KEY');
    return withJudgeBreaker(
      createClaudeJudge({
        apiKey: config.ANTHROPIC_API_KEY,
        baseURL: config.ANTHROPIC_BASE_URL,
        model: config.ANTHROPIC_MODEL,
        maxRetryAfterMs: config.LLM_MAX_RETRY_AFTER_MS,
        ...common,
      }),
      config,
      'anthropic',
    );
  }
  if (which === 'chat') {
    if (!config.CHAT_BASE_URL || !config.CHAT_MODEL)
      throw new Error('VERIFY_JUDGE=chat krever CHAT_BASE_URL og CHAT_MODEL');
    return withJudgeBreaker(
      createChatJudge({
        baseURL: config.CHAT_BASE_URL,
        apiKey: config.CHAT_API_KEY,
        model: config.CHAT_MODEL,
        maxRetryAfterMs: config.LLM_MAX_RETRY_AFTER_MS,
        ...common,
      }),
      config,
      'openai-chat',
    );
  }
  return undefined;
}

/** Which judge the configuration asks for; auto follows createLlmProvider's choice of drafter. */
function judgeKind(config: LlmConfig): 'claude' | 'chat' | 'off' {
  const j = config.VERIFY_JUDGE ?? 'auto';
  if (j !== 'auto') return j;
  const p = config.LLM_PROVIDER;
  if (p === 'anthropic' || (p === 'auto' && config.ANTHROPIC_API_KEY)) return 'claude';
  if (p === 'openai' || (p === 'auto' && config.CHAT_BASE_URL && config.CHAT_MODEL)) return 'chat';
  return 'off';
}

/** The judge's own breaker: the verifier falls back to its fixed checks at once instead of waiting per sentence. */
function withJudgeBreaker<J extends Judge>(judge: J, config: LlmConfig, provider: 'anthropic' | 'openai-chat'): J {
  const breaker = new CircuitBreaker({
    failures: config.LLM_BREAKER_FAILURES,
    coolDownMs: config.LLM_BREAKER_COOLDOWN_MS,
  });
  return { ...judge, judge: (input) => breaker.run(() => judge.judge(input), { provider }) };
}

/**
 * The position judge for the relevance decision's uncertain band (issue 17): the model that drafts (Claude, else the
 * chat endpoint), none offline. VERIFY_JUDGE does not switch it off: it decides what a section is, not whether a
 * sentence is supported. Its deadline is VERIFY_JUDGE_TIMEOUT_MS; a failure leaves the section uncertain.
 * @example createPositionJudge({ ...config, LLM_PROVIDER: 'openai', CHAT_BASE_URL: 'http://127.0.0.1:11434', CHAT_MODEL: 'm' })
 */
export function createPositionJudge(
  config: LlmConfig,
  { logger }: { logger?: Logger } = {},
): PositionJudge | undefined {
  const which = judgeKind({ ...config, VERIFY_JUDGE: 'auto' });
  const common = {
    timeoutMs: config.VERIFY_JUDGE_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
    maxRetryAfterMs: config.LLM_MAX_RETRY_AFTER_MS,
    logger,
  };
  if (which === 'claude' && config.ANTHROPIC_API_KEY)
    return createClaudePositionJudge({
      apiKey: config.ANTHROPIC_API_KEY,
      baseURL: config.ANTHROPIC_BASE_URL,
      model: config.ANTHROPIC_MODEL,
      ...common,
    });
  if (which === 'chat' && config.CHAT_BASE_URL && config.CHAT_MODEL)
    return createChatPositionJudge({
      baseURL: config.CHAT_BASE_URL,
      apiKey: config.CHAT_API_KEY,
      model: config.CHAT_MODEL,
      ...common,
    });
  return undefined;
}
