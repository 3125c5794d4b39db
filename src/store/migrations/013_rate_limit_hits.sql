-- Rate-limit counters in the database (issue 16 item 7), so that several servers on one PostgreSQL share each
-- client's budget instead of granting it once per process. One row per limiter and client (`writes:203.0.113.9`),
-- a fixed window: the count and when it starts over. Read and written by src/store/rateLimits.ts; PGlite has the
-- table too (the SQL is the same on both) but its one server keeps its counters in memory.
--
-- UNLOGGED: a counter lost in a crash only hands a client a fresh minute, and skipping the WAL keeps the one write
-- every counted request pays cheap. Rows past their window are deleted now and then (rateLimits.ts).
CREATE UNLOGGED TABLE IF NOT EXISTS rate_limit_hits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  reset_at timestamptz NOT NULL
);
