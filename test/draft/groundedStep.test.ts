/**
 * The one step drafts and answers share (retrieve → relevance → generate → verify and repair), against the seeds
 * and a fake OpenAI-compatible chat server on 127.0.0.1: nothing relevant never reaches the model; what the model
 * invents is dropped with the verifier's reason; prompt refs are recorded for models, not for the extractive drafter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroundedStep, type GroundedQuestion } from '../../src/draft/groundedStep.js';
import type { Retrieved } from '../../src/draft/retrieve.js';
import { createExtractiveProvider } from '../../src/llm/extractive.js';
import { createChatProvider } from '../../src/llm/openaiChat.js';
import { ZERO_USAGE, type GenerationRequest } from '../../src/llm/types.js';
import { getPassages } from '../../src/store/documents.js';
import { startFakeChatApi, type FakeChatApi } from '../helpers/fakeChatApi.js';
import { seededStore } from '../helpers/runtime.js';

const INVOLVE =
  'Hvordan bør ansatte og tillitsvalgte involveres når offentlige virksomheter tar i bruk kunstig intelligens?';
const FISH = 'Hvordan bør fiskekvotene fordeles mellom kystflåten og havfiskeflåten?';

let api: FakeChatApi;
let store: Awaited<ReturnType<typeof seededStore>>;

beforeAll(async () => {
  api = await startFakeChatApi({ scenario: 'invent' });
  store = await seededStore();
});
afterAll(() => api.close());

function question(query: string, overrides: Partial<GroundedQuestion> = {}): GroundedQuestion {
  return {
    query,
    organisation: 'Fagforbundet',
    allowOthers: false,
    language: 'nb',
    promptRef: 'test@1',
    request: (r: Retrieved): GenerationRequest => ({
      task: 'answer',
      system: 'Svar kort.',
      user: query,
      question: query,
      sources: r.sources,
      maxSentences: 4,
      maxTokens: 600,
      language: 'nb',
      organisation: 'Fagforbundet',
    }),
    ...overrides,
  };
}

const chat = () => createChatProvider({ baseURL: api.url, model: 'norsk-lm', maxRetries: 0, timeoutMs: 2500 });

describe('createGroundedStep', () => {
  it('asks no model when nothing relevant is found, and says there is no position', async () => {
    const before = api.requests.length;
    let seen: Retrieved | undefined;
    const out = await createGroundedStep({ ...store, provider: chat() })(
      question(FISH, { onRetrieved: (r) => (seen = r) }),
    );
    expect(api.requests.length).toBe(before);
    expect(seen?.relevance.relevant).toBe(false);
    expect(out).toMatchObject({
      paragraphs: [],
      noPosition: true,
      dropped: [],
      repairs: [],
      prompts: [],
      usage: ZERO_USAGE,
    });
  });

  it('reports retrieval before generating, drops an invented quote with the reason, and keeps the organisation’s own sources', async () => {
    const before = api.requests.length;
    let requestsWhenRetrieved = -1;
    const out = await createGroundedStep({ ...store, provider: chat() })(
      question(INVOLVE, { onRetrieved: () => (requestsWhenRetrieved = api.requests.length) }),
    );
    expect(requestsWhenRetrieved).toBe(before);
    expect(api.requests.length).toBe(before + 1);
    expect(out.retrieved.relevance.relevant).toBe(true);
    expect(out.dropped.map((d) => d.text)).toEqual(['Vi krever at alle kommuner innfører firedagersuke innen 2027.']);
    expect(out.dropped[0].reasons.join(' ')).toMatch(/finnes ikke/);
    const kept = out.paragraphs.flat();
    expect(kept.length).toBeGreaterThan(0);
    const ids = kept.flatMap((s) => s.citations.map((c) => c.passageId));
    const passages = await getPassages(store.db, { ids });
    for (const s of kept)
      for (const c of s.citations) expect(passages.get(c.passageId)?.text.slice(c.start, c.end)).toBe(c.quote);
    expect([...passages.values()].every((p) => p.document.organisation === 'Fagforbundet')).toBe(true);
    expect(out.prompts).toEqual(['test@1', 'chat-citations@1']);
  });

  it('records no prompt for the extractive drafter, which writes no prompt', async () => {
    const out = await createGroundedStep({
      ...store,
      provider: createExtractiveProvider({ embedder: store.embedder }),
    })(question(INVOLVE));
    expect(out.paragraphs.flat().length).toBeGreaterThan(0);
    expect(out.prompts).toEqual([]);
  });
});
