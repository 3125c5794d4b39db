/**
 * Users, their organisation memberships (a role each: reader < editor < admin) and their personal API tokens.
 * Named queries, one object argument per function. A token is 256 random bits shown once when issued; only its
 * SHA-256 is stored, and a request's token is found by that hash (tokenHash).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role, Viewer } from '../domain/viewer.js';
import type { Queryable } from './driver.js';
import { refuseOtherSpelling } from './organisations.js';
import { readThrough } from './readCache.js';

const MEMBER_ORGANISATIONS_SQL = /* SQL */ `SELECT DISTINCT organisation_key FROM memberships`;

const ANY_USER_SQL = /* SQL */ `SELECT EXISTS (SELECT 1 FROM users WHERE disabled_at IS NULL) AS any`;

const INSERT_USER_SQL = /* SQL */ `
  INSERT INTO users (id, email, name, is_admin) VALUES ($1, $2, $3, $4)
  RETURNING id, email, name, is_admin, created_at::text AS created_at`;

const USER_COLUMNS = /* SQL */ `u.id, u.email, u.name, u.is_admin, u.created_at::text AS created_at,
  u.disabled_at IS NOT NULL AS disabled,
  coalesce((SELECT jsonb_agg(jsonb_build_object('organisation', m.organisation, 'key', m.organisation_key, 'role', m.role)
            ORDER BY m.organisation_key) FROM memberships m WHERE m.user_id = u.id), '[]'::jsonb) AS memberships`;

const GET_USER_BY_EMAIL_SQL = /* SQL */ `SELECT ${USER_COLUMNS} FROM users u WHERE lower(u.email) = lower($1)`;
const GET_USER_SQL = /* SQL */ `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1 AND u.disabled_at IS NULL`;
/** Enabled or disabled: what an administrator manages. */
const GET_ANY_USER_SQL = /* SQL */ `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`;
/** Every user, disabled ones too (marked): an administrator must see them to enable them again. */
const LIST_USERS_SQL = /* SQL */ `SELECT ${USER_COLUMNS} FROM users u ORDER BY lower(u.email)`;

const SET_ADMIN_SQL = /* SQL */ `UPDATE users SET is_admin = $2 WHERE id = $1`;

const SET_DISABLED_SQL = /* SQL */ `
  UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END WHERE id = $1
  RETURNING disabled_at IS NOT NULL AS disabled`;

/** Enabled site administrators other than $1. */
const OTHER_ADMINS_SQL = /* SQL */ `
  SELECT count(*)::int AS n FROM users WHERE is_admin AND disabled_at IS NULL AND id <> $1`;

const IS_DISABLED_SQL = /* SQL */ `SELECT disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1`;

/** $4 NULL removes the membership. */
const UPSERT_MEMBERSHIP_SQL = /* SQL */ `
  INSERT INTO memberships (user_id, organisation_key, organisation, role) VALUES ($1, lower($2), $2, $3)
  ON CONFLICT (user_id, organisation_key) DO UPDATE SET role = EXCLUDED.role`;
const DELETE_MEMBERSHIP_SQL = /* SQL */ `DELETE FROM memberships WHERE user_id = $1 AND organisation_key = lower($2)`;

const INSERT_TOKEN_SQL = /* SQL */ `
  INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4) RETURNING created_at::text AS created_at`;

const LIST_TOKENS_SQL = /* SQL */ `
  SELECT t.id, t.user_id, u.email, t.name, t.created_at::text AS created_at, t.last_used_at::text AS last_used_at,
         t.revoked_at::text AS revoked_at
  FROM api_tokens t JOIN users u ON u.id = t.user_id
  WHERE ($1::text IS NULL OR t.user_id = $1) ORDER BY t.created_at, t.id`;

const REVOKE_TOKEN_SQL = /* SQL */ `
  UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id, user_id`;

/** The live token's user, by the token's hash. */
const USER_BY_TOKEN_HASH_SQL = /* SQL */ `
  SELECT t.id AS token_id, ${USER_COLUMNS}
  FROM api_tokens t JOIN users u ON u.id = t.user_id
  WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`;

