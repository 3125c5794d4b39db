/**
 * A question that names an organisation by another of its names (data/organisations.json: «Norsk Tjenestemannslag»
 * is NTL) searches that organisation's documents, as the stored name does, over /search and /ask alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonInit, seededApp } from '../helpers/runtime.js';

let app: Awaited<ReturnType<typeof seededApp>>['app'];
beforeAll(async () => {
  ({ app } = await seededApp());
});

const QUESTIONS = [
  'Hva mener NTL om digitalisering i offentlig sektor?',
  'Hva mener Norsk Tjenestemannslag om digitalisering i offentlig sektor?',
  'Hva er Norsk Tjenestemannslags syn på digitalisering i offentlig sektor?',
  'Kva meiner Norsk Tenestemannslag om digitalisering i offentleg sektor?',
];

describe('organisation names in questions', () => {
  it.each(QUESTIONS)('POST /search: «%s» finds NTL’s passages only', async (query) => {
    const res = await app.request('/search', jsonInit('POST', { query, k: 10 }));
    expect(res.status).toBe(200);
    const { hits } = await res.json();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h: any) => h.passage.document.organisation)).toEqual(hits.map(() => 'NTL'));
  });

  it.each(QUESTIONS)('POST /ask: «%s» answers from NTL’s documents only', async (question) => {
    const res = await app.request('/ask', jsonInit('POST', { question }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.answered).toBe(true);
    expect(body.sources.length).toBeGreaterThan(0);
    expect(body.sources.map((s: any) => s.organisation)).toEqual(body.sources.map(() => 'NTL'));
    for (const s of body.sentences) expect(s.citations.every((c: any) => c.passageId.startsWith('ntl-'))).toBe(true);
  });
});
