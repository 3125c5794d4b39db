/**
 * Hard limits on every model call, seen from /ask, /drafts and /health, for Claude (the REAL Anthropic SDK) and
 * the OpenAI-compatible chat provider, each against its fake API on 127.0.0.1 and built from configuration as the
 * server builds it: a stream that stalls after its headers ends in 503 at LLM_TIMEOUT_MS; a 429 asking for
 * 600 s gives 503 with Retry-After at once instead of waiting; 5 failures in a row open the circuit breaker (the
 * 6th call never reaches the model) and /health says so; after the cool-down a success closes it. Nothing is
 * half-saved.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../src/config/env.js';
import { createApp } from '../../src/http/app.js';
import { createLlmProvider } from '../../src/llm/index.js';
import { silentLogger } from '../../src/log.js';
import { countDrafts } from '../../src/store/drafts.js';
import { startFakeChatApi, type FakeChatApi } from '../helpers/fakeChatApi.js';
import { startFakeMessagesApi, type FakeMessagesApi } from '../helpers/fakeMessagesApi.js';
import { jsonInit, seededStore, testConfig } from '../helpers/runtime.js';

type Fake = FakeMessagesApi | FakeChatApi;
type Scenario = 'cite' | 'server_error' | 'rate_limit_long' | 'stall';

const QUESTION = { question: 'Hva mener Fagforbundet om en offentlig skyløsning?', organisation: 'fagforbundet' };

let rt: Awaited<ReturnType<typeof seededStore>>;
let draftRequest: any;

beforeAll(async () => {
  rt = await seededStore();
  draftRequest = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
});

const providers = [
  {
    name: 'Claude',
    start: (): Promise<Fake> => startFakeMessagesApi(),
    env: (url: string) => ({ LLM_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: url }),
  },
  {
    name: 'chat',
    start: (): Promise<Fake> => startFakeChatApi(),
    env: (url: string) => ({ LLM_PROVIDER: 'openai', CHAT_BASE_URL: url, CHAT_MODEL: 'norsk-test' }),
  },
];

describe.each(providers)('model call limits ($name)', ({ start, env }) => {
  // A fake per test: a request another test gave up on may still be arriving, and the counts must be this test's.
  let api: Fake;
  const fake = () => api;
  beforeEach(async () => {
    api = await start();
  });
  afterEach(() => api.close());

  /** A fresh app (and so a fresh circuit breaker) over the shared seeded store, its provider built from config. */
  function app(extra: Record<string, string> = {}) {
    const config = loadConfig({
      DATA_DIR: 'memory://',
      LOG_LEVEL: 'silent',
      LLM_TIMEOUT_MS: '20000',
      LLM_MAX_RETRIES: '2',
      ...env(api.url),
      ...extra,
    });
    const llm = createLlmProvider(config, { embedder: rt.embedder, logger: silentLogger });
    return createApp({ ...rt, config: testConfig, logger: silentLogger, llm });
  }
  const use = (scenario: Scenario) => {
    (fake() as { scenario: unknown }).scenario = scenario;
  };

  it('a model that stalls after its headers gives 503 with Retry-After at LLM_TIMEOUT_MS, and no draft is saved', async () => {
    const a = app({ LLM_TIMEOUT_MS: '300' });
    use('stall');
    const asked = await a.request('/ask', jsonInit('POST', QUESTION));
    expect(asked.status).toBe(503);
    expect(asked.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(Number(asked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await asked.json()).toMatchObject({
      code: 'unavailable:llm',
      detail: expect.stringMatching(/svarte ikke i tide/),
    });

    const before = await countDrafts(rt.db);
    const drafted = await a.request('/drafts', jsonInit('POST', draftRequest));
    expect(drafted.status).toBe(503);
    expect(await countDrafts(rt.db)).toEqual(before);
  }, 15_000);

  it('a 429 asking for 600 s gives 503 with that Retry-After at once, without a retry', async () => {
    const a = app();
    use('rate_limit_long');
    const before = fake().requests.length;
    const res = await a.request('/ask', jsonInit('POST', QUESTION));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('600');
    expect((await res.json()).code).toBe('unavailable:llm');
    expect(fake().requests.length - before).toBe(1);
  }, 15_000);

  it('5 failures in a row open the breaker: the 6th call never reaches the model, /health says so; a success after the cool-down closes it', async () => {
    const a = app({ LLM_MAX_RETRIES: '0', LLM_BREAKER_COOLDOWN_MS: '4000' });
    expect((await (await a.request('/health')).json()).llm).toEqual({ state: 'closed' });
    use('server_error');
    const before = fake().requests.length;
    for (let i = 0; i < 5; i++) expect((await a.request('/ask', jsonInit('POST', QUESTION))).status).toBe(503);
    expect(fake().requests.length - before).toBe(5);

    use('cite');
    const refused = await a.request('/ask', jsonInit('POST', QUESTION));
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).detail).toMatch(/feilet 5 ganger på rad/);
    const draftsBefore = await countDrafts(rt.db);
    expect((await a.request('/drafts', jsonInit('POST', draftRequest))).status).toBe(503);
    expect(await countDrafts(rt.db)).toEqual(draftsBefore);
    expect(fake().requests.length - before).toBe(5);
    const open = (await (await a.request('/health')).json()).llm;
    expect(open).toMatchObject({ state: 'open' });
    expect(open.retryAfterS).toBeGreaterThan(0);

    // Wait out the cool-down (a poll, not a timed assertion), then one success closes the breaker.
    while ((await (await a.request('/health')).json()).llm.state === 'open')
      await new Promise((r) => setTimeout(r, 100));
    expect((await a.request('/ask', jsonInit('POST', QUESTION))).status).toBe(200);
    expect(fake().requests.length - before).toBe(6);
    expect((await (await a.request('/health')).json()).llm).toEqual({ state: 'closed' });
  }, 30_000);
});
