-- Issue 16 item 2: sign-in for the page. Needs 009 (users).
-- A password is optional per user (one who signs in only through OpenID Connect has none). The column holds an
-- argon2id PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash): parameters and salt travel with the hash.
ALTER TABLE users ADD COLUMN password_hash text;

-- Page sessions live here, not in one process's memory, so any server sharing this database knows them and a
-- restart signs nobody out. The cookie holds 256 random bits; only their SHA-256 is stored (a stolen copy of the
-- table opens no session). The CSRF token is sent by the page in a header on every write and compared here.
CREATE TABLE sessions (
  token_hash     text PRIMARY KEY,
  user_id        text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token     text NOT NULL,
  -- How the user signed in: 'password' or 'oidc'.
  via            text NOT NULL CHECK (via IN ('password', 'oidc')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now(),
  -- Idle expiry, moved forward as the session is used (at most once a minute), never past max_expires_at.
  expires_at     timestamptz NOT NULL,
  max_expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- An OpenID Connect sign-in between the redirect to the issuer and its callback, by its `state`: the PKCE
-- verifier and nonce the callback checks, and where the user was going. Minutes long; any server may finish it.
CREATE TABLE oidc_logins (
  state          text PRIMARY KEY,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  redirect_uri   text NOT NULL,
  return_to      text NOT NULL,
  expires_at     timestamptz NOT NULL
);

-- Failed password sign-ins per e-mail (lower-cased, known or not), for the brute-force limit: past a number of
-- failures in a window the e-mail gets 429 before any hash is checked. In the database, so the limit holds across
-- servers; rows older than the window are removed with expired sessions.
CREATE TABLE login_failures (
  email_key  text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_idx ON login_failures (email_key, at);
