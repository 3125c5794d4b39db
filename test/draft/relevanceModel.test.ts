/**
 * Issue 17 with a model configured: the relevance decision's uncertain band goes to the model
 * (prompts/position-judge.md) through the real Claude SDK and the real chat client, against the fake servers on
 * 127.0.0.1. yes → answered, no → «Vi har ikke tidligere uttalt oss om dette.», a timeout or a bad answer → still
 * uncertain (drafted, marked ≈). Confident outcomes never reach the model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrafter } from '../../src/draft/pipeline.js';
import { retrieveSources } from '../../src/draft/retrieve.js';
import { corpusVocabulary } from '../../src/draft/vocabulary.js';
import { createExtractiveProvider } from '../../src/llm/extractive.js';
import { createChatPositionJudge, createClaudePositionJudge } from '../../src/llm/positionJudge.js';
import { startFakeChatApi, type FakeChatApi } from '../helpers/fakeChatApi.js';
import { startFakeMessagesApi, type FakeMessagesApi } from '../helpers/fakeMessagesApi.js';
import { seededStore } from '../helpers/runtime.js';

/** `uncertain` offline for Fagforbundet (test/draft/relevance.test.ts). */
const UNSURE = 'Hvordan bør pensjonsreformen endres for offentlig ansatte?';
const FISH = 'Hvordan bør fiskekvotene fordeles?';
const IKT = 'Bør IKT driftes i egen regi?';

let store: Awaited<ReturnType<typeof seededStore>>;
let chat: FakeChatApi;
let claude: FakeMessagesApi;
/** What the fake model answers next: yes, no or unclear. */
let answer = 'yes';
const reply = () => JSON.stringify({ answer, reason: 'Utdraget sier hva Fagforbundet mener om dette.' });

beforeAll(async () => {
  store = await seededStore();
  chat = await startFakeChatApi({ reply });
  claude = await startFakeMessagesApi({ reply });
});
afterAll(async () => {
  await chat.close();
  await claude.close();
});

const judges = () => ({
  chat: createChatPositionJudge({ baseURL: chat.url, model: 'lokal', maxRetries: 0, timeoutMs: 5_000 }),
  claude: createClaudePositionJudge({ apiKey: 'k', baseURL: claude.url, model: 'claude-x', maxRetries: 0 }),
});
const retrieve = (query: string, positionJudge?: ReturnType<typeof judges>['chat']) =>
  retrieveSources(
    { db: store.db, embedder: store.embedder, vocabulary: corpusVocabulary(store.db), positionJudge },
    { query, organisation: 'Fagforbundet' },
  );

describe.each(['chat', 'claude'] as const)('the position judge (%s) on the uncertain band', (which) => {
  const api = () => (which === 'chat' ? chat : claude);

  it('yes → answered, with the passages as sources and the prompt version recorded', async () => {
    answer = 'yes';
    const before = api().requests.length;
    const r = await retrieve(UNSURE, judges()[which]);
    expect(r.relevance.outcome).toBe('answered');
    expect(r.relevance.relevant).toBe(true);
    expect(r.relevance.judge).toMatchObject({ answer: 'yes' });
    expect(r.sources.length).toBeGreaterThan(0);
    expect(r.promptRefs).toEqual(['position-judge@1']);
    // One call, with the question and the organisation's passages wrapped as data.
    expect(api().requests.length).toBe(before + 1);
    const sent = JSON.stringify(api().requests.at(-1)!.body);
    expect(sent).toContain('pensjonsreformen');
    expect(sent).toContain('<kilde id=\\"fagforbundet-');
  });

  it('no → none, and no sources', async () => {
    answer = 'no';
    const r = await retrieve(UNSURE, judges()[which]);
    expect(r.relevance.outcome).toBe('none');
    expect(r.sources).toEqual([]);
  });

  it('unclear → still uncertain', async () => {
    answer = 'unclear';
    expect((await retrieve(UNSURE, judges()[which])).relevance.outcome).toBe('uncertain');
  });

  it('is never asked about a confident outcome', async () => {
    const before = api().requests.length;
    expect((await retrieve(FISH, judges()[which])).relevance.outcome).toBe('none');
    expect((await retrieve(IKT, judges()[which])).relevance.outcome).toBe('answered');
    expect(api().requests.length).toBe(before);
  });
});

describe('a position judge that fails', () => {
  it('leaves the outcome uncertain when the model does not answer in time', async () => {
    const hang = await startFakeChatApi({ scenario: 'hang' });
    try {
      const judge = createChatPositionJudge({ baseURL: hang.url, model: 'lokal', maxRetries: 0, timeoutMs: 200 });
      const r = await retrieve(UNSURE, judge);
      expect(hang.requests.length).toBe(1);
      expect(r.relevance.outcome).toBe('uncertain');
      expect(r.relevance.judge).toMatchObject({ error: expect.any(String) });
      expect(r.sources.length).toBeGreaterThan(0);
    } finally {
      await hang.close();
    }
  });

  it('leaves it uncertain on an answer that is not the JSON asked for', async () => {
    const api = await startFakeChatApi({ reply: () => 'Ja, det tror jeg.' });
    try {
      const judge = createChatPositionJudge({ baseURL: api.url, model: 'lokal', maxRetries: 0 });
      expect((await retrieve(UNSURE, judge)).relevance.outcome).toBe('uncertain');
    } finally {
      await api.close();
    }
  });
});

describe('a draft with the position judge', () => {
  const draft = async (positionJudge: ReturnType<typeof judges>['chat']) => {
    const drafter = createDrafter({
      ...store,
      provider: createExtractiveProvider({ embedder: store.embedder }),
      positionJudge,
    });
    const result = await drafter.draft({
      organisation: { name: 'Fagforbundet' },
      consultation: {
        title: 'Høring om pensjon',
        issuer: 'Arbeids- og inkluderingsdepartementet',
        questions: [UNSURE],
      },
    });
    return { result, section: result.draft.sections.find((s) => s.question === UNSURE)! };
  };

  it('drafts the section unmarked when the model says yes, and records the prompt', async () => {
    answer = 'yes';
    const { result, section } = await draft(judges().chat);
    expect(section.status).toBe('drafted');
    expect(section.reviewReason).toBeUndefined();
    expect(result.provenance.prompts).toContain('position-judge@1');
  });

  it('says «Vi har ikke tidligere uttalt oss om dette.» when the model says no', async () => {
    answer = 'no';
    const { section } = await draft(judges().chat);
    expect(section.status).toBe('no_position');
    expect(section.paragraphs.flat().map((t) => t.text)).toEqual(['Vi har ikke tidligere uttalt oss om dette.']);
  });

  it('marks the section ≈ when the model times out', async () => {
    const hang = await startFakeChatApi({ scenario: 'hang' });
    try {
      const judge = createChatPositionJudge({ baseURL: hang.url, model: 'lokal', maxRetries: 0, timeoutMs: 200 });
      const { section } = await draft(judge);
      expect(section.reviewReason).toMatch(/^Usikkert om kilden svarer på spørsmålet/);
      for (const t of section.paragraphs.flat()) expect(t.verdict).toBe('partly_supported');
    } finally {
      await hang.close();
    }
  });
});
