/**
 * Start-up for access control (issue 16): the first site administrator from INNSPILL_ADMIN_EMAIL when the store has
 * no users yet, with one personal token shown once, and a log line saying whether the server is open.
 */
import type { Config } from '../config/env.js';
import type { Logger } from '../log.js';
import { ADVISORY_LOCKS, onceAcrossInstances } from '../store/advisoryLocks.js';
import { recordAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { anyUser, createUser, issueToken } from '../store/users.js';

/**
 * Create the first administrator when INNSPILL_ADMIN_EMAIL is set and no user exists, and say how the server stands.
 * @returns the administrator's first token (printed once by the caller), or null.
 */
export async function ensureFirstAdmin(
  db: Db,
  config: Pick<Config, 'INNSPILL_ADMIN_EMAIL' | 'API_TOKENS'>,
  logger: Logger,
): Promise<{ email: string; token: string } | null> {
  let created: { email: string; token: string } | null = null;
  // Several servers on one PostgreSQL started together: one creates the administrator, the others then find a user
  // (store/advisoryLocks.ts).
  if (config.INNSPILL_ADMIN_EMAIL)
    created = await onceAcrossInstances(db, ADVISORY_LOCKS.startup, async () => {
      if (await anyUser(db)) return null;
      return db.transaction(async (tx) => {
        const user = await createUser(tx, { email: config.INNSPILL_ADMIN_EMAIL!, isAdmin: true });
        const { id, token } = await issueToken(tx, { userId: user.id, name: 'første nøkkel' });
        await recordAudit(tx, {
          actorId: null,
          actor: 'cli',
          action: 'user.add',
          target: user.id,
          detail: { admin: true },
        });
        await recordAudit(tx, {
          actorId: null,
          actor: 'cli',
          action: 'token.issue',
          target: id,
          detail: { user: user.email },
        });
        return { email: user.email, token };
      });
    });
  if (created)
    logger.info(
      { email: created.email },
      'first administrator created from INNSPILL_ADMIN_EMAIL; its token is printed once on stderr ' +
        '(more with: npm run users -- token <e-post> while the server is stopped, or with DATABASE_URL)',
    );
  const open = !(config.API_TOKENS ?? '').trim() && !(await anyUser(db));
  if (open)
    logger.warn(
      'open access: no user and no API token exists, so anyone who reaches the server may read and write everything; ' +
        'create an administrator with INNSPILL_ADMIN_EMAIL or npm run users -- add <e-post> --admin',
    );
  else logger.info('access control on: every request but /health, /openapi.json, /docs and the page needs a token');
  return created;
}
