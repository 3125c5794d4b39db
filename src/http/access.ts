/**
 * The routes' side of access control (issue 16): the store scoped to the request's principal, role checks before a
 * write (403 with a Norwegian message) and the audit entry a write leaves. What may be read is not decided here:
 * the store filters every read by the viewer (store/access.ts).
 */
import type { Context } from 'hono';
import { mayAct, ROLE_NAMES, type Role, type Viewer } from '../domain/viewer.js';
import { scoped } from '../store/access.js';
import { recordAudit, type AuditEntry } from '../store/audit.js';
import type { Queryable } from '../store/driver.js';
import { AppError } from './errors.js';
import type { AppEnv } from './openapi.js';

/**
 * The store acting for this request's principal.
 * @example const doc = await getDocument(viewerDb(c, deps.db), { id })
 */
export function viewerDb<T extends Queryable>(c: Context<AppEnv>, db: T): T {
  return scoped(db, c.get('viewer'));
}

/** 403 unless the viewer holds at least `role` in `organisation`. */
export function requireRole(viewer: Viewer, organisation: string, role: Role): void {
  if (mayAct(viewer, organisation, role)) return;
  throw new AppError('forbidden:role', {
    detail:
      `Du må være ${ROLE_NAMES[role]} i «${organisation}» for å gjøre dette` +
      (viewer.kind === 'user' ? ` (innlogget som ${viewer.label}).` : '.'),
  });
}

/** 403 unless the viewer is a site administrator (users, tokens, backups, the whole audit log). */
export function requireSiteAdmin(viewer: Viewer): void {
  if (viewer.siteAdmin) return;
  throw new AppError('forbidden:role', { detail: 'Bare en administrator for hele tjenesten kan gjøre dette.' });
}

/** Record what the request's principal did (who, when, request id). */
export async function audit(
  c: Context<AppEnv>,
  db: Queryable,
  entry: Omit<AuditEntry, 'actor' | 'actorId' | 'requestId'>,
): Promise<void> {
  const v = c.get('viewer');
  await recordAudit(db, { ...entry, actorId: v.userId, actor: v.label, requestId: c.get('requestId') });
}
