/**
 * The same hard limits below the HTTP layer: Claude's non-streamed path and the verifier's judge end a call that
 * stalls after its headers at the deadline, and refuse to wait out a retry-after above the cap; both fail with a
 * 503 error that carries the Retry-After a client should see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JudgeInput } from '../../src/domain/judge.js';
import { toAppError } from '../../src/errors.js';
import { createAnthropicProvider } from '../../src/llm/anthropic.js';
import { loadConfig } from '../../src/config/env.js';
import { createJudge } from '../../src/llm/index.js';
import { createClaudeJudge } from '../../src/llm/judge.js';
import { retryAfterMs } from '../../src/llm/limits.js';
import type { GenerationRequest } from '../../src/llm/types.js';
import { startFakeMessagesApi, type FakeMessagesApi } from '../helpers/fakeMessagesApi.js';

let api: FakeMessagesApi;
beforeAll(async () => {
  api = await startFakeMessagesApi();
});
afterAll(() => api.close());

const passage = {
  id: 'ntl-p001',
  text: 'NTL mener at offentlig sektor må ha kontroll over egne IKT-systemer og data i framtiden.',
  title: 'Prinsipprogram',
  organisation: 'NTL',
  date: '2019',
};
const request: GenerationRequest = {
  task: 'answer',
  system: 'Svar kort.',
  user: 'Hva mener NTL?',
  question: 'Hva mener NTL?',
  sources: [passage],
  maxSentences: 3,
  maxTokens: 300,
  language: 'nb',
};
const judgeInput: JudgeInput = {
  sentence: 'NTL vil ha kontroll over egne IKT-systemer.',
  passages: [{ ...passage, quote: 'NTL mener at offentlig sektor må ha kontroll over egne IKT-systemer' }],
};

const claude = (timeoutMs: number) =>
  createAnthropicProvider({
    apiKey: 'k',
    baseURL: api.url,
    model: 'claude-test',
    stream: false,
    maxRetries: 2,
    timeoutMs,
  });
const judge = (timeoutMs: number) =>
  createClaudeJudge({ apiKey: 'k', baseURL: api.url, model: 'claude-test', maxRetries: 2, timeoutMs });

describe('model call limits below HTTP', () => {
  it.each([
    ['Claude, not streamed', () => claude(300).generate(request)],
    ['the verifier’s judge', () => judge(300).judge(judgeInput)],
  ])(
    '%s: a stall after the headers ends at the deadline as 503 with Retry-After',
    async (_name, call) => {
      api.scenario = 'stall';
      const err = await call().then(
        () => null,
        (e) => e,
      );
      const app = toAppError(err);
      expect(app.status).toBe(503);
      expect(app.detail).toMatch(/svarte ikke i tide/);
      expect(app.retryAfterS).toBeGreaterThan(0);
    },
    15_000,
  );

  it.each([
    ['Claude, not streamed', () => claude(20_000).generate(request)],
    ['the verifier’s judge', () => judge(20_000).judge(judgeInput)],
  ])(
    '%s: retry-after 600 is not waited out: one request, 503 with Retry-After 600',
    async (_name, call) => {
      api.scenario = 'rate_limit_long';
      const before = api.requests.length;
      const err = await call().then(
        () => null,
        (e) => e,
      );
      expect(api.requests.length - before).toBe(1);
      const app = toAppError(err);
      expect(app.status).toBe(503);
      expect(app.retryAfterS).toBe(600);
    },
    15_000,
  );

  it('the judge from configuration has a breaker: after LLM_BREAKER_FAILURES failures the next call never reaches Claude', async () => {
    // Its own fake: a request another test gave up on may still be arriving at the shared one.
    const own = await startFakeMessagesApi({ scenario: 'server_error' });
    try {
      const config = loadConfig({
        VERIFY_JUDGE: 'claude',
        ANTHROPIC_API_KEY: 'k',
        ANTHROPIC_BASE_URL: own.url,
        LLM_MAX_RETRIES: '0',
        LLM_BREAKER_FAILURES: '2',
      });
      const j = createJudge(config)!;
      for (let i = 0; i < 3; i++) await expect(j.judge(judgeInput)).rejects.toMatchObject({ code: 'unavailable:llm' });
      expect(own.requests.length).toBe(2);
    } finally {
      await own.close();
    }
  });

  it('reads retry-after-ms, retry-after in seconds and as an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '600' }))).toBe(600_000);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(retryAfterMs(new Headers({ 'retry-after': inAMinute }))).toBeGreaterThan(50_000);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});