/** Whether a live (not revoked) token belongs to a disabled user. */
const TOKEN_OF_DISABLED_USER_SQL = /* SQL */ `
  SELECT EXISTS (SELECT 1 FROM api_tokens t JOIN users u ON u.id = t.user_id
                 WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NOT NULL) AS disabled`;

// NOTE: at most one write a minute per token, so a busy client does not turn every read into a write.
const TOUCH_TOKEN_SQL = /* SQL */ `
  UPDATE api_tokens SET last_used_at = now()
  WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;

export interface Membership {
  /** As given, e.g. "Fagforbundet". */
  organisation: string;
  /** lower(organisation). */
  key: string;
  role: Role;
}

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  /** Disabled: cannot sign in, tokens and sessions do not work; enabled again by an administrator. */
  disabled: boolean;
  createdAt: string;
  memberships: Membership[];
}

export interface TokenSummary {
  id: string;
  userId: string;
  email: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Row = Record<string, any>;
const iso = (t: string | null) => (t ? new Date(t).toISOString() : null);

function rowToUser(r: Row): User {
  const ms = typeof r.memberships === 'string' ? JSON.parse(r.memberships) : r.memberships;
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    isAdmin: Boolean(r.is_admin),
    disabled: Boolean(r.disabled),
    createdAt: iso(r.created_at)!,
    memberships: ms ?? [],
  };
}

/** The SHA-256 (hex) under which a token is stored and looked up. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new personal token: "inn_" and 43 base64url characters (256 random bits). */
export const newToken = () => `inn_${randomBytes(32).toString('base64url')}`;

/**
 * Disable or enable a user. A disabled user cannot sign in, and their tokens and sessions stop working (every
 * principal query joins on `disabled_at IS NULL`); nothing they wrote is removed.
 */
export async function setUserDisabled(db: Queryable, { userId, disabled }: { userId: string; disabled: boolean }) {
  await db.query(SET_DISABLED_SQL, [userId, disabled]);
}

/** Whether the user (enabled or not) is disabled. */
export async function isUserDisabled(db: Queryable, { userId }: { userId: string }): Promise<boolean> {
  const { rows } = await db.query<{ disabled: boolean }>(IS_DISABLED_SQL, [userId]);
  return Boolean(rows[0]?.disabled);
}

/** How many enabled site administrators there are besides this user. */
export async function otherSiteAdmins(db: Queryable, { userId }: { userId: string }): Promise<number> {
  const { rows } = await db.query<{ n: number }>(OTHER_ADMINS_SQL, [userId]);
  return Number(rows[0]?.n ?? 0);
}

/** Whether any (enabled) user exists: with none, and no API_TOKENS, the server stays open. */
export async function anyUser(db: Queryable): Promise<boolean> {
  // NOTE (issue 14): asked by every request of an open server; from the memo on PGlite (readCache.ts), so a /search
  // during an upload does not queue for the connection once for this and again for its own statements.
  return readThrough(db, 'any-user', async () => {
    const { rows } = await db.query<{ any: boolean }>(ANY_USER_SQL);
    return Boolean(rows[0]?.any);
  });
}

/**
 * The organisations some user holds a role in (lower-cased): the installation's own organisations, as against the
 * issuers of consultations (ministries), who have no users here.
 */
export async function memberOrganisations(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query<{ organisation_key: string }>(MEMBER_ORGANISATIONS_SQL);
  return new Set(rows.map((r) => r.organisation_key));
}

/** @example await createUser(db, { email: 'kari@ks.no', isAdmin: true }) */
export async function createUser(
  db: Queryable,
  { email, name = '', isAdmin = false }: { email: string; name?: string; isAdmin?: boolean },
): Promise<User> {
  const { rows } = await db.query(INSERT_USER_SQL, [randomUUID(), email.trim(), name, isAdmin]);
  return { ...rowToUser({ ...rows[0], memberships: [] }) };
}

export async function getUserByEmail(db: Queryable, { email }: { email: string }): Promise<User | null> {
  const { rows } = await db.query(GET_USER_BY_EMAIL_SQL, [email.trim()]);
  return rows[0] ? rowToUser(rows[0]) : null;
}

export async function getUser(db: Queryable, { id }: { id: string }): Promise<User | null> {
  const { rows } = await db.query(GET_USER_SQL, [id]);
  return rows[0] ? rowToUser(rows[0]) : null;
}

/** The user by id, disabled or not (the admin routes); getUser finds enabled users only. */
export async function getAnyUser(db: Queryable, { id }: { id: string }): Promise<User | null> {
  const { rows } = await db.query(GET_ANY_USER_SQL, [id]);
  return rows[0] ? rowToUser(rows[0]) : null;
}

/** Every user, disabled ones included (`disabled: true`). */
export async function listUsers(db: Queryable): Promise<User[]> {
  return (await db.query(LIST_USERS_SQL)).rows.map(rowToUser);
}

export async function setSiteAdmin(db: Queryable, { userId, isAdmin }: { userId: string; isAdmin: boolean }) {
  await db.query(SET_ADMIN_SQL, [userId, isAdmin]);
}

/**
 * Give the user `role` in `organisation` (replacing any other role there); role null removes the membership.
 * Every door that adds members comes here (the admin routes, `npm run users`, OIDC registration), so a name that
 * reads as a known organisation's other spelling («Oslo-Ap» for «Oslo AP») is refused here (409
 * conflict:organisation), before anything is written.
 */
export async function setRole(
  db: Queryable,
  { userId, organisation, role }: { userId: string; organisation: string; role: Role | null },
): Promise<void> {
  if (role === null) return void (await db.query(DELETE_MEMBERSHIP_SQL, [userId, organisation.trim()]));
  await refuseOtherSpelling(db, { organisation });
  await db.query(UPSERT_MEMBERSHIP_SQL, [userId, organisation.trim(), role]);
}

/**
 * Issue a personal token; the token itself is returned here once and never stored.
 * @example const { token } = await issueToken(db, { userId, name: 'laptop' })
 */
export async function issueToken(
  db: Queryable,
  { userId, name }: { userId: string; name: string },
): Promise<{ id: string; token: string; createdAt: string }> {
  const token = newToken();
  const id = randomUUID();
  const { rows } = await db.query<{ created_at: string }>(INSERT_TOKEN_SQL, [id, userId, name, tokenHash(token)]);
  return { id, token, createdAt: iso(rows[0].created_at)! };
}

export async function listTokens(db: Queryable, { userId }: { userId?: string } = {}): Promise<TokenSummary[]> {
  const { rows } = await db.query(LIST_TOKENS_SQL, [userId ?? null]);
  return rows.map((r: Row) => ({
    id: r.id,
    userId: r.user_id,
    email: r.email,
    name: r.name,
    createdAt: iso(r.created_at)!,
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  }));
}

/** @returns the revoked token's user id, or null when no live token has that id. */
export async function revokeToken(db: Queryable, { id }: { id: string }): Promise<string | null> {
  const { rows } = await db.query<{ user_id: string }>(REVOKE_TOKEN_SQL, [id]);
  return rows[0]?.user_id ?? null;
}

/** The viewer of a user (roles per organisation; a site admin holds admin in every one). */
export function userViewer(user: User): Viewer {
  return {
    kind: 'user',
    userId: user.id,
    label: user.email,
    siteAdmin: user.isAdmin,
    roles: Object.fromEntries(user.memberships.map((m) => [m.key, m.role])),
    everyOrganisation: user.isAdmin ? 'admin' : null,
  };
}

/** The user a personal token belongs to (live token, enabled user), noting its use; null for any other string. */
/**
 * Whether `token` is a live token of a disabled user: only its holder can ask, so saying "your account is
 * disabled" tells a stranger nothing (guessing a 256-bit token is not possible).
 */
export async function isTokenOfDisabledUser(db: Queryable, { token }: { token: string }): Promise<boolean> {
  const { rows } = await db.query<{ disabled: boolean }>(TOKEN_OF_DISABLED_USER_SQL, [tokenHash(token)]);
  return Boolean(rows[0]?.disabled);
}

export async function userByToken(db: Queryable, { token }: { token: string }): Promise<User | null> {
  const { rows } = await db.query(USER_BY_TOKEN_HASH_SQL, [tokenHash(token)]);
  if (!rows[0]) return null;
  await db.query(TOUCH_TOKEN_SQL, [(rows[0] as Row).token_id]);
  return rowToUser(rows[0]);
}
