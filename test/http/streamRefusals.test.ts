/**
 * A request POST /ask or POST /drafts would refuse is refused with its status and problem body whether or not it
 * asks for a stream: never a 200 with an `error` event after it. Checked with an organisation nobody can name (422)
 * and, for a draft, an item the imported consultation does not have (400); nothing is saved.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { countDrafts } from '../../src/store/drafts.js';
import { jsonInit, seededApp } from '../helpers/runtime.js';

let ctx: Awaited<ReturnType<typeof seededApp>>;
let consultation: { documentId: string; title: { value: string }; issuer: { value: string } };
beforeAll(async () => {
  ctx = await seededApp();
  const fd = new FormData();
  fd.set('file', new File([readFileSync('test/fixtures/consultations/horingsnotat-kommuneloven.pdf')], 'h.pdf'));
  const res = await ctx.app.request('/consultations', { method: 'POST', body: fd });
  expect(res.status).toBe(201);
  consultation = (await res.json()).consultation;
});

/** Both modes' answers: status, content type and the problem body without its request id. */
async function bothModes(path: string, body: Record<string, unknown>) {
  const answers = [];
  for (const stream of [false, true]) {
    const res = await ctx.app.request(path, jsonInit('POST', { ...body, stream }));
    const text = await res.text();
    const problem = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (typeof problem === 'object') delete problem.requestId;
    answers.push({ status: res.status, type: res.headers.get('content-type'), problem });
  }
  expect(answers[1]).toEqual(answers[0]);
  return answers[0];
}

describe('refusals before a stream starts', () => {
  it('POST /ask: an unknown organisation is a 422 naming the field, streamed or not', async () => {
    const answer = await bothModes('/ask', { question: 'Hva mener Ukjent om skyløsning?', organisation: 'Ukjent' });
    expect(answer.status).toBe(422);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.problem).toMatchObject({ field: 'organisation' });
    expect(answer.problem.detail).toContain('Fant ingen dokumenter fra «Ukjent»');
  });

  it('POST /drafts: an unknown organisation is a 422, and nothing is saved', async () => {
    const before = await countDrafts(ctx.db);
    const answer = await bothModes('/drafts', {
      consultation: { title: 'Høring om skyløsning', issuer: 'KDD', questions: ['Hva mener dere om skyløsning?'] },
      organisation: { name: 'Ukjent' },
    });
    expect(answer.status).toBe(422);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.problem).toMatchObject({ field: 'organisation.name' });
    expect(await countDrafts(ctx.db)).toEqual(before);
  });

  it('POST /drafts: an item the consultation does not have is a 400 naming it, and nothing is saved', async () => {
    const before = await countDrafts(ctx.db);
    const answer = await bothModes('/drafts', {
      consultation: {
        title: consultation.title.value,
        issuer: consultation.issuer.value,
        documentId: consultation.documentId,
        items: [{ kind: 'question', index: 999 }],
      },
      organisation: { name: 'Fagforbundet' },
    });
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(JSON.stringify(answer.problem)).toContain('consultation.items.0.index');
    expect(await countDrafts(ctx.db)).toEqual(before);
  });

  it('still streams a request it accepts', async () => {
    const res = await ctx.app.request(
      '/ask',
      jsonInit('POST', { question: 'Hva mener NTL om digitalisering?', organisation: 'ntl', stream: true }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(await res.text()).toContain('event: done');
  });
});
