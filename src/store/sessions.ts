/**
 * Page sign-in in the database (migration 010): password hashes on users, sessions by the SHA-256 of their cookie,
 * and OpenID Connect sign-ins waiting for their callback. Every server sharing the database sees the same sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './driver.js';

export const SET_PASSWORD_SQL = /* SQL */ `
  UPDATE users SET password_hash = $2 WHERE lower(email) = lower($1) RETURNING id`;

/** The user's id and hash for a sign-in; disabled users are not found. */
export const PASSWORD_BY_EMAIL_SQL = /* SQL */ `
  SELECT id, password_hash FROM users WHERE lower(email) = lower($1) AND disabled_at IS NULL`;

export const INSERT_SESSION_SQL = /* SQL */ `
  INSERT INTO sessions (token_hash, user_id, csrf_token, via, expires_at, max_expires_at)
  VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5::int), now() + make_interval(hours => $6::int))
  RETURNING expires_at`;

/** A live session and its user (enabled). */
export const SESSION_SQL = /* SQL */ `
  SELECT s.user_id, s.csrf_token, s.expires_at, s.last_seen_at < now() - interval '1 minute' AS stale
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`;

// NOTE: at most one write a minute per session, so a page that polls does not turn every read into a write.
export const TOUCH_SESSION_SQL = /* SQL */ `
  UPDATE sessions SET last_seen_at = now(),
    expires_at = least(now() + make_interval(mins => $2::int), max_expires_at)
  WHERE token_hash = $1 AND expires_at > now()`;

export const DELETE_SESSION_SQL = /* SQL */ `DELETE FROM sessions WHERE token_hash = $1`;
export const DELETE_USER_SESSIONS_SQL = /* SQL */ `DELETE FROM sessions WHERE user_id = $1`;
/** Every session of the user but the one with hash $2 (NULL keeps none). */
export const DELETE_OTHER_SESSIONS_SQL = /* SQL */ `
  DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR token_hash <> $2)`;
/** The stored hash of the enabled user with id $1 (null when they have no password). */
export const PASSWORD_BY_ID_SQL = /* SQL */ `SELECT password_hash FROM users WHERE id = $1 AND disabled_at IS NULL`;
export const DELETE_EXPIRED_SQL = /* SQL */ `
  WITH s AS (DELETE FROM sessions WHERE expires_at <= now() RETURNING 1),
       o AS (DELETE FROM oidc_logins WHERE expires_at <= now() RETURNING 1),
       f AS (DELETE FROM login_failures WHERE at <= now() - interval '1 day' RETURNING 1)
  SELECT (SELECT count(*) FROM s)::int AS sessions, (SELECT count(*) FROM o)::int AS logins`;

/** Failed sign-ins for an e-mail within the last $2 minutes: from the client $3, and from every client. */
export const COUNT_LOGIN_FAILURES_SQL = /* SQL */ `
  SELECT count(*) FILTER (WHERE client = $3)::int AS from_client, count(*)::int AS total FROM login_failures
  WHERE email_key = lower($1) AND at > now() - make_interval(mins => $2::int)`;
export const INSERT_LOGIN_FAILURE_SQL = /* SQL */ `INSERT INTO login_failures (email_key, client) VALUES (lower($1), $2)`;
/** A sign-in that succeeded clears its own client's failures; others' still count toward the all-clients limit. */
export const CLEAR_LOGIN_FAILURES_SQL = /* SQL */ `DELETE FROM login_failures WHERE email_key = lower($1) AND client = $2`;

export const INSERT_OIDC_LOGIN_SQL = /* SQL */ `
  INSERT INTO oidc_logins (state, nonce, code_verifier, redirect_uri, return_to, expires_at)
  VALUES ($1, $2, $3, $4, $5, now() + interval '10 minutes')`;
/** Taken once: a callback replayed with the same state finds nothing. */
export const TAKE_OIDC_LOGIN_SQL = /* SQL */ `
  DELETE FROM oidc_logins WHERE state = $1 AND expires_at > now()
  RETURNING state, nonce, code_verifier, redirect_uri, return_to`;

/** The SHA-256 (hex) of a session cookie: what the table keys on. */
export const sessionHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Store a password hash for the user with this e-mail (any casing).
 * @returns the user's id, or null when no user has the e-mail
 */
export async function setPasswordHash(db: Queryable, { email, hash }: { email: string; hash: string | null }) {
  const { rows } = await db.query<{ id: string }>(SET_PASSWORD_SQL, [email.trim(), hash]);
  return rows[0]?.id ?? null;
}

export async function passwordByEmail(db: Queryable, { email }: { email: string }) {
  const { rows } = await db.query<{ id: string; password_hash: string | null }>(PASSWORD_BY_EMAIL_SQL, [email.trim()]);
  return rows[0] ? { userId: rows[0].id, hash: rows[0].password_hash } : null;
}

