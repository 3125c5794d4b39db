-- Documents and their passages, with a Norwegian full-text column and a vector column.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE documents (
  id            text PRIMARY KEY,
  organisation  text NOT NULL,
  title         text NOT NULL,
  kind          text NOT NULL,
  -- As precise as the source allows: YYYY, YYYY-MM or YYYY-MM-DD. date_start is its first day, for range filters.
  date          text NOT NULL,
  date_start    date NOT NULL,
  language      text NOT NULL DEFAULT 'nb',
  source        text,
  format        text NOT NULL,
  -- The cleaned text that passage offsets point into.
  text          text NOT NULL,
  content_hash  text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_organisation_idx ON documents (lower(organisation));

CREATE TABLE passages (
  id            text PRIMARY KEY,
  document_id   text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal       int  NOT NULL,
  text          text NOT NULL,
  start_offset  int  NOT NULL,
  end_offset    int  NOT NULL,
  heading_path  text[] NOT NULL DEFAULT '{}',
  -- heading_path joined, kept as its own column because a generated column may only use immutable functions.
  heading_text  text NOT NULL DEFAULT '',
  page          int,
  anchor        text,
  content_hash  text NOT NULL,
  -- NOTE: no dimension here on purpose. The dimension belongs to the configured embedder; on first start (and
  -- whenever the embedder changes) the store sets it with ALTER COLUMN … TYPE vector(D) and re-embeds, so vectors
  -- of two models never mix. See src/store/embeddings.ts.
  embedding     vector,
  -- Norwegian stemming ('norwegian' snowball config); headings weigh less than the passage's own words.
  tsv           tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('norwegian', text), 'A') ||
                  setweight(to_tsvector('norwegian', heading_text), 'B')) STORED,
  UNIQUE (document_id, ordinal)
);
CREATE INDEX passages_tsv_idx ON passages USING gin (tsv);
CREATE INDEX passages_document_idx ON passages (document_id);

-- Which embedder produced the vectors in passages.embedding (one row).
CREATE TABLE embedder_state (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  model       text NOT NULL,
  dimension   int  NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
