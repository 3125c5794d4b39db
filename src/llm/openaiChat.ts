/**
 * Any OpenAI-compatible chat endpoint (vLLM, Ollama, LM Studio, a Norwegian model served in-house):
 * POST {baseURL}/v1/chat/completions. Sources go in the user message wrapped as `<kilde>` data; the answer is parsed
 * by chatCitations.ts. Retries 429/5xx/timeouts/connection errors with backoff, like the Anthropic SDK does.
 */
import type { Logger } from '../log.js';
import { ChatHttpError, ChatTimeoutError, LlmOutputError, mapLlmError } from './errors.js';
import { parseChatAnswer, wrapSources } from './chatCitations.js';
import { loadPrompt, renderPart } from './prompts.js';
import type { GenerateOptions, Generation, GenerationRequest, LlmProvider } from './types.js';

export interface ChatProviderOptions {
  baseURL: string;
  apiKey?: string;
  model: string;
  maxRetries?: number;
  timeoutMs?: number;
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
          signal,
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
  opts: Pick<ChatProviderOptions, 'baseURL' | 'apiKey' | 'maxRetries' | 'timeoutMs' | 'retryBaseMs'>,
): (body: unknown, signal?: AbortSignal) => Promise<ChatResponse> {
  const url = `${opts.baseURL.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/chat/completions`;
  const maxRetries = opts.maxRetries ?? 2;

  async function post(body: unknown, signal?: AbortSignal): Promise<ChatResponse> {
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(opts.timeoutMs ?? 60_000);
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
          },
          body: JSON.stringify(body),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        if (res.ok) {
          try {
            return (await res.json()) as ChatResponse;
          } catch {
            throw new LlmOutputError('svaret er ikke JSON');
          }
        }
        await res.body?.cancel();
        throw new ChatHttpError(res.status, `chat endpoint answered ${res.status}`);
      } catch (err) {
        const e = timeout.aborted && !signal?.aborted ? new ChatTimeoutError('chat request timed out') : err;
        const retryable =
          e instanceof ChatTimeoutError ||
          (e instanceof ChatHttpError && (e.status === 429 || e.status >= 500)) ||
          (e instanceof TypeError && !signal?.aborted);
        if (!retryable || attempt >= maxRetries) throw e;
        await new Promise((r) => setTimeout(r, (opts.retryBaseMs ?? 500) * 2 ** attempt));
      }
    }
  }
  return post;
}
