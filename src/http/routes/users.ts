/**
 * Users, their organisations and roles, and personal tokens, for the admin page (site administrators only):
 * `GET/POST /users`, `PUT /users/:id/roles`, `PUT /users/:id/admin`, `PUT /users/:id/password`, `GET /tokens`,
 * `POST /users/:id/tokens` (the token is in this one answer and never again), `DELETE /tokens/:id`. Each change is
 * written to the audit log. The CLI (`npm run users`) does the same on the server's machine.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { Role } from '../../domain/viewer.js';
import type { Queryable } from '../../store/driver.js';
import { refuseOtherSpelling } from '../../store/organisations.js';
import { deleteUserSessions, setPasswordHash } from '../../store/sessions.js';
import {
  createUser,
  getUser,
  getUserByEmail,
  issueToken,
  listTokens,
  listUsers,
  revokeToken,
  setRole,
  setSiteAdmin,
  type User,
} from '../../store/users.js';
import { audit, requireSiteAdmin } from '../access.js';
import { hashPassword, passwordProblem, PASSWORD_MAX } from '../auth/password.js';
import { AppError } from '../errors.js';
import { problemResponses, router } from '../openapi.js';

const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    createdAt: z.string(),
    memberships: z.array(z.object({ organisation: z.string(), key: z.string(), role: Role })),
  })
  .openapi('User');
const TokenSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('TokenSummary');

const Id = z.object({ id: z.string().min(1).max(64) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const Organisation = z.string().trim().min(1).max(200);

const routes = {
  list: createRoute({
    method: 'get',
    path: '/users',
    summary: 'Every user with their organisations and roles (site administrators)',
    responses: {
      200: { description: 'OK', ...json(z.object({ users: z.array(UserSchema) })) },
      ...problemResponses(401, 403),
    },
  }),
  add: createRoute({
    method: 'post',
    path: '/users',
    summary: 'Add a user, optionally with a role in one organisation',
    request: body(
      z.object({
        email: z.email().max(320),
        name: z.string().trim().max(200).optional(),
        organisation: Organisation.optional(),
        role: Role.optional(),
      }),
    ),
    responses: { 201: { description: 'Added', ...json(UserSchema) }, ...problemResponses(400, 401, 403, 409) },
  }),
  role: createRoute({
    method: 'put',
    path: '/users/{id}/roles',
    summary: 'Set the user’s role in an organisation (role null removes the membership)',
    request: { params: Id, ...body(z.object({ organisation: Organisation, role: Role.nullable() })) },
    // 409: the organisation is another spelling of a known one (store/users.ts setRole).
    responses: { 200: { description: 'OK', ...json(UserSchema) }, ...problemResponses(400, 401, 403, 404, 409) },
  }),
  admin: createRoute({
    method: 'put',
    path: '/users/{id}/admin',
    summary: 'Make the user a site administrator, or not',
    request: { params: Id, ...body(z.object({ admin: z.boolean() })) },
    responses: { 200: { description: 'OK', ...json(UserSchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  password: createRoute({
    method: 'put',
    path: '/users/{id}/password',
    summary: 'Set the user’s password for the page (signs them out everywhere)',
    request: { params: Id, ...body(z.object({ password: z.string().max(PASSWORD_MAX) })) },
    responses: { 204: { description: 'Set' }, ...problemResponses(400, 401, 403, 404) },
  }),
  tokens: createRoute({
    method: 'get',
    path: '/tokens',
    summary: 'Every personal token (never the token itself): name, owner, created, last used, revoked',
    responses: {
      200: { description: 'OK', ...json(z.object({ tokens: z.array(TokenSchema) })) },
      ...problemResponses(401, 403),
    },
  }),
  issue: createRoute({
    method: 'post',
    path: '/users/{id}/tokens',
    summary: 'Issue a personal token: shown in this answer only',
    request: { params: Id, ...body(z.object({ name: z.string().trim().min(1).max(100) })) },
    responses: {
      201: { description: 'Issued', ...json(z.object({ id: z.string(), token: z.string(), createdAt: z.string() })) },
      ...problemResponses(400, 401, 403, 404),
    },
  }),
  revoke: createRoute({
    method: 'delete',
    path: '/tokens/{id}',
    summary: 'Revoke a personal token',
    request: { params: Id },
    responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 403, 404) },
  }),
};

export function userRoutes({ db }: { db: Queryable }) {
  const found = async (id: string): Promise<User> => {
    const user = await getUser(db, { id });
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
      if (await getUserByEmail(db, { email }))
        throw new AppError('conflict:user', { detail: `Det finnes allerede en bruker med e-postadressen ${email}.` });
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
      await found(id);
      await setSiteAdmin(db, { userId: id, isAdmin: admin });
      await audit(c, db, { action: 'user.admin', target: id, detail: { admin } });
      return c.json(await found(id), 200);
    })
    .openapi(routes.password, async (c) => {
      requireSiteAdmin(c.get('viewer'));
      const { id } = c.req.valid('param');
      const { password } = c.req.valid('json');
      const problem = passwordProblem(password);
      if (problem)
        throw new AppError('bad_request:validation', {
          detail: problem,
          errors: [{ field: 'password', reason: problem }],
        });
      const user = await found(id);
      await setPasswordHash(db, { email: user.email, hash: await hashPassword(password) });
      await deleteUserSessions(db, { userId: id });
      await audit(c, db, { action: 'user.password', target: id });
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
