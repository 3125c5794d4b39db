/**
 * The two legs of hybrid search, as named SQL. Filters narrow both legs alike; a search without filters leaves
 * the documents table out of both (nothing to join for). Both leave out the passages of saves in progress
 * (visibility.ts).
 */
import { documentReadableSql } from './access.js';
import { PASSAGE_COLUMNS } from './documents.js';
import { documentVisible, passageVisible } from './visibility.js';

/**
 * Filter conditions on documents `d`, their seven parameters starting at $first:
 *   organisations (lower-cased text[] or NULL), document ids (text[] or NULL), kinds (text[] or NULL),
 *   date from (date or NULL), date to (date or NULL), then the viewer's two (store/access.ts accessParams).
 * A search is "filtered" whenever the viewer does not read everything, so the access predicate is never skipped.
 */
function filterConditions(first: number): string {
  const [org, ids, kinds, from, to] = [0, 1, 2, 3, 4].map((i) => `$${first + i}`);
  return /* SQL */ `
    (${org}::text[] IS NULL OR lower(d.organisation) = ANY(${org}::text[]))
    AND (${ids}::text[] IS NULL OR d.id = ANY(${ids}::text[]))
    AND (${kinds}::text[] IS NULL OR d.kind = ANY(${kinds}::text[]))
    AND (${from}::date IS NULL OR d.date_start >= ${from}::date)
    AND (${to}::date IS NULL OR d.date_start <= ${to}::date)
    AND ${documentVisible('d')}
    AND ${documentReadableSql('d', first + 5)}`;
}

/**
 * Vector leg. Vectors are unit length, so `<#>` (negative inner product) orders exactly as cosine distance and
 * matches the HNSW index's vector_ip_ops; the score returned is the cosine similarity.
 *   $1 query vector  $2 limit  [$3–$9 filters]
 */
export function vectorLegSql(filtered: boolean, { withPassages = false }: { withPassages?: boolean } = {}): string {
  // Vector-only search takes its hits' passages from the leg itself (one statement fewer than fetching them after).
  const columns = withPassages ? `${PASSAGE_COLUMNS}, ` : 'p.id, ';
  return filtered
    ? /* SQL */ `
  SELECT ${columns}-(p.embedding <#> $1::vector) AS score
  FROM passages p JOIN documents d ON d.id = p.document_id
  WHERE p.embedding IS NOT NULL AND ${filterConditions(3)} AND ${passageVisible('p')}
  ORDER BY p.embedding <#> $1::vector
  LIMIT $2`
    : /* SQL */ `
  SELECT ${columns}-(p.embedding <#> $1::vector) AS score
  FROM passages p
  WHERE p.embedding IS NOT NULL AND ${passageVisible('p')}
  ORDER BY p.embedding <#> $1::vector
  LIMIT $2`;
}

/**
 * The question's lexemes, cut and stemmed by the function that makes the passages' tsvector (search_tsvector,
 * migration 011), with their document frequencies and the corpus figures BM25 needs. A lexeme no passage has comes
 * back with df NULL. A name (a capitalised word inside the question, kept as written beside its stem) comes with
 * `name_stem`, the stem it would otherwise be searched by. Then the lexemes of the related forms (synonyms, the other
 * written standard: src/retrieve/textTerms.ts), one group per question word, with `grp` its 1-based position in $2;
 * only those the corpus has and the question itself does not (`grp` is NULL on the question's own rows).
 *   $1 question text  $2 related forms text[] (one element per question word, its forms space-separated)
 * The statement is a function (migration 020), planned once per session: planning was most of its cost.
 */
export const QUERY_TERMS_SQL = /* SQL */ `
  SELECT * FROM search_query_terms($1::text, $2::text[]) ORDER BY grp NULLS FIRST, lexeme`;

