-- The sign-in page also takes a personal access token (the first administrator from INNSPILL_ADMIN_EMAIL has only
-- that until a password is set), so a session may be opened 'via' a token too.
ALTER TABLE sessions DROP CONSTRAINT sessions_via_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_via_check CHECK (via IN ('password', 'oidc', 'token'));
