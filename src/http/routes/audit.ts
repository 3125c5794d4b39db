/**
 * GET /audit: who uploaded, replaced, withdrew, drafted, edited, exported and changed users or tokens, newest first,
 * paged (`before` = the last id of the previous page). Site administrators read every entry; an administrator of
 * some organisations reads theirs.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { hasRoleSomewhere } from '../../domain/viewer.js';
import { AUDIT_ACTIONS, listAudit } from '../../store/audit.js';
import type { Queryable } from '../../store/driver.js';
import { AppError } from '../errors.js';
import { problemResponses, router } from '../openapi.js';

const AuditQuery = z.object({
  organisation: z.string().trim().min(1).max(200).optional().openapi({ description: 'Only this organisation' }),
  action: z.enum(AUDIT_ACTIONS).optional().openapi({ description: 'Only this action' }),
  before: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, 'må være en id fra forrige side')
    .optional()
    .openapi({ description: 'Entries older than this id (the `next` of the previous page)' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().openapi({ description: 'ISO 8601 time' }),
    actorId: z
      .string()
      .nullable()
      .openapi({ description: 'The user’s id; null for a service token, the CLI or open mode' }),
    actor: z.string().openapi({ description: 'The user’s e-mail, or service, cli, open' }),
    action: z.enum(AUDIT_ACTIONS),
    organisation: z.string().nullable().openapi({ description: 'Lower-cased organisation acted for' }),
    target: z.string().nullable().openapi({ description: 'Document, draft, user or token id' }),
    requestId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

const route = createRoute({
  method: 'get',
  path: '/audit',
  summary: 'The audit log, newest first (administrators)',
  request: { query: AuditQuery },
  responses: {
    200: {
      description: 'One page of entries; `next` fetches the following page',
      content: {
        'application/json': {
          schema: z.object({ entries: z.array(AuditEntrySchema), next: z.string().nullable() }),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function auditRoutes({ db }: { db: Queryable }) {
  return router().openapi(route, async (c) => {
    const viewer = c.get('viewer');
    if (!viewer.siteAdmin && !hasRoleSomewhere(viewer, 'admin'))
      throw new AppError('forbidden:role', { detail: 'Bare administratorer kan lese revisjonsloggen.' });
    const q = c.req.valid('query');
    const visibleOrganisations = viewer.siteAdmin
      ? null
      : Object.entries(viewer.roles)
          .filter(([, r]) => r === 'admin')
          .map(([k]) => k);
    const entries = await listAudit(db, { ...q, visibleOrganisations });
    const next = entries.length === q.limit ? entries[entries.length - 1].id : null;
    return c.json(
      {
        entries: entries.map((e) => ({
          ...e,
          organisation: e.organisation ?? null,
          target: e.target ?? null,
          requestId: e.requestId ?? null,
          detail: e.detail ?? {},
        })),
        next,
      },
      200,
    );
  });
}