/**
 * Compound siblings of the question's compound words. Each question lexeme comes with its possible cuts into
 * modifier + head (src/retrieve/textTerms.ts); the cut taken is the one with the longest head that is itself a
 * corpus lexeme (the last part of a Norwegian compound carries its kind, the first its topic), with a linking s or e
 * read as such rather than as part of the modifier (arbeid + s + forhold, not arbeids + forhold: the tie was
 * broken arbitrarily before, so the same question could get different siblings). Its siblings are
 * the corpus lexemes that start with the same modifier and whose rest (after an optional linking s or e) is a
 * corpus lexeme of 3+ letters — so "skyløsning" (sky + løsning) gives skytjenest (sky + tjenest) but not skyld.
 * The most frequent first, at most $4 per question lexeme.
 *   $1 source lexemes text[]  $2 modifiers text[]  $3 heads text[] (one cut per element)  $4 limit per source
 * A function too (migration 020), for the same reason.
 */
export const COMPOUND_SIBLINGS_SQL = /* SQL */ `
  SELECT * FROM search_compound_siblings($1::text[], $2::text[], $3::text[], $4::int)`;

/**
 * Full-text leg: Okapi BM25 over the passages' tsvector, with real term frequencies, each passage scored with the
 * rest of its section. The terms and their weights (idf) are worked out in src/retrieve/textTerms.ts; this
 * statement scores the candidates:
 *   $1 candidate tsquery (which passages are scored at all)  $2 limit  $3 average passage length
 *   $4 passage ids scored beside them (text[], may be empty: the vector leg's hits)  $5 tsquery of any term (such
 *   a passage is scored only when it has one)
 *   then per term a tsquery and its weight ($6, $7), ($8, $9) …  then the filters when filtered.
 * - A term's frequency is `ts_rank_cd` of its one-term query without normalisation: each occurrence is a cover of
 *   its own, so that is the count of occurrences weighted by TF_WEIGHTS (the passage's own words 1, its headings
 *   HEADING_TF). Per term: idf · tf (k1 + 1) / (tf + k1 (1 - b + b len / avglen)), in float8 (a bare 0.9 is
 *   numeric, slow arithmetic in every row).
 * - A section (the passages of one document under one heading) is a unit the writer cut only for length, and the
 *   words answering a question often straddle the cut. Each term also scores its best passage in the section
 *   (among the candidates), and a passage's score is (1 - SECTION_SHARE) · its own + SECTION_SHARE · the section's.
 * NOTE (issue 17, NorQuAD dev, 755 passages of ~2,100 chars cut into ~900-char pieces; text leg R@1 / MRR, hybrid
 * in brackets): presence only (tf taken as 1, the formula before) 0.854 / 0.905 (0.871 / 0.913); real tf
 * 0.875 / 0.916 (0.867 / 0.912: the fusion weight then moved to 0.9, src/retrieve/search.ts); section share 0.3
 * 0.877 / 0.917 (0.875 / 0.917); 0.6 and 1.0 no better (0.879 / 0.917, 0.873 / 0.913); the share over a window
 * of neighbouring passages instead of the section 0.873 / 0.915. One CASE per term rather than a sub-select over
 * a terms list: the sub-select ran an executor node per candidate, and each reference to p.tsv was a separate fetch.
 * NOTE: `OFFSET 0` keeps the planner from pulling the sub-select up into the outer query. Pulled up, every `c.tfN`
 * in the outer expressions was replaced by its CASE, so each term's `@@` and `ts_rank_cd` ran four times per
 * candidate (twice in the passage's own share, twice in the section's; EXPLAIN VERBOSE shows the CASEs in the sort
 * key). Fenced, each runs once. Text leg CPU per question on the 10k bench store (200 questions, both versions
 * interleaved in one process, load average ~15): p50 / p95 9.7 / 22.9 → 6.6 / 12.4 ms, the same top 10 for all 200
 * (presence only, no tf at all, costs 5.9 / 9.9 fenced). Dropping the `@@` guard instead costs more, not less
 * (7.7 / 16.7 fenced): `ts_rank_cd` is far dearer than `@@` on a passage without the term.
 * NOTE: each term's BM25 share is computed once per passage in a middle level (fenced too), not once in the
 * passage's own sum and again under the section's `max`. Same rows and scores for all 496 bench questions at 10k;
 * CPU ms per question (least of 3, both versions interleaved, load average ~12) mean / p50 / p95
 * 5.58 / 5.33 / 10.71 → 5.45 / 5.17 / 10.41.
 */
