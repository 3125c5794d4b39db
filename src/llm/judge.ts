/**
 * The verifier's optional entailment judge, implemented with Claude. The prompt (prompts/verify-judge.md) is filled
 * by the verifier's judgePrompt, which wraps every source as escaped data. The verifier catches a judge failure
 * and falls back to its fixed checks, so a failure here never fails a draft; it is still mapped and logged.
 */
import { z } from 'zod';
import type { Judge, JudgeInput, JudgeVerdict } from '../domain/judge.js';
import { judgePrompt } from './judgePrompt.js';
import { claudeClient, type ClaudeOptions } from './anthropicSdk.js';
import { ChatTimeoutError, LlmOutputError, mapLlmError } from './errors.js';
import { startDeadline } from './limits.js';

const Answer = z.object({
  verdict: z.enum(['entailed', 'neutral', 'contradicted']),
  reason: z.string().min(1).max(2000),
});

/** Claude's options; a call's deadline defaults to 60 s. */
export type ClaudeJudgeOptions = ClaudeOptions;

/**
 * @example await verifyDraft(draft, { source, judge: createClaudeJudge({ apiKey, model: 'claude-sonnet-5-5' }) })
 */
export function createClaudeJudge(opts: ClaudeJudgeOptions): Judge & { readonly promptRef: string } {
  const client = claudeClient(opts, 60_000);
  return {
    promptRef: judgePrompt({ sentence: '', passages: [] }).ref,
    async judge(input: JudgeInput): Promise<{ verdict: JudgeVerdict; reason: string }> {
      const { system, user } = judgePrompt(input);
      const sdk = await client(); // loaded on first use, outside the deadline
      const deadline = startDeadline(opts.timeoutMs ?? 60_000);
      try {
        const { data: message, request_id } = await sdk.messages
          .create(
            {
              model: opts.model,
              max_tokens: 300,
              system: [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }],
              messages: [{ role: 'user', content: user }],
            },
            { signal: deadline.signal },
          )
          .withResponse();
        const text = (message.content ?? []).flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
        const verdict = parseVerdict(text);
        opts.logger?.debug(
          {
            provider: 'anthropic',
            task: 'judge',
            requestId: request_id,
            verdict: verdict.verdict,
            usage: message.usage,
          },
          'judge call',
        );
        return verdict;
      } catch (err) {
        const mapped = mapLlmError(
          deadline.expired() ? new ChatTimeoutError('judge call passed its deadline', { cause: err }) : err,
          'anthropic',
        );
        opts.logger?.warn(
          {
            provider: 'anthropic',
            task: 'judge',
            code: mapped.code,
            status: mapped.details.status,
            requestId: mapped.details.requestId,
          },
          'judge call failed',
        );
        throw mapped;
      }
    },
  };
}

/** The first JSON object in the answer, validated. */
export function parseVerdict(text: string): { verdict: JudgeVerdict; reason: string } {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end <= start) throw new LlmOutputError('dommeren svarte ikke med JSON');
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new LlmOutputError('dommeren svarte med ugyldig JSON');
  }
  const parsed = Answer.safeParse(json);
  if (!parsed.success) throw new LlmOutputError('dommerens svar mangler verdict eller reason');
  return parsed.data;
}
