/**
 * Issue 17 through the app (app.request on the seed store, offline extractive drafter): questions Fagforbundet's
 * documents answer in other words, or in Nynorsk, get drafted sections; a question they never touch still gets
 * «Vi har ikke tidligere uttalt oss om dette.». The ≈ «uncertain» outcome: test/http/draftsUncertain.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { jsonInit, seededApp } from '../helpers/runtime.js';

const IKT = 'Bør IKT driftes i egen regi?';
const NYNORSK = 'Korleis bør kommunane auke den digitale kompetansen til dei tilsette?';
const FISH = 'Hvordan bør fiskekvotene fordeles?';
let sections: any[];

beforeAll(async () => {
  const { app } = await seededApp();
  const request = parseYaml(await readFile('examples/consultation-digitalisering.yaml', 'utf8'));
  const res = await app.request(
    '/drafts',
    jsonInit('POST', { ...request, consultation: { ...request.consultation, questions: [IKT, NYNORSK, FISH] } }),
  );
  expect(res.status).toBe(201);
  const body = await res.json();
  expect(body.draft.organisation ?? request.organisation).toBe('Fagforbundet');
  sections = body.draft.sections.filter((s: any) => s.kind === 'question');
});

const text = (s: any) => s.paragraphs.flat().map((x: any) => x.text);

describe('the "no recorded position" decision for Fagforbundet', () => {
  it.each([IKT, NYNORSK])('drafts a cited section for «%s»', (question) => {
    const s = sections.find((x) => x.question === question);
    expect(s.status).toBe('drafted');
    expect(text(s)).not.toContain('Vi har ikke tidligere uttalt oss om dette.');
    const claims = s.paragraphs.flat().filter((x: any) => x.kind === 'claim');
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c: any) => c.citations.length > 0)).toBe(true);
    // Since issue 17 a section can also be drafted «uncertain» (every sentence ≈); these two are answered outright.
    expect(s.reviewReason).toBeUndefined();
  });

  it('still says it has no recorded position on fishing quotas', () => {
    const s = sections.find((x) => x.question === FISH);
    expect(s.status).toBe('no_position');
    expect(text(s)).toEqual(['Vi har ikke tidligere uttalt oss om dette.']);
  });
});
