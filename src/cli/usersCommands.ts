/**
 * The commands of `npm run users` on an open store: add, list, token, revoke, role, admin, disable, enable,
 * organisations. Each returns the Norwegian text to print; a refusal throws AppError('bad_request:user') (exit 2).
 * Every change is in the audit log under the actor `cli`.
 */
import { AppError } from '../errors.js';
import { organisationsCommand, ORGANISATIONS_USAGE } from './organisationsCommand.js';
import { Role, ROLE_NAMES } from '../domain/viewer.js';
import { recordAudit, type AuditEntry } from '../store/audit.js';
import type { Db, Queryable } from '../store/db.js';
import { deleteUserSessions } from '../store/sessions.js';
import {
  createUser,
  getUserByEmail,
  isUserDisabled,
  issueToken,
  listTokens,
  listUsers,
  otherSiteAdmins,
  revokeToken,
  setRole,
  setSiteAdmin,
  setUserDisabled,
  type User,
} from '../store/users.js';

export const USERS_HELP = `
Bruk: npm run users -- <kommando> …

Brukere, roller og tilgangsnøkler. Roller gjelder per organisasjon: leser (reader: søke, spørre, lese utkast),
redaktør (editor: også skrive utkast, redigere og laste opp i organisasjonens navn) og administrator (admin: også
trekke tilbake dokumenter). En administrator for hele tjenesten (--admin) styrer brukere og nøkler, tar
sikkerhetskopier, leser hele revisjonsloggen og ser alle organisasjoner.

Kommandoer:
  add <e-post> [--name <navn>] [--admin] [--org <organisasjon> --role <reader|editor|admin>]
                                   opprett en bruker (med en rolle i en organisasjon)
  list                             brukere (deaktiverte merket), roller og nøkler (aldri selve nøklene)
  token <e-post> [--name <navn>]   lag en personlig tilgangsnøkkel; den vises bare denne ene gangen
  revoke <nøkkel-id>               trekk tilbake en nøkkel (id fra list)
  role <e-post> <organisasjon> <reader|editor|admin|none>
                                   gi, endre eller fjerne (none) en rolle i en organisasjon
  admin <e-post> <on|off>          gjør til eller fjern som administrator for hele tjenesten
  disable <e-post>                 deaktiver en bruker: logges ut overalt, nøklene slutter å virke,
                                   det brukeren har skrevet blir stående
  enable <e-post>                  aktiver en deaktivert bruker igjen (nøkler som ikke er trukket tilbake virker igjen)
${ORGANISATIONS_USAGE}

Kjøres mot lageret i DATA_DIR (mens serveren er stoppet) eller DATABASE_URL (også mens serverne går).
Den første administratoren kan også opprettes ved første oppstart med INNSPILL_ADMIN_EMAIL.

Eksempler:
  npm run users -- add kari@ks.no --admin
  npm run users -- add ola@ks.no --org KS --role editor
  npm run users -- token ola@ks.no --name bærbar
`;

export interface UsersArgs {
  command: string | undefined;
  args: string[];
  name?: string;
  admin?: boolean;
  org?: string;
  role?: string;
}

const refuse = (detail: string) => new AppError('bad_request:user', { detail });
const cli = (e: Omit<AuditEntry, 'actor' | 'actorId'>): AuditEntry => ({ ...e, actor: 'cli', actorId: null });

function parseRole(value: string | undefined): Role {
  const parsed = Role.safeParse(value);
  if (!parsed.success) throw refuse(`ukjent rolle «${value ?? ''}»; bruk reader, editor eller admin.`);
  return parsed.data;
}

async function userOrFail(db: Queryable, email: string | undefined): Promise<User> {
  if (!email) throw refuse('oppgi brukerens e-postadresse.');
  const user = await getUserByEmail(db, { email });
  if (!user) throw refuse(`fant ingen bruker med e-post ${email}; opprett den med npm run users -- add ${email}`);
  return user;
}

const describeUser = (u: User) =>
  `${u.email}${u.name ? ` (${u.name})` : ''}${u.isAdmin ? ' – administrator for hele tjenesten' : ''}` +
  `${u.disabled ? ` – deaktivert (enable ${u.email} aktiverer igjen)` : ''}\n` +
  (u.memberships.length
    ? u.memberships.map((m) => `    ${m.organisation}: ${ROLE_NAMES[m.role]}`).join('\n')
    : '    ingen organisasjoner') +
  '\n';

/** The commands runUsersCommand knows (and `password`, users.ts), so users.ts refuses another before opening the store. */
export const USERS_COMMANDS = [
  'add',
  'list',
  'token',
  'revoke',
  'role',
  'admin',
  'disable',
  'enable',
  'organisations',
  'password',
] as const;

