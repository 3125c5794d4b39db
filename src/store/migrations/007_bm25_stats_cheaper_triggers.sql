-- Cheaper BM25 statistics triggers: the same statistics as migration 003, kept exact (test/store/bulkWrite).
--
-- Why: ingest now streams a bulk load into its one transaction in a few growing INSERT statements (binary COPY,
-- src/store/writeDocuments.ts), so embedding on a worker thread overlaps the save, and each statement fires the
-- statistics trigger once. From the second statement on most of its lexemes already exist, and 003's
-- `INSERT … ON CONFLICT DO UPDATE` paid a speculative insertion, a conflict and a non-HOT update (new entries in
-- both lexeme_stats indexes) for each of them. Any later ingest into a filled store is in the same position.
--   * Existing lexemes are updated with a plain UPDATE … FROM, and only missing ones inserted (still with
--     ON CONFLICT, so two writers adding the same new lexeme at once on PostgreSQL both count).
--   * lexeme_stats keeps half of each page free (fillfactor 50, for pages written from now on), so those updates
--     can be HOT (df is in no index): no index entries for the new row versions. The table stays small (6 MB at
--     100k passages).
--   * new_rows / old_rows are scanned once for the passage count and total length, not twice.
--   * The delete trigger does nothing when no passage was deleted (a DELETE statement fires it even then), and
--     removes only the lexemes it brought to df 0 instead of scanning all of lexeme_stats for df <= 0.
--
-- Measured (bench corpus, 10k passages, vectors precomputed, CPU-s of the save, PGlite 0.5.14 on a shared
-- 2-core machine, min / median of 3–5 fresh stores):
--   saved in 10 statements:   003's functions 4.72 / 5.76;  003's + fillfactor 50 4.19 / 4.61;
--                             these functions without fillfactor 4.26 / 4.35;  these (as shipped) 3.70 / 3.99
--   saved in one statement:   003's functions 3.84 / 4.46;  these functions without fillfactor 3.50 / 3.70
--                             (near the noise: in one statement nearly every lexeme is new). The trigger as a
--                             whole still costs ~0.75 of the save's ~3.7 CPU-s (bench/save-breakdown.ts).
-- Taking a table lock in the trigger so that the insert could drop ON CONFLICT measured no better; kept as is.

ALTER TABLE lexeme_stats SET (fillfactor = 50);

CREATE OR REPLACE FUNCTION passages_stats_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS MATERIALIZED (
    SELECT l, count(*)::int AS n FROM new_rows, unnest(tsvector_to_array(new_rows.tsv)) AS l GROUP BY l
  ), bumped AS (
    UPDATE lexeme_stats s SET df = s.df + d.n FROM d WHERE s.lexeme = d.l
  )
  -- The statement's snapshot predates `bumped`, so NOT EXISTS sees exactly the lexemes that were there before.
  INSERT INTO lexeme_stats (lexeme, df)
    SELECT d.l, d.n FROM d WHERE NOT EXISTS (SELECT 1 FROM lexeme_stats s WHERE s.lexeme = d.l)
  ON CONFLICT (lexeme) DO UPDATE SET df = lexeme_stats.df + EXCLUDED.df;
  UPDATE corpus_stats SET passages = passages + n.added, total_length = total_length + n.added_length
    FROM (SELECT count(*) AS added, coalesce(sum(length(tsv)), 0) AS added_length FROM new_rows) n;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION passages_stats_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gone text[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows) THEN
    RETURN NULL;
  END IF;
  WITH d AS (
    SELECT l, count(*)::int AS n FROM old_rows, unnest(tsvector_to_array(old_rows.tsv)) AS l GROUP BY l
  ), lowered AS (
    UPDATE lexeme_stats s SET df = s.df - d.n FROM d WHERE s.lexeme = d.l RETURNING s.lexeme, s.df
  )
  SELECT array_agg(lexeme) INTO gone FROM lowered WHERE df <= 0;
  IF gone IS NOT NULL THEN
    DELETE FROM lexeme_stats WHERE lexeme = ANY (gone);
  END IF;
  UPDATE corpus_stats SET passages = passages - n.removed, total_length = total_length - n.removed_length
    FROM (SELECT count(*) AS removed, coalesce(sum(length(tsv)), 0) AS removed_length FROM old_rows) n;
  RETURN NULL;
END $$;
