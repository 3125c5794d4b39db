/**
 * Any OpenAI-compatible chat endpoint (vLLM, Ollama, LM Studio, a Norwegian model served in-house):
 * POST {baseURL}/v1/chat/completions. Sources go in the user message wrapped as `<kilde>` data; the answer is parsed
 * by chatCitations.ts. Retries 429/5xx/connection errors with backoff, like the Anthropic SDK does, within one
 * overall deadline (LLM_TIMEOUT_MS) and the retry-after cap (LLM_MAX_RETRY_AFTER_MS).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log.js';
import { retryAfterMs, startDeadline, type Deadline } from './limits.js';
import { ChatHttpError, ChatTimeoutError, LlmOutputError, mapLlmError } from './errors.js';
import { parseChatAnswer, wrapSources } from './chatCitations.js';
import { loadPrompt, renderPart } from './prompts.js';
import type { GenerateOptions, Generation, GenerationRequest, LlmProvider } from './types.js';

export interface ChatProviderOptions {
  baseURL: string;
  apiKey?: string;
  model: string;
  maxRetries?: number;
  /** Overall deadline of one call in ms, first byte to last, retries included (default 60 s). */
  timeoutMs?: number;
  /** The longest `retry-after` we wait out; a longer one fails the call at once (default 20 s). */
  maxRetryAfterMs?: number;
  /** First backoff in ms; doubles per retry. */
  retryBaseMs?: number;
  logger?: Logger;
}

export interface ChatResponse {
  model?: string;
  id?: string;
  choices?: { message?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

/**
 * @example createChatProvider({ baseURL: 'http://127.0.0.1:11434', model: 'llama3.1:8b' })
 */
export function createChatProvider(opts: ChatProviderOptions): LlmProvider {
  const format = loadPrompt('chat-citations');
  const post = chatPoster(opts);

  return {
    name: 'openai-chat',
    model: opts.model,
    extractive: false,
    async generate(req: GenerationRequest, { signal }: GenerateOptions = {}): Promise<Generation> {
      const t0 = performance.now();
      try {
        const data = await post(
          {
            model: opts.model,
            temperature: 0.2,
            max_tokens: req.maxTokens,
            messages: [
              { role: 'system', content: `${req.system}\n\n${renderPart(format, 'system', {})}` },
              {
                role: 'user',
                content: `${renderPart(format, 'sources', { sources: wrapSources(req.sources) })}\n\n${req.user}`,
              },
            ],
          },
          startDeadline(opts.timeoutMs ?? 60_000, signal),
        );
        const content = data?.choices?.[0]?.message?.content;
        if (typeof content !== 'string' || !content.trim()) throw new LlmOutputError('svaret mangler tekst');
        const generation: Generation = {
          paragraphs: parseChatAnswer(content),
          model: data.model ?? opts.model,
          requestId: data.id ?? null,
          stopReason: data.choices?.[0]?.finish_reason ?? null,
          promptRefs: [format.ref],
          usage: {
            inputTokens: data.usage?.prompt_tokens ?? 0,
            outputTokens: data.usage?.completion_tokens ?? 0,
            cacheReadInputTokens: 0,
            cacheCreationInputTokens: 0,
          },
        };
        opts.logger?.info(
          {
            provider: 'openai-chat',
            model: generation.model,
            requestId: generation.requestId,
            usage: generation.usage,
            ms: Math.round(performance.now() - t0),
          },
          'llm call',
        );
        return generation;
      } catch (err) {
        const mapped = mapLlmError(err, 'openai-chat');
        opts.logger?.warn(
          { provider: 'openai-chat', model: opts.model, code: mapped.code, status: mapped.details.status },
          'llm call failed',
        );
        throw mapped;
      }
    },
  };
}

/**
 * POST one chat completion with the provider's retries (429, 5xx, timeouts, lost connections) and backoff; shared
 * by the drafter and the verifier's chat judge (judgeChat.ts).
 */
export function chatPoster(
  opts: Pick<ChatProviderOptions, 'baseURL' | 'apiKey' | 'maxRetries' | 'maxRetryAfterMs' | 'retryBaseMs'>,
): (body: unknown, deadline: Deadline) => Promise<ChatResponse> {
  const url = `${opts.baseURL.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/chat/completions`;
  const maxRetries = opts.maxRetries ?? 2;

  /**
   * One call, retried like the Anthropic SDK retries (429/5xx/connection errors; the endpoint's retry-after when it
   * gives one, else backoff), all within one overall deadline. A retry-after above the cap fails at once.
   */
  async function post(body: unknown, deadline: Deadline): Promise<ChatResponse> {
    const maxWaitMs = opts.maxRetryAfterMs ?? 20_000;
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
          },
          body: JSON.stringify(body),
          signal: deadline.signal,
        });
        if (res.ok) {
          try {
            return (await res.json()) as ChatResponse;
          } catch (err) {
            if (deadline.signal.aborted) throw err;
            throw new LlmOutputError('svaret er ikke JSON');
          }
        }
        await res.body?.cancel();
        throw new ChatHttpError(res.status, `chat endpoint answered ${res.status}`, retryAfterMs(res.headers));
      } catch (err) {
        if (deadline.expired()) throw new ChatTimeoutError('chat request passed its deadline', { cause: err });
        const retryable =
          (err instanceof ChatHttpError && (err.status === 429 || err.status >= 500)) ||
          (err instanceof TypeError && !deadline.signal.aborted);
        if (!retryable || attempt >= maxRetries) throw err;
        const asked = err instanceof ChatHttpError ? err.retryAfterMs : undefined;
        if (asked !== undefined && asked > maxWaitMs) throw err;
        try {
          await sleep(asked ?? (opts.retryBaseMs ?? 500) * 2 ** attempt, undefined, { signal: deadline.signal });
        } catch (abort) {
          if (deadline.expired()) throw new ChatTimeoutError('chat request passed its deadline', { cause: abort });
          throw abort;
        }
      }
    }
  }
  return post;
}
