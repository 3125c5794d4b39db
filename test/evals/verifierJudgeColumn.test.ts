/**
 * The adversarial eval WITH a judge (`--judge configured|oracle`): the oracle shows the most a judge can change
 * under the verifier's rules, and `configured` runs the deployment's own judge, here against the fake
 * OpenAI-compatible server on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdversarialCase } from '../../evals/verifier/adversarial/cases.js';
import { judgeForMode, judgeSummary } from '../../evals/verifier/adversarial/judgeColumn.js';
import { runAdversarialEval } from '../../evals/verifier/adversarial/run.js';
import { startFakeChatApi, type FakeChatApi } from '../helpers/fakeChatApi.js';

const DOC = 'fagforbundet-uttalelse-2024';
const QUOTE = 'Fagforbundet ønsker en skytjeneste som drives og utvikles av offentlig sektor';
const one = (id: string, label: AdversarialCase['label'], sentence: string, quote = QUOTE): AdversarialCase => ({
  id,
  category: 'test',
  organisation: 'Fagforbundet',
  sentence,
  citations: [{ document: DOC, quote }],
  label,
  rationale: 'written for this test of the judge column',
});

const CASES = [
  // A faithful paraphrase: offline ≈ (low overlap), a judge may lift it.
  one('va-9002', 'faithful', 'Fagforbundet ønsker en offentlig eid og driftet skytjeneste.'),
  // A stance reversed: offline ✗ already, and a judge keeps it caught.
  one('va-9004', 'faulty', 'Fagforbundet er skeptisk til en skytjeneste som drives og utvikles av offentlig sektor.'),
  // Labelled faithful on purpose though its number is not in the quote: the number finding says ≈, and no judge,
  // not even one that knows the label, may clear it.
  one('va-9006', 'faithful', 'Fagforbundet ønsker 3 skytjenester som drives og utvikles av offentlig sektor.'),
  // Labelled faithful on purpose though it negates the quote: ✗, and no judge lifts a ✗. This is the hard-alarm
  // floor that only the fixed checks decide.
  one('va-9008', 'faithful', 'Fagforbundet ønsker ikke en skytjeneste som drives og utvikles av offentlig sektor.'),
];

describe('the adversarial eval with a judge', () => {
  it('oracle: lifts the paraphrase, keeps the reversal caught, and cannot clear a number finding', async () => {
    const offline = await runAdversarialEval({ cases: CASES });
    const outcomes = (r: typeof offline) => r.results.map((x) => x.outcome);
    expect(outcomes(offline)).toEqual(['soft_alarm', 'ok', 'soft_alarm', 'hard_false_alarm']);
    expect(offline.results.every((x) => x.judge === undefined)).toBe(true);

    const judged = await runAdversarialEval({ cases: CASES, judgeFor: judgeForMode('oracle') });
    expect(outcomes(judged)).toEqual(['ok', 'ok', 'soft_alarm', 'hard_false_alarm']);
    expect(judged.results.map((x) => x.judge)).toEqual(['decided', 'kept', 'kept', 'kept']);
    expect(judged.overall).toMatchObject({ dangerousMisses: 0, hardFalseAlarms: 1, softAlarms: 1 });
    expect(judgeSummary('oracle', judged.results)).toMatch(/avgjorde 1 av 4 dommer\.$/);
  });

  it('refuses an unknown mode, and `configured` without a model, in Norwegian', () => {
    expect(() => judgeForMode('gpt')).toThrow(/--judge må være configured eller oracle/);
    expect(() => judgeForMode('configured', { VERIFY_JUDGE: 'auto' })).toThrow(/Ingen dommer er satt opp/);
  });

  describe('configured: the deployment’s judge on an OpenAI-compatible endpoint', () => {
    let api: FakeChatApi;
    beforeAll(async () => {
      // A model that calls every sentence entailed: it lifts the paraphrase, and the fixed checks still hold the rest.
      api = await startFakeChatApi({ reply: () => '{"verdict": "entailed", "reason": "Kilden sier det samme."}' });
    });
    afterAll(() => api.close());

    it('asks the configured model about every case and counts what it decided', async () => {
      const env = { VERIFY_JUDGE: 'chat', CHAT_BASE_URL: api.url, CHAT_MODEL: 'dommer-test', LLM_MAX_RETRIES: '0' };
      api.scenario = 'cite'; // a 200 with the reply above (the tests run in any order)
      const before = api.requests.length;
      const r = await runAdversarialEval({ cases: CASES, judgeFor: judgeForMode('configured', env) });
      expect(api.requests.length - before).toBe(4);
      expect(r.results.map((x) => [x.outcome, x.judge])).toEqual([
        ['ok', 'decided'],
        ['ok', 'kept'],
        ['soft_alarm', 'kept'],
        ['hard_false_alarm', 'kept'],
      ]);
    });

    it('counts a judge that cannot answer, and keeps the offline verdicts', async () => {
      api.scenario = 'server_error';
      const env = { VERIFY_JUDGE: 'chat', CHAT_BASE_URL: api.url, CHAT_MODEL: 'dommer-test', LLM_MAX_RETRIES: '0' };
      const r = await runAdversarialEval({ cases: CASES, judgeFor: judgeForMode('configured', env) });
      expect(r.results.map((x) => [x.outcome, x.judge])).toEqual([
        ['soft_alarm', 'unavailable'],
        ['ok', 'unavailable'],
        ['soft_alarm', 'unavailable'],
        ['hard_false_alarm', 'unavailable'],
      ]);
      expect(judgeSummary('configured', r.results)).toMatch(/4 ganger var den utilgjengelig/);
    });
  });
});
