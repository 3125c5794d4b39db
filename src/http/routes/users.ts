/**
 * Users, their organisations and roles, and personal tokens, for the admin page (site administrators only):
 * `GET/POST /users`, `PUT /users/:id/roles`, `PUT /users/:id/admin`, `PUT /users/:id/disabled`,
 * `PUT /users/:id/password`, `GET /tokens`, `POST /users/:id/tokens` (the token is in this one answer and never
 * again), `DELETE /tokens/:id`. One exception: every signed-in user may change their own password (with the current
 * one). Each change is written to the audit log. The CLI (`npm run users`) does the same on the server's machine.
 * Schemas and route descriptions: users.schemas.ts.
 */
import type { Queryable } from '../../store/driver.js';
import { refuseOtherSpelling } from '../../store/organisations.js';
import {
  deleteOtherSessions,
  deleteUserSessions,
  passwordHashOf,
  recentLoginFailures,
  recordLoginFailure,
  setPasswordHash,
} from '../../store/sessions.js';
import {
  createUser,
  getAnyUser,
  getUserByEmail,
  issueToken,
  listTokens,
  listUsers,
  otherSiteAdmins,
  revokeToken,
  setRole,
  setSiteAdmin,
  setUserDisabled,
  type User,
} from '../../store/users.js';
import { audit, requireSiteAdmin } from '../access.js';
import { readCookie, SESSION_COOKIE } from '../auth/cookies.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.js';
import { AppError } from '../errors.js';
import { router } from '../openapi.js';
import { routes } from './users.schemas.js';

/**
 * Wrong current passwords per user in the window before 429: someone holding a session left open cannot guess the
 * password behind it at argon2's pace for ever. Counted with sign-in failures, under a client of its own.
 */
const CHANGE_MAX_FAILURES = 10;
const CHANGE_WINDOW_MIN = 15;
const CHANGE_CLIENT = '(passordbytte)';

/** The fields `invalid` names, as a person reads them (the problem's detail is shown as it is). */
const FIELD_NAMES: Record<string, string> = {
  organisation: 'Organisasjon',
  password: 'Passord',
  currentPassword: 'Nåværende passord',
};
const invalid = (field: string, reason: string) =>
  new AppError('bad_request:validation', {
    detail: `${FIELD_NAMES[field] ?? field}: ${reason}`,
    errors: [{ field, reason }],
  });

