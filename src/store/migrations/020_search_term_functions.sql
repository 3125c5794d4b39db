-- The text leg's two look-ups per question (src/store/searchQueries.ts QUERY_TERMS_SQL, COMPOUND_SIBLINGS_SQL) as
-- functions whose plans are made once per session instead of once per search (issue 17).
--
-- NOTE: a statement sent with its parameters is parsed, analysed and planned on every call, and for these two that
-- was nearly all they cost: on PGlite at 10k passages (CPU ms per question, least of 5 runs, every 4th NorQuAD dev
-- and seed question) the question's terms took 1.15 ms of which EXPLAIN alone (no execution) 1.10, the compound
-- siblings 0.99 of which 0.92. plpgsql keeps a plan per statement for the session. Left to choose between custom and
-- generic plans, the terms function cost 1.17 ms against the statement's 1.41; with the generic plan forced, 0.59
-- against 1.46 in one run, the same rows for all 124 questions. The plan is the same for every question (index
-- look-ups on lexeme_stats by lexeme), so a generic one loses nothing. Both together, textQuery in
-- src/retrieve/textTerms.ts (all 496 bench questions, least of 3, main's and this code interleaved on one store):
-- mean / p50 / p95 2.31 / 2.18 / 3.63 → 1.27 / 1.15 / 2.21 ms, the same terms and candidates for all 496.
-- #variable_conflict: the OUT columns share names with the tables' columns; every name in the bodies is a column.
-- A landed migration is not edited: a change to either look-up is a new migration with CREATE OR REPLACE FUNCTION.

CREATE FUNCTION search_query_terms(question text, related text[])
  RETURNS TABLE (lexeme text, grp int, df int, name_stem text, passages int, total_length bigint)
  LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH q AS (SELECT DISTINCT l AS lexeme FROM unnest(tsvector_to_array(search_tsvector(question))) AS l),
  n AS (SELECT l AS lexeme, (ts_lexize('norwegian_stem', l))[1] AS name_stem
        FROM unnest(tsvector_to_array(search_names(question))) AS l),
  x AS (SELECT DISTINCT g.i::int AS grp, l AS lexeme
        FROM unnest(related) WITH ORDINALITY AS g(forms, i),
             unnest(tsvector_to_array(to_tsvector('norwegian', g.forms))) AS l
        WHERE l NOT IN (SELECT lexeme FROM q))
  SELECT q.lexeme, NULL::int AS grp, s.df, n.name_stem, c.passages, c.total_length
  FROM q LEFT JOIN n ON n.lexeme = q.lexeme LEFT JOIN lexeme_stats s ON s.lexeme = q.lexeme, corpus_stats c
  UNION ALL
  SELECT x.lexeme, x.grp, s.df, NULL, c.passages, c.total_length
  FROM x JOIN lexeme_stats s ON s.lexeme = x.lexeme, corpus_stats c;
END
$$;

CREATE FUNCTION search_compound_siblings(sources text[], modifiers text[], heads text[], per_source int)
  RETURNS TABLE (source text, lexeme text, df int)
  LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH cuts AS (SELECT * FROM unnest(sources, modifiers, heads) AS c(source, modifier, head)),
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
    LIMIT per_source) x;
END
$$;
