/** POST /verify through the real app (seeded in-memory store): reports, and 4xx problems for bad input, never 500. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import type { Db } from '../../src/store/db.js';
import { jsonInit, seededStore, testConfig } from '../helpers/runtime.js';

let db: Db;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  const rt = await seededStore();
  db = rt.db;
  app = createApp({ ...rt, config: testConfig, logger: silentLogger });
});
afterAll(async () => {
  await db?.close();
});

const P = 'fagforbundet-uttalelse-2024-p001';
const post = (body: unknown, headers?: Record<string, string>) =>
  app.request('/verify', jsonInit('POST', body, headers));

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return res.json();
}

describe('POST /verify', () => {
  it('verifies Markdown', async () => {
    const md = `Vi støtter satsinga på å bekjempe digitalt utenforskap.[^1]\n\n[^1]: [${P}] «Vi støtter satsinga på å bekjempe digitalt utenforskap.»\n`;
    const res = await post({ markdown: md, organisation: 'Fagforbundet' });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ ok: true, organisation: 'Fagforbundet', summary: { sentences: 1, citations: 1 } });
    expect(report.sentences[0].citations[0]).toMatchObject({ status: 'ok', tier: 'exact' });
  });

  it('refuses an unknown passage id with 422 naming the citation, and still names the true source', async () => {
    const structured = {
      sections: [
        {
          sentences: [
            {
              text: 'Rundt 850 000 har for svak digital kompetanse.',
              citations: [{ passageId: 'finnes-ikke-p001', quote: 'rundt 850 000 har for svak digital kompetanse' }],
            },
          ],
        },
      ],
    };
    const res = await post({ structured });
    const body = await problem(res, 422);
    expect(body.field).toBe('sentences.0.citations.0.passageId');
    expect(body.errors[0].reason).toContain('finnes-ikke-p001');
    expect(body.report.ok).toBe(false);
    expect(body.report.sentences[0].citations[0]).toMatchObject({ status: 'unknown_passage', actualPassageId: P });
  });

  it('refuses an empty body', async () => {
    const body = await problem(
      await app.request('/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' }),
      400,
    );
    expect(body.code).toBe('bad_request:body');
  });

  it('refuses a 5 MB body', async () => {
    const body = await problem(await post({ markdown: 'Ord. '.repeat(1_000_000) }), 413);
    expect(body.code).toBe('payload_too_large:body');
  });

  it('refuses invalid UTF-8', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"markdown":"'),
      0xc3,
      0x28,
      ...new TextEncoder().encode('"}'),
    ]);
    const body = await problem(
      await app.request('/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes }),
      400,
    );
    expect(body.code).toBe('bad_request:encoding');
  });

  it('refuses a 50,000-character quote, naming the field', async () => {
    const structured = {
      sections: [{ sentences: [{ text: 'Lang.', citations: [{ passageId: P, quote: 'å'.repeat(50_000) }] }] }],
    };
    const body = await problem(await post({ structured }), 413);
    expect(body.field).toBe('structured.sections.0.sentences.0.citations.0.quote');
    expect(body.detail).toMatch(/2000 tegn/);
  });

  it('refuses Markdown over 200 kB, bad footnotes, both or neither form, and a malformed draft', async () => {
    expect((await problem(await post({ markdown: 'Ord. '.repeat(45_000) }), 413)).field).toBe('markdown');
    expect((await problem(await post({ markdown: 'Setning.[^1]\n' }), 400)).field).toBe('markdown [^1]');
    expect((await problem(await post({ markdown: 'A.', structured: { sections: [] } }), 400)).field).toBe('markdown');
    expect((await problem(await post({ organisation: 'KS' }), 400)).field).toBe('markdown');
    expect((await problem(await post({ structured: { sections: 'nei' } }), 400)).field).toBe('structured.sections');
    expect(
      (
        await problem(
          await post({
            structured: {
              sections: [{ sentences: [{ text: 'Hei.', citations: [{ passageId: 'a b', quote: 'x' }] }] }],
            },
          }),
          400,
        )
      ).field,
    ).toBe('structured.sections.0.sentences.0.citations.0.passageId');
    expect((await problem(await post({ markdown: 'A.', extra: 1 }), 400)).code).toBe('bad_request:validation');
  });
});
