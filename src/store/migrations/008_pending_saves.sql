-- A large upload is saved in batches, each its own short transaction, so searches run between them (PGlite has one
-- connection: one transaction holding it for the whole save kept /search waiting for seconds). Until the last
-- batch is in, no read sees the save (src/store/visibility.ts has the predicates every read uses):
--   * a new document's row is written first with state 'pending' (its passages need the row for their foreign key);
--   * the passages of a save carry the version it writes (documents.pending_version); readers see a document's
--     passages of documents.passages_version only, so a replacement's passages sit beside the old ones, hidden,
--     and the last transaction swaps the versions and deletes the old passages at once (a replace stays atomic);
--   * a save that dies half-way leaves a pending version behind, which start-up deletes (src/store/pendingSaves.ts);
--     pending_since is bumped with every batch, so on PostgreSQL, where other processes may be saving, only saves
--     that have not moved for a while are taken for dead.
-- Documents stored before this migration are ready, their passages version 0.
ALTER TABLE documents ADD COLUMN state text NOT NULL DEFAULT 'ready' CHECK (state IN ('ready', 'pending'));
ALTER TABLE documents ADD COLUMN passages_version int NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN pending_version int;
ALTER TABLE documents ADD COLUMN pending_since timestamptz;
ALTER TABLE passages ADD COLUMN version int NOT NULL DEFAULT 0;

-- Two versions of a document's passages have the same ids (<document id>-p<ordinal>) while a replacement is
-- saved, so the version joins the keys. Lookups by id still use the primary key (its first column).
ALTER TABLE passages DROP CONSTRAINT passages_pkey;
ALTER TABLE passages ADD PRIMARY KEY (id, version);
ALTER TABLE passages DROP CONSTRAINT passages_document_id_ordinal_key;
ALTER TABLE passages ADD UNIQUE (document_id, ordinal, version);

-- The saves in progress: what every passage read leaves out (a handful of rows at most, read once per statement).
CREATE INDEX documents_pending_idx ON documents (id, pending_version) WHERE pending_version IS NOT NULL;
