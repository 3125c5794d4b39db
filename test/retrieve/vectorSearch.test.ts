/**
 * Vector-only search must return what the vector leg ranks, with the passages getPassages gives and the scores a
 * hybrid search would report for that leg.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FUSION, search, vectorLeg } from '../../src/retrieve/search.js';
import type { Db } from '../../src/store/db.js';
import { getPassages } from '../../src/store/documents.js';
import { seededStore } from '../helpers/runtime.js';

let db: Db;
let embedder: Awaited<ReturnType<typeof seededStore>>['embedder'];
beforeAll(async () => {
  ({ db, embedder } = await seededStore());
});
afterAll(async () => db.close());

const QUESTIONS = [
  'Hva mener Fagforbundet om en offentlig skyløsning?',
  'kunstig intelligens i kommunene',
  'opplæring av ansatte',
];

describe('vector-only search', () => {
  it.each(QUESTIONS)('ranks as the vector leg and returns its passages: %s', async (query) => {
    const hits = await search(db, embedder, { query, k: 5, mode: 'vector', understandQuery: false });
    const leg = await vectorLeg(db, await embedder.embedQuery(query), 50);
    expect(hits.map((h) => h.passage.id)).toEqual(leg.slice(0, 5).map((h) => h.id));
    const passages = await getPassages(db, { ids: leg.slice(0, 5).map((h) => h.id) });
    const alpha = DEFAULT_FUSION.method === 'convex' ? DEFAULT_FUSION.alpha : 0;
    hits.forEach((h, i) => {
      expect(h.passage).toEqual(passages.get(h.passage.id));
      expect(h.scores.vector).toBeCloseTo(leg[i].score, 6);
      expect(h.scores.vectorRank).toBe(i + 1);
      expect(h.scores.text).toBeNull();
      expect(h.scores.fused).toBeCloseTo(((1 - alpha) * leg[i].score) / leg[0].score, 6);
    });
  });

  it('honours filters', async () => {
    const hits = await search(db, embedder, { query: 'digitalisering', k: 8, mode: 'vector', organisations: ['KS'] });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.passage.document.organisation).toBe('KS');
  });
});
