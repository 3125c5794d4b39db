-- The words a passage is found by: one function for passages (write time) and questions (read time), so both sides
-- cut and stem text the same way (issue 17).
--
-- * Slashes split words. PostgreSQL's parser reads «gjengangere/dauinger/landdrauger» as one file-path token and
--   «barn-/ungdom» as '/ungdom', so none of those words was searchable. A slash or backslash becomes a space first.
-- * Names keep their own form beside the Snowball stem. «Råde» (a municipality) stems to 'råd', so a question about
--   Råde found every passage on «råd». A capitalised word inside a sentence (not after . ! ? : nor at the start) whose
--   stem differs from it and that is no stop word also stores its lower-cased form as written ('råde'); the question
--   goes through the same function, and src/retrieve/textTerms.ts searches a name by that form instead of its stem
--   when the corpus has it. Words written capitalised only at a sentence start add nothing.
-- The tsvector is re-derived for every stored passage (DROP and ADD of the generated column, so this runs on any
-- PostgreSQL with generated columns, not only 17+), and the BM25 statistics are rebuilt from it.

CREATE FUNCTION search_names(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple', coalesce(string_agg(w, ' '), ''))
  FROM (SELECT lower(m[1]) AS w
        FROM regexp_matches(body, '(?<![.!?:])[\s«("]([[:upper:]][[:alpha:]]+)', 'g') AS m) x
  -- ts_lexize gives {} for a stop word (NULL here, so dropped) and {stem} otherwise.
  -- NOTE: one one-character look-behind; the two-character one first written ((?<![.!?:]\s)(?<=[\s«("])) took
  -- 3× as long, more than to_tsvector itself (NorQuAD's 755 passages: 536 against 164 ms).
  WHERE (ts_lexize('norwegian_stem', w))[1] <> w
$$;

CREATE FUNCTION search_tsvector(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('norwegian', regexp_replace(body, '[/\\]', ' ', 'g')) || search_names(body)
$$;

ALTER TABLE passages DROP COLUMN tsv;
ALTER TABLE passages ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
  setweight(search_tsvector(text), 'A') || setweight(search_tsvector(heading_text), 'B')) STORED;
-- As migration 006: kept inline, no TOAST lookups in the text leg.
ALTER TABLE passages ALTER COLUMN tsv SET STORAGE MAIN;
CREATE INDEX passages_tsv_idx ON passages USING gin (tsv);

DELETE FROM lexeme_stats;
INSERT INTO lexeme_stats (lexeme, df)
  SELECT l, count(*) FROM passages, unnest(tsvector_to_array(tsv)) AS l GROUP BY l;
UPDATE corpus_stats SET passages = (SELECT count(*) FROM passages),
  total_length = (SELECT coalesce(sum(length(tsv)), 0) FROM passages);
