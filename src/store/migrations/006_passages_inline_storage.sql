-- Keep a passage row whole in its heap page: no TOAST for its text and tsvector.
--
-- NOTE (measured, bench corpus of 100k passages, PGlite 0.5.14, `scratch`-style runs recorded in BENCHMARKS.md):
-- a passage row is ~600 chars of text, a ~1 KB tsvector and a 1.5 KB vector (STORAGE PLAIN, set by
-- ensureEmbedder). That is over the default 2 KB TOAST threshold, so PostgreSQL compressed the text and tsvector
-- and moved them into the TOAST table, and the BM25 text leg paid a TOAST index lookup plus a decompression for
-- every reference to p.tsv of every candidate (five per candidate). Text leg p50 / p95 at 100k: 95 / 377 ms
-- as TOASTed, 32 / 95 ms with rows kept inline, same results. Rows stay well under a page (~3 KB), so the cost
-- is a larger heap (388 MB instead of 205 MB heap + 158 MB TOAST: about the same on disk) and no compression
-- work on insert.
ALTER TABLE passages SET (toast_tuple_target = 8160);
ALTER TABLE passages ALTER COLUMN text SET STORAGE MAIN;
ALTER TABLE passages ALTER COLUMN tsv SET STORAGE MAIN;
ALTER TABLE passages ALTER COLUMN heading_text SET STORAGE MAIN;

-- Rows stored before this migration keep their TOAST pointers until rewritten: rewrite them once (a new text
-- value is stored by the new rules, and the generated tsvector with it). Statistics triggers fire on INSERT and
-- DELETE only, so BM25 statistics are untouched.
UPDATE passages SET text = text || '';

-- Prefix lookups on lexemes ("sky" → skyløsning, skytjeneste) for compound-aware query terms
-- (src/retrieve/textTerms.ts). text_pattern_ops so that LIKE 'prefix%' and ~>=~ ranges use the index whatever
-- the database's collation.
CREATE INDEX lexeme_stats_prefix_idx ON lexeme_stats (lexeme text_pattern_ops);
