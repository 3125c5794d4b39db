-- What was read out of an imported consultation (POST /consultations, issue 18): title, issuer, reference, deadline,
-- questions and proposals with their passage ids and pages, as one JSON value (src/domain/consultation.ts). The
-- document itself is an ordinary row of kind 'consultation' whose organisation is the issuer; withdrawing or
-- replacing it removes this row with it.
CREATE TABLE consultations (
  document_id  text PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  extraction   jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
