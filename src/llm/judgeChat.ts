/**
 * The verifier's entailment judge on an OpenAI-compatible chat endpoint (vLLM, Ollama, LM Studio): the same
 * endpoint and retries as the chat drafter, the same prompt (prompts/verify-judge.md) and answer format as the
 * Claude judge. The verifier catches a failure and keeps its fixed checks' verdict; here it is mapped and logged.
 */
import type { Judge, JudgeInput, JudgeVerdict } from '../domain/judge.js';
import type { Logger } from '../log.js';
import { LlmOutputError, mapLlmError } from './errors.js';
import { parseVerdict } from './judge.js';
import { judgePrompt } from './judgePrompt.js';
import { startDeadline } from './limits.js';
import { chatPoster } from './openaiChat.js';

export interface ChatJudgeOptions {
  baseURL: string;
  apiKey?: string;
  model: string;
  maxRetries?: number;
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  retryBaseMs?: number;
  logger?: Logger;
}

/**
 * @example await verifyDraft(draft, { source, judge: createChatJudge({ baseURL: 'http://127.0.0.1:11434', model: 'llama3.1:8b' }) })
 */
export function createChatJudge(opts: ChatJudgeOptions): Judge & { readonly promptRef: string } {
  const post = chatPoster(opts);
  return {
    promptRef: judgePrompt({ sentence: '', passages: [] }).ref,
    async judge(input: JudgeInput): Promise<{ verdict: JudgeVerdict; reason: string }> {
      const { system, user } = judgePrompt(input);
      try {
        const data = await post(
          {
            model: opts.model,
            // NOTE: a judge should answer the same way twice; temperature 0 is what the OpenAI-compatible servers share.
            temperature: 0,
            max_tokens: 300,
            messages: [
              { role: 'system', content: system },
              { role: 'user', content: user },
            ],
          },
          startDeadline(opts.timeoutMs ?? 30_000),
        );
        const content = data?.choices?.[0]?.message?.content;
        if (typeof content !== 'string' || !content.trim()) throw new LlmOutputError('dommeren svarte uten tekst');
        const verdict = parseVerdict(content);
        opts.logger?.debug(
          { provider: 'openai-chat', task: 'judge', requestId: data.id ?? null, verdict: verdict.verdict },
          'judge call',
        );
        return verdict;
      } catch (err) {
        const mapped = mapLlmError(err, 'openai-chat');
        opts.logger?.warn(
          { provider: 'openai-chat', task: 'judge', code: mapped.code, status: mapped.details.status },
          'judge call failed',
        );
        throw mapped;
      }
    },
  };
}