export function textLegSql(termCount: number, filtered: boolean): string {
  const FIRST_TERM = 6;
  const { k1, b } = BM25;
  const share = SECTION_SHARE;
  const idx = Array.from({ length: termCount }, (_, i) => i);
  const tf = idx.map(
    (i) =>
      `CASE WHEN p.tsv @@ $${FIRST_TERM + 2 * i}::tsquery THEN ts_rank_cd('${TF_WEIGHTS}', p.tsv, $${FIRST_TERM + 2 * i}::tsquery, 0)::float8 ELSE 0 END AS tf${i}`,
  );
  // One term's BM25 share in passage t, computed once per passage (the middle level below); t.n is
  // k1 (1 - b + b len / avglen).
  const shares = idx.map((i) => `$${FIRST_TERM + 1 + 2 * i}::float8 * t.tf${i} / (t.tf${i} + t.n) AS s${i}`);
  const own = idx.length ? idx.map((i) => `c.s${i}`).join(' + ') : '0';
  const section = idx.length ? idx.map((i) => `max(c.s${i}) OVER section`).join(' + ') : '0';
  return /* SQL */ `
  SELECT c.id,
         ${k1 + 1}::float8 * ((1 - ${share}::float8) * (${own}) + ${share}::float8 * (${section})) AS score
  FROM (SELECT t.id, t.document_id, t.heading_text${shares.map((x) => `,\n               ${x}`).join('')}
        FROM (SELECT p.id, p.document_id, p.heading_text,
                     ${k1 * (1 - b)}::float8 + ${k1 * b}::float8 * length(p.tsv) / $3::float8 AS n${tf.map((t) => `,\n                     ${t}`).join('')}
              FROM passages p${filtered ? ' JOIN documents d ON d.id = p.document_id' : ''}
              WHERE (p.tsv @@ $1::tsquery OR (p.id = ANY($4::text[]) AND p.tsv @@ $5::tsquery))
                AND ${passageVisible('p')}${filtered ? ` AND ${filterConditions(FIRST_TERM + 2 * termCount)}` : ''}
              OFFSET 0) t
        OFFSET 0) c
  WINDOW section AS (PARTITION BY c.document_id, c.heading_text)
  ORDER BY score DESC, c.id
  LIMIT $2`;
}

/**
 * Okapi BM25's constants: Anserini's defaults (k1 0.9, b 0.4) rather than the textbook 1.2 / 0.75. A lower k1
 * saturates term frequency sooner, so a piece that repeats one question word («opplæring» four times) no longer
 * outweighs one that has more of the question's words; a lower b penalises long pieces less.
 * NOTE (issue 17, NorQuAD dev hybrid R@1 / R@5 / MRR, all in one process on the same stores; seed questions
 * unchanged at 0.750 / 0.958 / 0.839 in each): 1.2 / 0.75 0.873 / 0.970 / 0.916; k1 0.9 0.883 / 0.968 / 0.921
 * (6 questions up to rank 1, 1 down); 0.7 0.883 / 0.970 / 0.921; 1.6 0.871 / 0.970 / 0.915; b 0.5 or 0.9 at k1 1.2
 * 0.875 / 0.968 / 0.916 and 0.875 / 0.970 / 0.916; 0.9 / 0.4 0.886 / 0.970 / 0.921. With names at half weight
 * (src/retrieve/textTerms.ts NAME_WEIGHT) 0.9 / 0.75 gives 0.890 / 0.968 / 0.925 and 0.9 / 0.4 0.890 / 0.970 / 0.924:
 * Anserini's pair is kept, recall@5 unchanged.
 */
export const BM25 = { k1: 0.9, b: 0.4 } as const;
/** A passage's score: this share from its section's best passage per term, the rest from its own words. */
export const SECTION_SHARE = 0.3;
/** How much a heading occurrence of a term counts against one in the passage's own words (tsvector weight B). */
export const HEADING_TF = 0.5;
/** ts_rank_cd weights {D, C, B, A}: text is A, headings B (migration 001); D and C are unused but must be > 0. */
const TF_WEIGHTS = `{0.1, 0.1, ${HEADING_TF}, 1}`;

export const EMBEDDINGS_OF_SQL = /* SQL */ `
  SELECT p.id, p.embedding::text AS embedding FROM passages p WHERE p.id = ANY($1::text[]) AND ${passageVisible('p')}`;
