/**
 * The position judge (issue 17): when the word-based relevance decision is unsure whether an organisation's
 * passages answer a consultation question, the configured model is asked (prompts/position-judge.md) and answers
 * yes / no / unclear in JSON. Claude and the OpenAI-compatible endpoint share the prompt and the answer format; a
 * failure or a timeout throws (mapped and logged), and the caller keeps the section «uncertain».
 */
import { z } from 'zod';
import type { Logger } from '../log.js';
import { claudeClient, type ClaudeOptions } from './anthropicSdk.js';
import { ChatTimeoutError, LlmOutputError, mapLlmError } from './errors.js';
import { startDeadline } from './limits.js';
import { chatPoster } from './openaiChat.js';
import { loadPrompt, renderPart } from './prompts.js';

export type PositionAnswer = 'yes' | 'no' | 'unclear';

export interface PositionJudgeInput {
  question: string;
  organisation: string;
  passages: { id: string; title: string; text: string }[];
}

export interface PositionJudge {
  /** id@version of prompts/position-judge.md, recorded with the draft. */
  readonly promptRef: string;
  judge(input: PositionJudgeInput): Promise<{ answer: PositionAnswer; reason: string }>;
}

const Answer = z.object({ answer: z.enum(['yes', 'no', 'unclear']), reason: z.string().max(2000).default('') });

/** The prompt filled for one question; passage text is data (`<` and `&` escaped), as in the verifier's judge. */
export function positionPrompt(input: PositionJudgeInput): { system: string; user: string; ref: string } {
  const prompt = loadPrompt('position-judge');
  const passages = input.passages
    .map((p) => `<kilde id="${attr(p.id)}" tittel="${attr(p.title)}">\n${data(p.text)}\n</kilde>`)
    .join('\n');
  const values = { question: data(input.question), organisation: data(input.organisation), passages };
  return { system: renderPart(prompt, 'system', values), user: renderPart(prompt, 'user', values), ref: prompt.ref };
}

/** The first JSON object in the model's answer, validated. */
export function parsePositionAnswer(text: string): { answer: PositionAnswer; reason: string } {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end <= start) throw new LlmOutputError('modellen svarte ikke med JSON');
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new LlmOutputError('modellen svarte med ugyldig JSON');
  }
  const parsed = Answer.safeParse(json);
  if (!parsed.success) throw new LlmOutputError('modellens svar mangler answer');
  return parsed.data;
}

/** The chat judge's options are Claude's, with the endpoint required and the key optional. */
type Common = Omit<ClaudeOptions, 'apiKey' | 'baseURL'>;

/** @example await createClaudePositionJudge({ apiKey, model: 'claude-sonnet-5-5' }).judge({ question, organisation, passages }) */
export function createClaudePositionJudge(opts: ClaudeOptions): PositionJudge {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const client = claudeClient(opts, timeoutMs);
  return {
    promptRef: loadPrompt('position-judge').ref,
    async judge(input) {
      const { system, user } = positionPrompt(input);
      const sdk = await client();
      const deadline = startDeadline(timeoutMs);
      try {
        const { data: message, request_id } = await sdk.messages
          .create(
            { model: opts.model, max_tokens: 200, system, messages: [{ role: 'user', content: user }] },
            { signal: deadline.signal },
          )
          .withResponse();
        const text = (message.content ?? []).flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
        const answer = parsePositionAnswer(text);
        opts.logger?.debug(
          { provider: 'anthropic', task: 'position', requestId: request_id, answer: answer.answer },
          'position judge call',
        );
        return answer;
      } catch (err) {
        const cause = deadline.expired()
          ? new ChatTimeoutError('position judge passed its deadline', { cause: err })
          : err;
        throw logged(mapLlmError(cause, 'anthropic'), 'anthropic', opts.logger);
      }
    },
  };
}

/** @example await createChatPositionJudge({ baseURL: 'http://127.0.0.1:11434', model: 'llama3.1:8b' }).judge(input) */
export function createChatPositionJudge(
  opts: Common & { baseURL: string; apiKey?: string; retryBaseMs?: number },
): PositionJudge {
  const post = chatPoster(opts);
  return {
    promptRef: loadPrompt('position-judge').ref,
    async judge(input) {
      const { system, user } = positionPrompt(input);
      try {
        const data = await post(
          {
            model: opts.model,
            temperature: 0,
            max_tokens: 200,
            messages: [
              { role: 'system', content: system },
              { role: 'user', content: user },
            ],
          },
          startDeadline(opts.timeoutMs ?? 30_000),
        );
        const content = data?.choices?.[0]?.message?.content;
        if (typeof content !== 'string' || !content.trim()) throw new LlmOutputError('modellen svarte uten tekst');
        const answer = parsePositionAnswer(content);
        opts.logger?.debug(
          { provider: 'openai-chat', task: 'position', requestId: data.id ?? null, answer: answer.answer },
          'position judge call',
        );
        return answer;
      } catch (err) {
        throw logged(mapLlmError(err, 'openai-chat'), 'openai-chat', opts.logger);
      }
    },
  };
}

function logged<E extends ReturnType<typeof mapLlmError>>(err: E, provider: string, logger?: Logger): E {
  logger?.warn(
    { provider, task: 'position', code: err.code, status: err.details.status },
    'position judge call failed',
  );
  return err;
}

function data(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function attr(text: string): string {
  return data(text).replace(/"/g, '&quot;');
}
