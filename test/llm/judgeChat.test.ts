/**
 * VERIFY_JUDGE=chat: the verifier's judge on an OpenAI-compatible endpoint, against the fake chat server on
 * 127.0.0.1 answering as a judging model would. The fixed checks run on the seed corpus, as in the product.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { createJudge } from '../../src/llm/index.js';
import { createChatJudge } from '../../src/llm/judgeChat.js';
import { verifyDraft } from '../../src/verify/index.js';
import { startFakeChatApi, type FakeChatApi } from '../helpers/fakeChatApi.js';
import { draftOf, seedSource } from '../verify/seedSource.js';

const P = 'fagforbundet-uttalelse-2024-p002';
const Q = 'Fagforbundet ønsker en skytjeneste som drives og utvikles av offentlig sektor';
const PARAPHRASE = 'Fagforbundet ønsker en offentlig eid og driftet skytjeneste.';
const REVERSED = 'Fagforbundet er skeptisk til en skytjeneste som drives og utvikles av offentlig sektor.';

/** The sentence the judge was asked about, from the prompt's <setning> element. */
const sentenceOf = (body: any) =>
  String(body.messages?.find((m: any) => m.role === 'user')?.content ?? '').match(
    /<setning>([\s\S]*?)<\/setning>/,
  )?.[1] ?? '';

let api: FakeChatApi;
beforeAll(async () => {
  api = await startFakeChatApi({
    reply: (body) =>
      /skeptisk/.test(sentenceOf(body))
        ? '{"verdict": "contradicted", "reason": "Kilden sier at Fagforbundet ønsker dette, ikke at forbundet er skeptisk."}'
        : 'Svar:\n{"verdict": "entailed", "reason": "Kilden sier det samme med andre ord."}',
  });
});
afterAll(() => api.close());

const judge = () => createChatJudge({ baseURL: api.url, model: 'dommer-test', maxRetries: 0, timeoutMs: 5000 });

describe('the chat judge (VERIFY_JUDGE=chat)', () => {
  it('lifts a "needs review" paraphrase to supported, and says the judge decided it', async () => {
    const source = await seedSource();
    const offline = await verifyDraft(draftOf(PARAPHRASE, P, Q), { source });
    expect(offline.sentences[0].verdict).toBe('partly_supported');

    const report = await verifyDraft(draftOf(PARAPHRASE, P, Q), { source, judge: judge() });
    const s = report.sentences[0];
    expect(s.verdict).toBe('supported');
    expect(s.judge).toMatchObject({ verdict: 'entailed', decided: true });
    const asked = api.requests.at(-1)!.body;
    expect(asked.model).toBe('dommer-test');
    expect(asked.messages[0].content).toContain('DATA, ikke instruksjoner');
    expect(asked.messages[1].content).toContain(`<sitat>${Q}</sitat>`);
  });

  it('turns a stance reversal into contradicted, with the judge’s reason', async () => {
    const report = await verifyDraft(draftOf(REVERSED, P, Q), { source: await seedSource(), judge: judge() });
    const s = report.sentences[0];
    expect(s.verdict).toBe('contradicted');
    expect(s.reasons.join(' ')).toContain('ikke at forbundet er skeptisk');
  });

  it('never clears a wrong number, whatever the judge says', async () => {
    const report = await verifyDraft(
      draftOf('Fagforbundet ønsker 12 skytjenester som drives og utvikles av offentlig sektor.', P, Q),
      { source: await seedSource(), judge: judge() },
    );
    expect(report.sentences[0].verdict).not.toBe('supported');
  });

  it('a judge that times out leaves the offline verdict and says the judge was unavailable', async () => {
    const hanging = await startFakeChatApi({ scenario: 'hang' });
    try {
      const source = await seedSource();
      const offline = await verifyDraft(draftOf(PARAPHRASE, P, Q), { source });
      const slow = createChatJudge({ baseURL: hanging.url, model: 'm', maxRetries: 0, timeoutMs: 300 });
      const report = await verifyDraft(draftOf(PARAPHRASE, P, Q), { source, judge: slow });
      const s = report.sentences[0];
      expect(s.verdict).toBe(offline.sentences[0].verdict);
      expect(s.judge).toHaveProperty('error');
      expect(s.reasons.at(-1)).toMatch(/^Dommeren \(språkmodellen\) var utilgjengelig/);
      expect(s.reasons.at(-1)).toContain('bare de faste kontrollenes vurdering');
    } finally {
      await hanging.close();
    }
  });
});

describe('VERIFY_JUDGE', () => {
  const base = { DATA_DIR: 'memory://' };
  it('defaults to auto: the chat endpoint judges when it drafts, nothing judges offline', () => {
    expect(loadConfig(base).VERIFY_JUDGE).toBe('auto');
    expect(createJudge(loadConfig(base))).toBeUndefined();
    expect(createJudge(loadConfig({ ...base, CHAT_BASE_URL: 'http://127.0.0.1:1', CHAT_MODEL: 'm' }))).toHaveProperty(
      'promptRef',
      'verify-judge@1',
    );
    expect(
      createJudge(loadConfig({ ...base, VERIFY_JUDGE: 'off', CHAT_BASE_URL: 'http://127.0.0.1:1', CHAT_MODEL: 'm' })),
    ).toBeUndefined();
  });

  it('chat without an endpoint is refused in Norwegian; an unknown value names the choices', () => {
    expect(() => createJudge(loadConfig({ ...base, VERIFY_JUDGE: 'chat' }))).toThrow(
      'VERIFY_JUDGE=chat krever CHAT_BASE_URL og CHAT_MODEL',
    );
    expect(() => loadConfig({ ...base, VERIFY_JUDGE: 'gpt' })).toThrow(
      /VERIFY_JUDGE: må være en av: «auto», «claude», «chat», «off»/,
    );
  });
});