export function userRoutes({ db }: { db: Queryable }) {
  const found = async (id: string): Promise<User> => {
    // Disabled users too: an administrator enables them again, and may change their roles meanwhile.
    const user = await getAnyUser(db, { id });
    if (!user) throw new AppError('not_found:user', { detail: `Ingen bruker med id «${id}».` });
    return user;
  };
  return router()
    .openapi(routes.list, async (c) => {
      requireSiteAdmin(c.get('viewer'));
      return c.json({ users: await listUsers(db) }, 200);
    })
    .openapi(routes.add, async (c) => {
      requireSiteAdmin(c.get('viewer'));
      const { email, name, organisation, role } = c.req.valid('json');
      // A role is a role in some organisation: without one it would be dropped without a word.
      if (role && !organisation)
        throw invalid('organisation', `må oppgis når role er gitt (rollen gjelder én organisasjon)`);
      const existing = await getUserByEmail(db, { email });
      if (existing)
        throw new AppError('conflict:user', {
          detail: existing.disabled
            ? `Det finnes allerede en bruker med e-postadressen ${existing.email}, men den er deaktivert. Aktiver ` +
              `den igjen på administrasjonssiden (/admin), med PUT /users/${existing.id}/disabled og ` +
              `{"disabled": false}, eller med npm run users -- enable ${existing.email}.`
            : `Det finnes allerede en bruker med e-postadressen ${email}.`,
          extensions: { userId: existing.id, disabled: existing.disabled },
        });
      // Checked before the user is created, so a refused name leaves no user without the membership asked for.
      if (organisation) await refuseOtherSpelling(db, { organisation });
      const user = await createUser(db, { email, name });
      await audit(c, db, { action: 'user.add', target: user.id, detail: { email } });
      if (organisation) {
        await setRole(db, { userId: user.id, organisation, role: role ?? 'reader' });
        await audit(c, db, { action: 'user.role', organisation, target: user.id, detail: { role: role ?? 'reader' } });
      }
      return c.json(await found(user.id), 201);
    })
    .openapi(routes.role, async (c) => {
      requireSiteAdmin(c.get('viewer'));
      const { id } = c.req.valid('param');
      const { organisation, role } = c.req.valid('json');
      await found(id);
      await setRole(db, { userId: id, organisation, role });
      await audit(c, db, { action: 'user.role', organisation, target: id, detail: { role } });
      return c.json(await found(id), 200);
    })
    .openapi(routes.admin, async (c) => {
      requireSiteAdmin(c.get('viewer'));
      const { id } = c.req.valid('param');
      const { admin } = c.req.valid('json');
      const user = await found(id);
      // The last active site administrator keeps the role: without one nobody can manage users from the page or
      // the API (disabling them is refused the same way).
      if (!admin && user.isAdmin && !user.disabled && (await otherSiteAdmins(db, { userId: id })) === 0)
        throw new AppError('conflict:last_admin', {
          detail: `${user.email} er den siste aktive administratoren for hele tjenesten. Gjør en annen bruker til administrator først.`,
          errors: [{ field: 'admin', reason: 'den siste aktive administratoren kan ikke miste rollen' }],
        });
      await setSiteAdmin(db, { userId: id, isAdmin: admin });
      await audit(c, db, { action: 'user.admin', target: id, detail: { admin } });
      return c.json(await found(id), 200);
    })
    .openapi(routes.disabled, async (c) => {
      requireSiteAdmin(c.get('viewer'));
      const { id } = c.req.valid('param');
      const { disabled } = c.req.valid('json');
      const user = await found(id);
      if (user.disabled === disabled) return c.json(user, 200);
      // NOTE: with no enabled user (and no API_TOKENS) the server would turn open; the CLI refuses the same.
      if (disabled && user.isAdmin && (await otherSiteAdmins(db, { userId: id })) === 0)
        throw new AppError('conflict:last_admin', {
          detail: `${user.email} er den siste aktive administratoren for hele tjenesten. Gjør en annen bruker til administrator først.`,
        });
      await setUserDisabled(db, { userId: id, disabled });
      // Disabling signs the user out everywhere (their tokens stop working through the users query itself).
      if (disabled) await deleteUserSessions(db, { userId: id });
      await audit(c, db, {
        action: disabled ? 'user.disable' : 'user.enable',
        target: id,
        detail: { email: user.email },
      });
      return c.json(await found(id), 200);
    })
    .openapi(routes.password, async (c) => {
      const viewer = c.get('viewer');
      const { id } = c.req.valid('param');
      const { password, currentPassword } = c.req.valid('json');
      const own = viewer.kind === 'user' && viewer.userId === id;
      if (!own) requireSiteAdmin(viewer);
      const problem = passwordProblem(password);
      if (problem) throw invalid('password', problem);
      const user = await found(id);
      if (own) {
        // Changing one's own password asks for the current one (a session left open on a shared machine is not
        // enough); a user with none yet (the first administrator, signed in with a token) sets a first one.
        const current = await passwordHashOf(db, { userId: id });
        if (current && !currentPassword) throw invalid('currentPassword', 'skriv det nåværende passordet ditt');
        if (current) {
          const tries = { email: user.email, client: CHANGE_CLIENT };
          const failures = await recentLoginFailures(db, { ...tries, minutes: CHANGE_WINDOW_MIN });
          if (failures.fromClient >= CHANGE_MAX_FAILURES)
            throw new AppError('too_many_requests:rate', {
              detail: `For mange feil nåværende passord. Vent ${CHANGE_WINDOW_MIN} minutter og prøv igjen.`,
              retryAfterS: CHANGE_WINDOW_MIN * 60,
            });
          if (!(await verifyPassword(current, currentPassword!))) {
            await recordLoginFailure(db, tries);
            throw invalid('currentPassword', 'passordet er feil');
          }
        }
      }
      await setPasswordHash(db, { email: user.email, hash: await hashPassword(password) });
      // Everyone who knew the old password is signed out; one's own change keeps the session it was made in.
      if (own) await deleteOtherSessions(db, { userId: id, keepToken: readCookie(c, SESSION_COOKIE) });
      else await deleteUserSessions(db, { userId: id });
      await audit(c, db, { action: 'user.password', target: id, detail: { own } });
      return c.body(null, 204);
    })
    .openapi(routes.tokens, async (c) => {
      requireSiteAdmin(c.get('viewer'));
      return c.json({ tokens: await listTokens(db) }, 200);
    })
    .openapi(routes.issue, async (c) => {
      requireSiteAdmin(c.get('viewer'));
      const { id } = c.req.valid('param');
      const { name } = c.req.valid('json');
      await found(id);
      const issued = await issueToken(db, { userId: id, name });
      await audit(c, db, { action: 'token.issue', target: issued.id, detail: { userId: id, name } });
      return c.json(issued, 201);
    })
    .openapi(routes.revoke, async (c) => {
      requireSiteAdmin(c.get('viewer'));
      const { id } = c.req.valid('param');
      const userId = await revokeToken(db, { id });
      if (!userId) throw new AppError('not_found:token', { detail: `Ingen gyldig nøkkel med id «${id}».` });
      await audit(c, db, { action: 'token.revoke', target: id, detail: { userId } });
      return c.body(null, 204);
    });
}
