/** The Claude judge for the verifier, with the real SDK against the fake Messages API (plain, not streamed). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassageWithDocument } from '../../src/domain/types.js';
import { LlmOutputError } from '../../src/llm/errors.js';
import { createClaudeJudge, parseVerdict } from '../../src/llm/judge.js';
import { memoryPassageSource, verifyDraft } from '../../src/verify/index.js';
import { startFakeMessagesApi, type FakeMessagesApi } from '../helpers/fakeMessagesApi.js';

const passage: PassageWithDocument = {
  id: 'ntl-p001',
  documentId: 'ntl',
  ordinal: 1,
  text: 'NTL mener at offentlig sektor må ha kontroll over egne IKT-systemer og data.',
  start: 0,
  end: 77,
  headingPath: [],
  page: null,
  anchor: null,
  contentHash: 'x',
  document: {
    id: 'ntl',
    organisation: 'NTL',
    title: 'Prinsipprogram',
    kind: 'programme',
    date: '2019',
    language: 'nb',
    format: 'text',
    contentHash: 'x',
    passageCount: 1,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  },
};
const draft = {
  sections: [
    {
      sentences: [
        {
          text: 'NTL mener at offentlig sektor må ha kontroll over egne IKT-systemer.',
          citations: [
            { passageId: 'ntl-p001', quote: 'offentlig sektor må ha kontroll over egne IKT-systemer og data' },
          ],
        },
      ],
    },
  ],
};

let api: FakeMessagesApi;
beforeAll(async () => {
  api = await startFakeMessagesApi({ judgeVerdict: 'contradicted' });
});
afterAll(() => api.close());

describe('Claude judge', () => {
  it('is asked with the verifier’s prompt and its verdict is kept in the report', async () => {
    const judge = createClaudeJudge({ apiKey: 'k', baseURL: api.url, model: 'claude-test', maxRetries: 0 });
    const report = await verifyDraft(draft, { source: memoryPassageSource([passage]), judge });
    expect(report.sentences[0].judge).toMatchObject({ verdict: 'contradicted' });
    expect(report.sentences[0].verdict).toBe('contradicted');
    const body = api.requests.at(-1)!.body;
    expect(body.stream).toBeFalsy();
    expect(body.system[0].cache_control).toEqual({ type: 'ephemeral' });
    expect(body.messages[0].content).toContain('<kilde id="ntl-p001"');
    expect(judge.promptRef).toBe('verify-judge@1');
  });

  it('a failing judge leaves the fixed checks in charge', async () => {
    api.scenario = 'overloaded';
    const judge = createClaudeJudge({ apiKey: 'k', baseURL: api.url, model: 'claude-test', maxRetries: 0 });
    const report = await verifyDraft(draft, { source: memoryPassageSource([passage]), judge });
    expect(report.sentences[0].judge).toHaveProperty('error');
    expect(report.sentences[0].verdict).toBe('supported');
    api.scenario = 'cite';
  });

  it('parses the verdict JSON strictly', () => {
    expect(parseVerdict('Svar: {"verdict":"neutral","reason":"Kilden nevner ikke data."}')).toEqual({
      verdict: 'neutral',
      reason: 'Kilden nevner ikke data.',
    });
    expect(() => parseVerdict('{"verdict":"kanskje","reason":"x"}')).toThrow(LlmOutputError);
    expect(() => parseVerdict('ja')).toThrow(LlmOutputError);
  });
});
