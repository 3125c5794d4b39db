/**
 * The two legs of hybrid search, as named SQL. Both take the same filter parameters ($3–$7) so a filter
 * narrows both legs alike.
 *   $3 organisations (lower-cased text[] or NULL)  $4 document ids (text[] or NULL)  $5 kinds (text[] or NULL)
 *   $6 date from (date or NULL)                    $7 date to (date or NULL)
 */
const FILTERS = /* SQL */ `
  ($3::text[] IS NULL OR lower(d.organisation) = ANY($3::text[]))
  AND ($4::text[] IS NULL OR d.id = ANY($4::text[]))
  AND ($5::text[] IS NULL OR d.kind = ANY($5::text[]))
  AND ($6::date IS NULL OR d.date_start >= $6::date)
  AND ($7::date IS NULL OR d.date_start <= $7::date)`;

/**
 * Vector leg. Vectors are unit length, so `<#>` (negative inner product) orders exactly as cosine distance and
 * matches the HNSW index's vector_ip_ops; the score returned is the cosine similarity.
 */
/** Share of passages above which a term is too common to make candidates on its own (see TEXT_LEG_SQL). */
export const SELECTIVE_DF_SHARE = 0.05;
/** Below this many passages with a term nothing is pruned: small corpora lose quality and gain no speed. */
export const SELECTIVE_DF_FLOOR = 1000;

export const VECTOR_LEG_SQL = /* SQL */ `
  SELECT p.id, -(p.embedding <#> $1::vector) AS score
  FROM passages p JOIN documents d ON d.id = p.document_id
  WHERE p.embedding IS NOT NULL AND ${FILTERS}
  ORDER BY p.embedding <#> $1::vector
  LIMIT $2`;

/**
 * Full-text leg: Okapi BM25 over the 'norwegian' snowball tsvector, with document frequencies and lengths kept
 * by migration 003's triggers. The question's lexemes are OR-ed (an AND of a whole question almost never
 * matches). Term frequency is taken as present/absent: passages are short (300–900 chars) so tf is nearly always
 * 1, and testing membership (`tsv @@ 'lexeme'`) per query term is far cheaper than unnesting every candidate's
 * tsvector. k1 = 1.2, b = 0.75 (the usual defaults).
 */
export const TEXT_LEG_SQL = /* SQL */ `
  WITH q AS (SELECT DISTINCT l AS lexeme FROM unnest(tsvector_to_array(to_tsvector('norwegian', $1))) AS l),
  st AS (SELECT greatest(passages, 1)::float8 AS n, greatest(total_length::float8 / greatest(passages, 1), 1) AS avglen
         FROM corpus_stats),
  qs AS (SELECT quote_literal(q.lexeme)::tsquery AS tq, ln(1 + (st.n - s.df + 0.5) / (s.df + 0.5)) AS idf,
                s.df <= greatest(st.n * ${SELECTIVE_DF_SHARE}, ${SELECTIVE_DF_FLOOR}) AS selective
         FROM q JOIN lexeme_stats s ON s.lexeme = q.lexeme, st),
  -- NOTE: candidates come from the selective terms only (when the question has any): a passage that shares
  -- nothing but common words with the question cannot outrank one that shares a rare word, and at 100k passages
  -- a common word alone ("offentlig") would make tens of thousands of candidates to score. Common terms still
  -- count in every candidate's score.
  anyq AS (SELECT coalesce(string_agg(tq::text, ' | ') FILTER (WHERE selective), string_agg(tq::text, ' | '))::tsquery AS query
           FROM qs)
  SELECT p.id,
         (SELECT sum(qs.idf) FROM qs WHERE p.tsv @@ qs.tq) * 2.2
           / (1 + 1.2 * (0.25 + 0.75 * length(p.tsv) / st.avglen)) AS score
  FROM passages p JOIN documents d ON d.id = p.document_id, anyq, st
  WHERE p.tsv @@ anyq.query AND ${FILTERS}
  ORDER BY score DESC, p.id
  LIMIT $2`;

export const EMBEDDINGS_OF_SQL = /* SQL */ `SELECT id, embedding::text AS embedding FROM passages WHERE id = ANY($1::text[])`;
