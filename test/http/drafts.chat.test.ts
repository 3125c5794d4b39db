/**
 * POST /drafts with an OpenAI-compatible chat model (fake /v1/chat/completions on 127.0.0.1). The model writes
 * its own quotes: an invented one is flagged and its sentence dropped, a sloppy one is snapped to the source.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createChatProvider } from '../../src/llm/openaiChat.js';
import { countDrafts } from '../../src/store/drafts.js';
import { startFakeChatApi, type FakeChatApi } from '../helpers/fakeChatApi.js';
import { jsonInit, seededApp } from '../helpers/runtime.js';

let api: FakeChatApi;
let ctx: Awaited<ReturnType<typeof seededApp>>;
let request: any;

beforeAll(async () => {
  api = await startFakeChatApi();
  ctx = await seededApp({
    llm: createChatProvider({ baseURL: api.url, model: 'norsk-lm', maxRetries: 0, timeoutMs: 2500 }),
  });
  request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
});
afterAll(() => api.close());

describe('POST /drafts with a chat model', () => {
  it('flags an invented quote and drops its sentence, saying why', async () => {
    api.scenario = 'invent';
    const res = await ctx.app.request('/drafts', jsonInit('POST', request));
    expect(res.status).toBe(201);
    const body = await res.json();
    const dropped = body.draft.sections.flatMap((s: any) => s.dropped);
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((d: any) => d.text.includes('firedagersuke'))).toBe(true);
    expect(dropped[0].reasons.join(' ')).toMatch(/finnes ikke/);
    expect(body.markdown).not.toContain('firedagersuke');
    expect(body.verification.ok).toBe(true);
    expect(body.provenance.prompts).toEqual(['draft@1', 'chat-citations@1']);
  });

  it('snaps a quote with changed spacing and punctuation to the source’s own words', async () => {
    api.scenario = 'misquote';
    const body = await (await ctx.app.request('/drafts', jsonInit('POST', request))).json();
    const repairs = body.draft.sections.flatMap((s: any) => s.repairs);
    expect(repairs.length).toBeGreaterThan(0);
    expect(repairs[0]).toMatch(/rettet til ordlyden/);
    expect(body.verification.summary.tiers.exact).toBe(body.verification.summary.citations);
    expect(body.verification.ok).toBe(true);
  });

  it('reads inline citation markers too', async () => {
    api.scenario = 'inline';
    const body = await (await ctx.app.request('/drafts', jsonInit('POST', request))).json();
    expect(body.verification.ok).toBe(true);
    expect(body.draft.sections.filter((s: any) => s.status === 'drafted').length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['rate_limit', 503],
    ['server_error', 503],
    ['hang', 503],
    ['garbage', 502],
  ] as const)('%s → %i and nothing saved', async (scenario, status) => {
    const before = await countDrafts(ctx.db);
    api.scenario = scenario;
    const res = await ctx.app.request('/drafts', jsonInit('POST', request));
    expect(res.status).toBe(status);
    expect((await res.json()).code).toBe(status === 503 ? 'unavailable:llm' : 'bad_gateway:llm');
    expect(await countDrafts(ctx.db)).toEqual(before);
  });
});
