-- Issue 16: who may see what. Users, their organisations with a role, personal API tokens and the audit log.
-- Organisations are the names documents and drafts already carry (documents.organisation, compared lower-cased);
-- a membership names one by that key, so no organisations table is needed and an organisation may get members
-- before its first document.
CREATE TABLE users (
  id          text PRIMARY KEY,
  email       text NOT NULL,
  name        text NOT NULL DEFAULT '',
  -- A site administrator: manages users and tokens, takes backups, reads the whole audit log, sees every
  -- organisation's documents and drafts (as the operator with the data directory can anyway).
  is_admin    boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));

-- reader < editor < admin, per organisation: reader searches, asks and reads drafts; editor also drafts, edits and
-- uploads in the organisation's name; admin also withdraws its documents.
CREATE TABLE memberships (
  user_id          text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- lower(organisation) as the documents' organisation filters compare it; `organisation` keeps a spelling.
  organisation_key text NOT NULL,
  organisation     text NOT NULL,
  role             text NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, organisation_key)
);

-- Personal API tokens. Only the SHA-256 of the token is stored (the token is 256 random bits, so a fast hash is
-- enough: there is nothing to guess); the token itself is shown once when issued.
CREATE TABLE api_tokens (
  id            text PRIMARY KEY,
  user_id       text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Who did what, when, through which request. Rows are only ever inserted.
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  -- The principal: a user id, 'service' (an API_TOKENS token), 'cli' (a command on the server) or 'open' (no users).
  actor_id      text,
  actor         text NOT NULL,
  -- upload, replace, withdraw, draft, edit, export, user.add, user.role, token.issue, token.revoke, …
  action        text NOT NULL,
  -- The organisation acted for or on (lower-cased key), when there is one; admins of it may read the entry.
  organisation_key text,
  target        text,
  request_id    text,
  detail        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_org_idx ON audit_log (organisation_key, at DESC);
