/**
 * POST /admin/backup: a consistent backup of the whole store, streamed (`npm run backup` asks the server for it when
 * a server holds the data directory, since no other process may open that directory). Site administrators only
 * (issue 16; an API_TOKENS token is one with API_TOKENS_ROLE=admin, the default). GET /audit: the audit log.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { Readable } from 'node:stream';
import { BACKUP_EXTENSION, dumpStore } from '../../store/backup.js';
import type { Db } from '../../store/db.js';
import { audit, requireSiteAdmin } from '../access.js';
import { problemResponses, router } from '../openapi.js';
import { auditRoutes } from './audit.js';

export interface AdminDeps {
  db: Db;
  /** PostgreSQL (DATABASE_URL) is backed up with pg_dump; PGlite needs nothing more. */
  databaseUrl?: string;
}

const backupRoute = createRoute({
  method: 'post',
  path: '/admin/backup',
  summary:
    'Back up the whole store: PGlite’s data directory as a gzipped tarball (restore with `npm run restore`), or pg_dump SQL for PostgreSQL',
  // NOTE: an empty JSON object, since every POST on the JSON API carries a body (middleware/strictBody.ts).
  request: { body: { content: { 'application/json': { schema: z.object({}).strict() } }, required: true } },
  responses: {
    200: {
      description: 'The backup, streamed',
      content: {
        'application/gzip': { schema: z.string().openapi({ format: 'binary' }) },
        'application/sql': { schema: z.string() },
      },
    },
    ...problemResponses(401, 403, 503, 507),
  },
});

export function adminRoutes(deps: AdminDeps) {
  const app = router();
  app.openAPIRegistry.registerPath(backupRoute);
  app.post('/admin/backup', async (c) => {
    requireSiteAdmin(c.get('viewer'));
    await audit(c, deps.db, { action: 'backup' });
    const dump = await dumpStore(deps.db, deps.databaseUrl);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
    return new Response(Readable.toWeb(dump.stream) as ReadableStream, {
      headers: {
        'content-type': dump.format === 'pglite' ? 'application/gzip' : 'application/sql',
        'content-disposition': `attachment; filename="innspill-${stamp}${BACKUP_EXTENSION[dump.format]}"`,
        'x-backup-format': dump.format,
      },
    });
  });
  return app.route('/', auditRoutes({ db: deps.db }));
}
