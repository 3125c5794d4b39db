-- Corpus statistics for BM25 ranking of the full-text leg.
--
-- NOTE: PostgreSQL's ts_rank has no inverse document frequency, so a question's rare, telling word ("skyløsning")
-- weighs no more than a common one ("offentlig"). Measured on NorQuAD dev (src/retrieve, evals/), ts_rank gave
-- recall@5 0.928 / MRR 0.867, below plain BM25 (0.956 / 0.906). These two tables keep document frequencies and
-- passage lengths up to date with statement-level triggers (one aggregate per INSERT/DELETE statement, not per
-- row, so bulk ingest stays fast), and the text leg ranks with BM25 on them (src/retrieve/queries.ts).

CREATE TABLE lexeme_stats (
  lexeme  text PRIMARY KEY,
  df      int  NOT NULL
);

CREATE TABLE corpus_stats (
  singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  passages      int    NOT NULL DEFAULT 0,
  -- Sum of length(tsv) (distinct lexemes per passage), for the average passage length.
  total_length  bigint NOT NULL DEFAULT 0
);
INSERT INTO corpus_stats DEFAULT VALUES;

CREATE FUNCTION passages_stats_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lexeme_stats (lexeme, df)
    SELECT l, count(*) FROM new_rows, unnest(tsvector_to_array(new_rows.tsv)) AS l GROUP BY l
  ON CONFLICT (lexeme) DO UPDATE SET df = lexeme_stats.df + EXCLUDED.df;
  UPDATE corpus_stats SET
    passages = passages + (SELECT count(*) FROM new_rows),
    total_length = total_length + (SELECT coalesce(sum(length(tsv)), 0) FROM new_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION passages_stats_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE lexeme_stats s SET df = s.df - o.n
    FROM (SELECT l, count(*) AS n FROM old_rows, unnest(tsvector_to_array(old_rows.tsv)) AS l GROUP BY l) o
    WHERE s.lexeme = o.l;
  DELETE FROM lexeme_stats WHERE df <= 0;
  UPDATE corpus_stats SET
    passages = passages - (SELECT count(*) FROM old_rows),
    total_length = total_length - (SELECT coalesce(sum(length(tsv)), 0) FROM old_rows);
  RETURN NULL;
END $$;

-- Passage text is never updated in place (a changed document's passages are deleted and inserted again), so
-- INSERT and DELETE are the only statements that change the statistics; embedding updates don't touch them.
CREATE TRIGGER passages_stats_insert AFTER INSERT ON passages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION passages_stats_after_insert();
CREATE TRIGGER passages_stats_delete AFTER DELETE ON passages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION passages_stats_after_delete();

-- Backfill from passages stored before this migration.
INSERT INTO lexeme_stats (lexeme, df)
  SELECT l, count(*) FROM passages, unnest(tsvector_to_array(tsv)) AS l GROUP BY l;
UPDATE corpus_stats SET passages = (SELECT count(*) FROM passages),
  total_length = (SELECT coalesce(sum(length(tsv)), 0) FROM passages);
