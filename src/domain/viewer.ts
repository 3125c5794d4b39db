/**
 * The principal a request acts as (the "viewer"), and what its roles allow. Plain data, no I/O: the HTTP layer
 * resolves one per request (http/middleware/principal.ts), the store turns it into one SQL predicate
 * (store/access.ts), and the routes ask `mayAct` before a write.
 *
 * Roles are per organisation and ordered: reader (search, ask, read drafts) < editor (also draft, edit, upload in
 * the organisation's name) < admin (also withdraw its documents). A site administrator (`siteAdmin`) manages users
 * and tokens, takes backups and reads the whole audit log; like the operator who holds the data directory, it sees
 * every organisation.
 */
import { z } from 'zod';

export const ROLES = ['reader', 'editor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Norwegian names of the roles, for CLI output and messages. */
export const ROLE_NAMES: Record<Role, string> = { reader: 'leser', editor: 'redaktør', admin: 'administrator' };

export interface Viewer {
  /**
   * open: no user or token exists yet, so the server is open as before (full access, as today);
   * user: a user by a personal token (or, from signin16, a session); service: a token from API_TOKENS;
   * anonymous: nobody, on a server that has users (reads nothing but the public routes);
   * cli: a command run on the server itself.
   */
  kind: 'open' | 'user' | 'service' | 'anonymous' | 'cli';
  /** The user's id; null for every other kind. */
  userId: string | null;
  /** Who, for logs and the audit log: the user's e-mail, `service`, `open`, `anonymous` or `cli`. */
  label: string;
  siteAdmin: boolean;
  /** Role per organisation, keyed by lower-cased organisation name (as documents.organisation is compared). */
  roles: Readonly<Record<string, Role>>;
  /** A role held in every organisation (open mode, the CLI, site admins, service tokens not limited to some), else null. */
  everyOrganisation: Role | null;
}

const rank = (r: Role | null | undefined) => (r ? ROLES.indexOf(r) : -1);

/** The viewer's role in an organisation (by name, any casing), or null. */
export function roleIn(viewer: Viewer, organisation: string): Role | null {
  const own = viewer.roles[organisation.toLowerCase()] ?? null;
  return rank(viewer.everyOrganisation) > rank(own) ? viewer.everyOrganisation : own;
}

/** Whether the viewer holds at least `role` in `organisation`. */
export function mayAct(viewer: Viewer, organisation: string, role: Role): boolean {
  return rank(roleIn(viewer, organisation)) >= rank(role);
}

/** Whether the viewer holds at least `role` anywhere (any organisation, or every one). */
export function hasRoleSomewhere(viewer: Viewer, role: Role): boolean {
  return [viewer.everyOrganisation, ...Object.values(viewer.roles)].some((r) => rank(r) >= rank(role));
}

/** Whether the viewer may read anything at all (every kind but anonymous). */
export const isAuthenticated = (viewer: Viewer) => viewer.kind !== 'anonymous';

export const OPEN_VIEWER: Viewer = Object.freeze({
  kind: 'open',
  userId: null,
  label: 'open',
  siteAdmin: true,
  roles: {},
  everyOrganisation: 'admin',
});

export const CLI_VIEWER: Viewer = Object.freeze({
  kind: 'cli',
  userId: null,
  label: 'cli',
  siteAdmin: true,
  roles: {},
  everyOrganisation: 'admin',
});

export const ANONYMOUS_VIEWER: Viewer = Object.freeze({
  kind: 'anonymous',
  userId: null,
  label: 'anonymous',
  siteAdmin: false,
  roles: {},
  everyOrganisation: null,
});
