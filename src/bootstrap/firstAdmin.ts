/**
 * Start-up for access control (issue 16): the first site administrator from INNSPILL_ADMIN_EMAIL when the store has
 * no users yet, with one personal token shown once, and a log line saying whether the server is open. The token also
 * signs in to the page (/logg-inn, «Logg inn med tilgangsnøkkel»), where the administrator then sets a password:
 * no password is ever made up here, logged or taken from the command line.
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
      'første administrator er opprettet fra INNSPILL_ADMIN_EMAIL; tilgangsnøkkelen skrives én gang til stderr og ' +
        'logger inn på siden (/logg-inn, «Logg inn med tilgangsnøkkel»), der administratoren setter et passord («Sett et passord»)',
    );
  const open = !(config.API_TOKENS ?? '').trim() && !(await anyUser(db));
  if (open)
    logger.warn(
      'åpen tilgang: ingen bruker og ingen API-nøkkel finnes, så alle som når serveren, kan lese og skrive alt; ' +
        'opprett en administrator med INNSPILL_ADMIN_EMAIL eller npm run users -- add <e-post> --admin',
    );
  else
    logger.info(
      'tilgangskontroll er på: alle forespørsler unntatt /health, /openapi.json, /docs og nettsiden krever innlogging eller tilgangsnøkkel',
    );
  return created;
}

/**
 * What `npm start` prints once on stderr (never to the log) for the administrator just created: the token, and how
 * to sign in to the page with it and set a password there.
 * @example process.stderr.write(firstAdminNotice(admin, { host: '127.0.0.1', port: 8787 }))
 */
export function firstAdminNotice(
  admin: { email: string; token: string },
  { host, port }: { host: string; port: number },
): string {
  // A server listening on every address is reached on this machine as localhost; an IPv6 address needs brackets.
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const origin = `http://${name}:${port}`;
  return (
    `\nAdministrator ${admin.email} er opprettet. Tilgangsnøkkelen vises bare nå; ta vare på den:\n\n  ${admin.token}\n\n` +
    `Logg inn på siden: åpne ${origin}/logg-inn, velg «Logg inn med tilgangsnøkkel» og lim inn nøkkelen. ` +
    'Sett deretter et eget passord på siden som kommer («Sett et passord»).\n' +
    'I API-et: Authorization: Bearer <nøkkel>. Flere brukere og nøkler: /admin, eller npm run users -- --help\n\n'
  );
}
