/**
 * The full-text leg on the seed corpus: BM25 as computed in SQL against the same formula computed here from each
 * passage's lexemes, compound siblings, the candidate budget, and tsquery quoting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textLeg } from '../../src/retrieve/search.js';
import { BM25, COMPOUND_SIBLINGS_SQL, HEADING_TF, SECTION_SHARE, textLegSql } from '../../src/store/searchQueries.js';
import { candidateBudget, textQuery, tsqueryLiteral } from '../../src/retrieve/textTerms.js';
import type { Db } from '../../src/store/db.js';
import { seededStore } from '../helpers/runtime.js';

let db: Db;
beforeAll(async () => {
  ({ db } = await seededStore());
});
afterAll(async () => db.close());

describe('candidateBudget', () => {
  it('is a tenth of the corpus, at least 600 and at most 2,000', () => {
    expect(candidateBudget(57)).toBe(600);
    expect(candidateBudget(10_000)).toBe(1000);
    expect(candidateBudget(14_321)).toBe(1433);
    expect(candidateBudget(100_000)).toBe(2000);
  });

  it("is capped at 1,000 when hybrid search also scores the vector leg's hits", () => {
    expect(candidateBudget(57, { withVectorHits: true })).toBe(600);
    expect(candidateBudget(8_000, { withVectorHits: true })).toBe(800);
    expect(candidateBudget(100_000, { withVectorHits: true })).toBe(1000);
  });
});

describe('tsqueryLiteral', () => {
  it('quotes any lexeme so PostgreSQL reads it back unchanged', async () => {
    for (const lexeme of ["o'neil", 'a\\b', 'æøå', 'x|y', '!&:*']) {
      const back = await db.query<{ ok: boolean }>(`SELECT array_to_tsvector(ARRAY[$1]) @@ $2::tsquery AS ok`, [
        lexeme,
        tsqueryLiteral(lexeme),
      ]);
      expect(back.rows[0].ok).toBe(true);
    }
  });
});

describe('text leg', () => {
  it('ranks exactly by BM25 with term frequencies and sections when the corpus is within budget', async () => {
    const question = 'Hvordan skal kommunene bruke kunstig intelligens i offentlig sektor?';
    const q = (await textQuery(db, question))!;
    expect(q.terms.length).toBeGreaterThan(3);
    // A term's frequency is its lexemes' occurrences: 1 in the text (A), HEADING_TF in headings. The question's
    // related forms (synonyms of «kommunene», «offentlig», …) are terms of several lexemes (an OR).
    expect(q.terms.some((t) => t.lexemes.length > 1)).toBe(true);
    const { rows } = await db.query<{
      id: string;
      document_id: string;
      heading_text: string;
      lexemes: { lexeme: string; weights: string[] }[];
    }>(
      `SELECT id, document_id, heading_text,
              (SELECT json_agg(json_build_object('lexeme', u.lexeme, 'weights', u.weights)) FROM unnest(tsv) u) AS lexemes
       FROM passages`,
    );
    const { k1, b } = BM25;
    const scored = rows.map((r) => {
      const tf = new Map(
        r.lexemes.map((l) => [
          l.lexeme,
          l.weights.reduce((s, w) => s + (w === 'A' ? 1 : w === 'B' ? HEADING_TF : 0.1), 0),
        ]),
      );
      const n = k1 * (1 - b + (b * r.lexemes.length) / q.averageLength);
      const perTerm = q.terms.map((t) => {
        const f = t.lexemes.reduce((sum, l) => sum + (tf.get(l) ?? 0), 0);
        return (t.weight * f) / (f + n);
      });
      return { ...r, perTerm };
    });
    const expected = scored
      .filter((r) => r.perTerm.some((x) => x > 0))
      .map((r) => {
        const section = scored.filter(
          (o) => o.document_id === r.document_id && o.heading_text === r.heading_text && o.perTerm.some((x) => x > 0),
        );
        const own = r.perTerm.reduce((s, x) => s + x, 0);
        const best = q.terms.reduce((s, _, i) => s + Math.max(...section.map((o) => o.perTerm[i])), 0);
        return { id: r.id, score: (k1 + 1) * ((1 - SECTION_SHARE) * own + SECTION_SHARE * best) };
      })
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, 20);
    const got = await textLeg(db, question, 20);
    expect(got.map((h) => h.id)).toEqual(expected.map((e) => e.id));
    got.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i].score, 5));
  });

  it('scores only passages with the rarest terms when the budget is small', async () => {
    const question = 'offentlig sektor og skyløsning';
    const q = (await textQuery(db, question, { budget: 1 }))!;
    const rarest = q.terms[0];
    expect(q.candidates).toBe(`(${rarest.tsquery})`);
    const hits = await textLeg(db, question, 50, {}, { budget: 1 });
    expect(hits.length).toBeGreaterThan(0);
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM passages WHERE tsv @@ $1::tsquery`, [
      rarest.tsquery,
    ]);
    expect(new Set(hits.map((h) => h.id))).toEqual(new Set(rows.map((r) => r.id)));
    expect((await textLeg(db, question, 50)).length).toBeGreaterThan(hits.length);
  });

  it('meets a compound by its siblings: skyløsning finds skytjeneste, not skyld', async () => {
    const q = (await textQuery(db, 'skyløsning'))!;
    const siblings = q.terms.filter((t) => !t.lexemes.includes('skyløsning')).flatMap((t) => t.lexemes);
    expect(siblings).toContain('skytjenest');
    expect(siblings.filter((l) => l.startsWith('skyld'))).toEqual([]);
    const hits = await textLeg(db, 'skyløsning', 10);
    expect(hits.map((h) => h.id)).toContain('fagforbundet-uttalelse-2024-p002');
  });

  it('reads a linking s as such, whichever order the cuts come in', async () => {
    // "arbeidsforhold" reads as arbeid + s + forhold and as arbeids + forhold (heads of equal length). Only the
    // modifier "arbeid" admits a sibling without the s; one is added for the test, and rolled back after it.
    const rollback = new Error('rollback');
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO lexeme_stats (lexeme, df) VALUES ('arbeidlag', 1), ('lag', 1) ON CONFLICT DO NOTHING`,
        );
        for (const cuts of [
          [
            ['arbeid', 'forhold'],
            ['arbeids', 'forhold'],
          ],
          [
            ['arbeids', 'forhold'],
            ['arbeid', 'forhold'],
          ],
        ]) {
          const { rows } = await tx.query<{ lexeme: string }>(COMPOUND_SIBLINGS_SQL, [
            cuts.map(() => 'arbeidsforhold'),
            cuts.map((c) => c[0]),
            cuts.map((c) => c[1]),
            50,
          ]);
          const siblings = rows.map((r) => r.lexeme);
          expect(siblings).toContain('arbeidlag');
          expect(siblings).toContain('arbeidsplass');
        }
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it('returns nothing for a question of stop words only, and honours filters', async () => {
    expect(await textLeg(db, 'og i på', 10)).toEqual([]);
    const all = await textLeg(db, 'digitalisering', 50);
    const ks = await textLeg(db, 'digitalisering', 50, { organisations: ['ks'] });
    expect(ks.length).toBeGreaterThan(0);
    expect(ks.length).toBeLessThan(all.length);
    const { rows } = await db.query<{ id: string }>(
      `SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id WHERE d.organisation = 'KS'`,
    );
    const ksIds = new Set(rows.map((r) => r.id));
    for (const h of ks) expect(ksIds.has(h.id)).toBe(true);
  });
});

describe('text leg cost', () => {
  // Pulled up into the outer query, the scoring sub-select's columns were replaced by their expressions, and each
  // term's ts_rank_cd ran four times per candidate (text leg p95 ~2x; src/store/searchQueries.ts).
  it("computes each term's frequency once per candidate, filtered or not", async () => {
    const q = (await textQuery(db, 'Hvordan skal kommunene bruke kunstig intelligens i offentlig sektor?'))!;
    const n = q.terms.length;
    const terms = q.terms.flatMap((t) => [t.tsquery, t.weight]);
    const filters = [['fagforbundet'], null, null, null, null, true, ['fagforbundet']];
    for (const filtered of [false, true]) {
      const params = [q.candidates, 40, q.averageLength, [], q.candidates, ...terms, ...(filtered ? filters : [])];
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN VERBOSE ${textLegSql(n, filtered)}`, params);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan.match(/ts_rank_cd\(/g)?.length).toBe(n);
    }
  });
});
