-- Documents an organisation has taken back out (DELETE /documents/:id). The document, its passages and their
-- vectors are gone; this row remains so that a draft which quoted it can keep its stored quotes and say the source
-- was withdrawn, instead of pointing at nothing. No foreign key: the document row no longer exists.
CREATE TABLE withdrawn_documents (
  document_id   text PRIMARY KEY,
  title         text NOT NULL,
  organisation  text NOT NULL,
  withdrawn_at  timestamptz NOT NULL DEFAULT now()
);