/** The user's password hash, or null (no password set, or no such enabled user). */
export async function passwordHashOf(db: Queryable, { userId }: { userId: string }): Promise<string | null> {
  const { rows } = await db.query<{ password_hash: string | null }>(PASSWORD_BY_ID_SQL, [userId]);
  return rows[0]?.password_hash ?? null;
}

/** How a session was opened: password, OpenID Connect, or a personal access token typed on the sign-in page. */
export type SignInVia = 'password' | 'oidc' | 'token';

export interface NewSession {
  /** The cookie's value (only its hash is stored). */
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** @example const { token } = await createSession(db, { userId, via: 'password', idleMinutes: 480, maxHours: 24 }) */
export async function createSession(
  db: Queryable,
  opts: { userId: string; via: SignInVia; idleMinutes: number; maxHours: number },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const { rows } = await db.query<{ expires_at: string }>(INSERT_SESSION_SQL, [
    sessionHash(token),
    opts.userId,
    csrfToken,
    opts.via,
    opts.idleMinutes,
    Math.max(1, Math.round(opts.maxHours)),
  ]);
  return { token, csrfToken, expiresAt: new Date(rows[0]!.expires_at).toISOString() };
}

export interface LiveSession {
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

/** The live session behind a cookie, its idle expiry moved forward; null when unknown, expired or logged out. */
export async function findSession(
  db: Queryable,
  { token, idleMinutes }: { token: string; idleMinutes: number },
): Promise<LiveSession | null> {
  const hash = sessionHash(token);
  const { rows } = await db.query<{ user_id: string; csrf_token: string; expires_at: string; stale: boolean }>(
    SESSION_SQL,
    [hash],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale) await db.query(TOUCH_SESSION_SQL, [hash, idleMinutes]);
  return { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at).toISOString() };
}

export async function deleteSession(db: Queryable, { token }: { token: string }) {
  await db.query(DELETE_SESSION_SQL, [sessionHash(token)]);
}

/** Sign a user out everywhere (password changed, user disabled). */
export async function deleteUserSessions(db: Queryable, { userId }: { userId: string }) {
  await db.query(DELETE_USER_SESSIONS_SQL, [userId]);
}

/** Sign a user out everywhere but the session of `keepToken` (their own password change keeps them signed in). */
export async function deleteOtherSessions(
  db: Queryable,
  { userId, keepToken }: { userId: string; keepToken: string | undefined },
) {
  await db.query(DELETE_OTHER_SESSIONS_SQL, [userId, keepToken ? sessionHash(keepToken) : null]);
}

/** Remove expired sessions and abandoned OIDC sign-ins. */
export async function deleteExpired(db: Queryable) {
  const { rows } = await db.query<{ sessions: number; logins: number }>(DELETE_EXPIRED_SQL);
  return rows[0]!;
}

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  returnTo: string;
}

export async function saveOidcLogin(db: Queryable, p: PendingLogin) {
  await db.query(INSERT_OIDC_LOGIN_SQL, [p.state, p.nonce, p.codeVerifier, p.redirectUri, p.returnTo]);
}

export async function takeOidcLogin(db: Queryable, { state }: { state: string }): Promise<PendingLogin | null> {
  const { rows } = await db.query<Record<string, string>>(TAKE_OIDC_LOGIN_SQL, [state]);
  const r = rows[0];
  return r
    ? {
        state: r.state!,
        nonce: r.nonce!,
        codeVerifier: r.code_verifier!,
        redirectUri: r.redirect_uri!,
        returnTo: r.return_to!,
      }
    : null;
}

/** How many sign-ins with this e-mail failed in the last `minutes`. */
/** Failed sign-ins for `email` in the last `minutes`: from `client` (its address) and from every client. */
export async function recentLoginFailures(
  db: Queryable,
  { email, client, minutes }: { email: string; client: string; minutes: number },
): Promise<{ fromClient: number; total: number }> {
  const { rows } = await db.query<{ from_client: number; total: number }>(COUNT_LOGIN_FAILURES_SQL, [
    email.trim(),
    minutes,
    client,
  ]);
  return { fromClient: Number(rows[0]?.from_client ?? 0), total: Number(rows[0]?.total ?? 0) };
}

export async function recordLoginFailure(db: Queryable, { email, client }: { email: string; client: string }) {
  await db.query(INSERT_LOGIN_FAILURE_SQL, [email.trim(), client]);
}

export async function clearLoginFailures(db: Queryable, { email, client }: { email: string; client: string }) {
  await db.query(CLEAR_LOGIN_FAILURES_SQL, [email.trim(), client]);
}
