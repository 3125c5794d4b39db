-- Failed sign-ins are counted per e-mail AND per client (issue 16's lockout, revisited): a stranger who types
-- wrong passwords for a colleague's e-mail used to lock the colleague out too. Now the limit that locks is the one
-- per (e-mail, client address); a much larger one per e-mail over all clients still bounds guessing spread over many
-- addresses. Rows from before this migration have no client ('') and count only toward the per-e-mail total.
ALTER TABLE login_failures ADD COLUMN client text NOT NULL DEFAULT '';
CREATE INDEX login_failures_client_idx ON login_failures (email_key, client, at);
