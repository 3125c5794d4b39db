/**
 * The audit log: who uploaded, replaced, withdrew, drafted, edited, exported, changed users or tokens, and signed in
 * or out (or was refused), when, through which request. Rows are only inserted. Named queries, one object argument per function.
 */
import type { Queryable } from './driver.js';

export const AUDIT_ACTIONS = [
  'upload',
  'replace',
  'withdraw',
  'draft',
  'edit',
  'export',
  'backup',
  'user.add',
  'user.role',
  'user.admin',
  'user.password',
  'user.disable',
  'user.enable',
  'token.issue',
  'token.revoke',
  'organisation.merge',
  'signin',
  'signin.refused',
  'signout',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const INSERT_AUDIT_SQL = /* SQL */ `
  INSERT INTO audit_log (actor_id, actor, action, organisation_key, target, request_id, detail)
  VALUES ($1, $2, $3, lower($4), $5, $6, $7::jsonb)`;

/**
 * Newest first, paged by (at, id) below a cursor id. $1 organisation keys the reader may see (NULL: all),
 * $2 organisation filter, $3 action filter, $4 before id (NULL: newest), $5 limit.
 */
const LIST_AUDIT_SQL = /* SQL */ `
  SELECT id::text AS id, at::text AS at, actor_id, actor, action, organisation_key, target, request_id, detail
  FROM audit_log
  WHERE ($1::text[] IS NULL OR organisation_key = ANY($1::text[]))
    AND ($2::text IS NULL OR organisation_key = lower($2))
    AND ($3::text IS NULL OR action = $3)
    AND ($4::bigint IS NULL OR id < $4::bigint)
  ORDER BY audit_log.id DESC
  LIMIT $5`;

export interface AuditEntry {
  actorId: string | null;
  actor: string;
  action: AuditAction;
  organisation?: string | null;
  target?: string | null;
  requestId?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  at: string;
}

/** @example await recordAudit(db, { actorId: user.id, actor: user.email, action: 'upload', target: id }) */
export async function recordAudit(db: Queryable, e: AuditEntry): Promise<void> {
  await db.query(INSERT_AUDIT_SQL, [
    e.actorId,
    e.actor,
    e.action,
    e.organisation ?? null,
    e.target ?? null,
    e.requestId ?? null,
    JSON.stringify(e.detail ?? {}),
  ]);
}

export async function listAudit(
  db: Queryable,
  {
    visibleOrganisations = null,
    organisation,
    action,
    before,
    limit = 50,
  }: {
    visibleOrganisations?: string[] | null;
    organisation?: string;
    action?: string;
    before?: string;
    limit?: number;
  },
): Promise<AuditRecord[]> {
  const { rows } = await db.query<Record<string, any>>(LIST_AUDIT_SQL, [
    visibleOrganisations,
    organisation ?? null,
    action ?? null,
    before ?? null,
    limit,
  ]);
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actor: r.actor,
    action: r.action,
    organisation: r.organisation_key,
    target: r.target,
    requestId: r.request_id,
    detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
  }));
}
