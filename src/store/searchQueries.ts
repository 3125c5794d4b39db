/**
 * The two legs of hybrid search, as named SQL. Filters narrow both legs alike; a search without filters leaves
 * the documents table out of both (nothing to join for).
 */
import { documentReadableSql } from './access.js';
import { PASSAGE_COLUMNS } from './documents.js';

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
  WHERE p.embedding IS NOT NULL AND ${filterConditions(3)}
  ORDER BY p.embedding <#> $1::vector
  LIMIT $2`
    : /* SQL */ `
  SELECT ${columns}-(p.embedding <#> $1::vector) AS score
  FROM passages p
  WHERE p.embedding IS NOT NULL
  ORDER BY p.embedding <#> $1::vector
  LIMIT $2`;
}

/**
 * The question's lexemes ('norwegian' snowball, as the passages' tsvector) with their document frequencies, and
 * the corpus figures BM25 needs. A lexeme no passage has comes back with df NULL.
 *   $1 question text
 */
export const QUERY_TERMS_SQL = /* SQL */ `
  WITH q AS (SELECT DISTINCT l AS lexeme FROM unnest(tsvector_to_array(to_tsvector('norwegian', $1))) AS l)
  SELECT q.lexeme, s.df, c.passages, c.total_length
  FROM q LEFT JOIN lexeme_stats s ON s.lexeme = q.lexeme, corpus_stats c
  ORDER BY q.lexeme`;

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
 */
export const COMPOUND_SIBLINGS_SQL = /* SQL */ `
  WITH cuts AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS c(source, modifier, head)),
  best AS (SELECT DISTINCT ON (c.source) c.source, c.modifier
           FROM cuts c JOIN lexeme_stats k ON k.lexeme = c.head
           ORDER BY c.source, length(c.head) DESC, length(c.modifier))
  SELECT b.source, x.lexeme, x.df
  FROM best b
  CROSS JOIN LATERAL (
    SELECT s.lexeme, s.df FROM lexeme_stats s
    WHERE s.lexeme ~>=~ b.modifier AND s.lexeme ~<~ (b.modifier || chr(1114111)) AND s.lexeme <> b.source
      AND EXISTS (SELECT 1 FROM lexeme_stats h
                  WHERE h.lexeme IN (substr(s.lexeme, length(b.modifier) + 1),
                                     CASE WHEN substr(s.lexeme, length(b.modifier) + 1, 1) IN ('s', 'e')
                                          THEN substr(s.lexeme, length(b.modifier) + 2) END)
                    AND length(h.lexeme) >= 3)
    ORDER BY s.df DESC, s.lexeme
    LIMIT $4) x`;

/**
 * Full-text leg: Okapi BM25 over the 'norwegian' tsvector (k1 1.2, b 0.75), term frequency taken as
 * present/absent (passages are 300–900 chars, so tf is nearly always 1, and testing membership per term is far
 * cheaper than unnesting every candidate's tsvector). The terms and their weights (idf) are worked out in
 * src/retrieve/textTerms.ts; this statement scores the candidates:
 *   $1 candidate tsquery (which passages are scored at all)  $2 limit  $3 average passage length
 *   then per term a tsquery and its weight ($4, $5), ($6, $7) …  then the filters when filtered.
 * The length norm (k1 + 1) / (1 + k1 (1 - b + b len / avglen)) is written out as 2.2 / (1.3 + 0.9 len / avglen), in
 * float8 (a bare 0.9 is numeric, slow arithmetic in every row).
 * NOTE: one CASE per term rather than a sub-select over a terms list: the sub-select ran an executor node per
 * candidate, and each reference to p.tsv was a separate fetch.
 */
export function textLegSql(termCount: number, filtered: boolean): string {
  const terms = Array.from(
    { length: termCount },
    (_, i) => `CASE WHEN p.tsv @@ $${4 + 2 * i}::tsquery THEN $${5 + 2 * i}::float8 ELSE 0 END`,
  );
  const sum = terms.length ? terms.join('\n           + ') : '0';
  return /* SQL */ `
  SELECT p.id,
         (${sum}) * 2.2::float8 / (1.3::float8 + 0.9::float8 * length(p.tsv) / $3::float8) AS score
  FROM passages p${filtered ? ' JOIN documents d ON d.id = p.document_id' : ''}
  WHERE p.tsv @@ $1::tsquery${filtered ? ` AND ${filterConditions(4 + 2 * termCount)}` : ''}
  ORDER BY score DESC, p.id
  LIMIT $2`;
}

export const EMBEDDINGS_OF_SQL = /* SQL */ `SELECT id, embedding::text AS embedding FROM passages WHERE id = ANY($1::text[])`;