/** Run one command; the text to print. */
export async function runUsersCommand(db: Db, a: UsersArgs): Promise<string> {
  const [first, second, third] = a.args;
  switch (a.command) {
    case 'add': {
      if (!first || !/^[^@\s]+@[^@\s]+$/.test(first)) throw refuse('oppgi en gyldig e-postadresse.');
      const existing = await getUserByEmail(db, { email: first });
      if (existing)
        throw refuse(
          existing.disabled
            ? `det finnes allerede en bruker med e-post ${existing.email}, men den er deaktivert; aktiver den igjen med ` +
                `npm run users -- enable ${existing.email}`
            : `det finnes allerede en bruker med e-post ${first}.`,
        );
      if ((a.org === undefined) !== (a.role === undefined)) throw refuse('--org og --role må gis sammen.');
      const role = a.role === undefined ? null : parseRole(a.role);
      const user = await db.transaction(async (tx) => {
        const u = await createUser(tx, { email: first, name: a.name ?? '', isAdmin: a.admin ?? false });
        await recordAudit(tx, cli({ action: 'user.add', target: u.id, detail: { email: u.email, admin: u.isAdmin } }));
        if (role && a.org) {
          await setRole(tx, { userId: u.id, organisation: a.org, role });
          await recordAudit(tx, cli({ action: 'user.role', organisation: a.org, target: u.id, detail: { role } }));
        }
        return u;
      });
      return (
        `Opprettet ${user.email}${user.isAdmin ? ' som administrator for hele tjenesten' : ''}` +
        `${role ? `, ${ROLE_NAMES[role]} i ${a.org}` : ''}.\n` +
        `Lag en tilgangsnøkkel med: npm run users -- token ${user.email}\n`
      );
    }
    case 'list': {
      const users = await listUsers(db);
      if (!users.length) return 'Ingen brukere ennå. Opprett en med: npm run users -- add <e-post> --admin\n';
      const tokens = await listTokens(db);
      return users
        .map((u) => {
          const own = tokens.filter((t) => t.userId === u.id);
          const lines = own.map(
            (t) =>
              `    nøkkel ${t.id} «${t.name}»: laget ${t.createdAt.slice(0, 16).replace('T', ' ')}, ` +
              `${t.lastUsedAt ? `sist brukt ${t.lastUsedAt.slice(0, 16).replace('T', ' ')}` : 'aldri brukt'}` +
              `${t.revokedAt ? `, trukket tilbake ${t.revokedAt.slice(0, 10)}` : ''}`,
          );
          return describeUser(u) + (lines.length ? lines.join('\n') + '\n' : '');
        })
        .join('');
    }
    case 'token': {
      const user = await userOrFail(db, first);
      const name = a.name ?? 'nøkkel';
      const { id, token } = await issueToken(db, { userId: user.id, name });
      await recordAudit(db, cli({ action: 'token.issue', target: id, detail: { user: user.email, name } }));
      return (
        `Ny tilgangsnøkkel for ${user.email} («${name}», id ${id}). Den vises bare nå:\n\n  ${token}\n\n` +
        'Send den som Authorization: Bearer <nøkkel>. Trekk den tilbake med npm run users -- revoke ' +
        `${id}\n`
      );
    }
    case 'revoke': {
      if (!first) throw refuse('oppgi id-en til nøkkelen (se npm run users -- list).');
      const userId = await revokeToken(db, { id: first });
      if (!userId) throw refuse(`fant ingen gyldig nøkkel med id ${first}.`);
      await recordAudit(db, cli({ action: 'token.revoke', target: first, detail: { user: userId } }));
      return `Nøkkelen ${first} er trukket tilbake.\n`;
    }
    case 'role': {
      const user = await userOrFail(db, first);
      if (!second?.trim()) throw refuse('oppgi organisasjonen.');
      const role = third === 'none' ? null : parseRole(third);
      await setRole(db, { userId: user.id, organisation: second, role });
      await recordAudit(db, cli({ action: 'user.role', organisation: second, target: user.id, detail: { role } }));
      return role
        ? `${user.email} er nå ${ROLE_NAMES[role]} i ${second}.\n`
        : `${user.email} har ikke lenger noen rolle i ${second}.\n`;
    }
    case 'admin': {
      const user = await userOrFail(db, first);
      if (second !== 'on' && second !== 'off') throw refuse('skriv on eller off.');
      if (second === 'off' && user.isAdmin && (await otherSiteAdmins(db, { userId: user.id })) === 0)
        throw refuse(
          `${user.email} er den siste aktive administratoren for hele tjenesten. ` +
            'Gjør en annen bruker til administrator først (npm run users -- admin <e-post> on).',
        );
      await setSiteAdmin(db, { userId: user.id, isAdmin: second === 'on' });
      await recordAudit(db, cli({ action: 'user.admin', target: user.id, detail: { admin: second === 'on' } }));
      return second === 'on'
        ? `${user.email} er nå administrator for hele tjenesten.\n`
        : `${user.email} er ikke lenger administrator for hele tjenesten.\n`;
    }
    case 'disable': {
      const user = await userOrFail(db, first);
      if (await isUserDisabled(db, { userId: user.id })) return `${user.email} er allerede deaktivert.\n`;
      // NOTE: with no enabled user (and no API_TOKENS) the server turns open: everyone reads everything. The last
      // site administrator therefore stays; make another one first.
      if (user.isAdmin && (await otherSiteAdmins(db, { userId: user.id })) === 0)
        throw refuse(
          `${user.email} er den siste aktive administratoren for hele tjenesten. ` +
            'Gjør en annen bruker til administrator først (npm run users -- admin <e-post> on).',
        );
      await db.transaction(async (tx) => {
        await setUserDisabled(tx, { userId: user.id, disabled: true });
        await deleteUserSessions(tx, { userId: user.id });
        await recordAudit(tx, cli({ action: 'user.disable', target: user.id, detail: { email: user.email } }));
      });
      return `${user.email} er deaktivert: logget ut overalt, og nøklene virker ikke lenger.\n`;
    }
    case 'enable': {
      const user = await userOrFail(db, first);
      if (!(await isUserDisabled(db, { userId: user.id }))) return `${user.email} er allerede aktiv.\n`;
      await setUserDisabled(db, { userId: user.id, disabled: false });
      await recordAudit(db, cli({ action: 'user.enable', target: user.id, detail: { email: user.email } }));
      return `${user.email} er aktiv igjen.\n`;
    }
    case 'organisations':
      return organisationsCommand(db, a.args);
    default:
      throw refuse(
        a.command
          ? `ukjent kommando «${a.command}».\n${USERS_HELP.trim()}`
          : `oppgi en kommando.\n${USERS_HELP.trim()}`,
      );
  }
}
