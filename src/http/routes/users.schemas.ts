/**
 * The request and response schemas of the users routes (users.ts), and the routes themselves for /openapi.json.
 * Every body is strict: an unknown field is a 400 «ukjent felt», as on /search.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { Role } from '../../domain/viewer.js';
import { PASSWORD_MAX } from '../auth/password.js';
import { problemResponses } from '../openapi.js';

const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    disabled: z.boolean().openapi({
      description: 'Disabled: cannot sign in, its tokens and sessions do not work; PUT /users/{id}/disabled enables it',
    }),
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

export const routes = {
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
      z
        .object({
          email: z.email().max(320),
          name: z.string().trim().max(200).optional(),
          organisation: Organisation.optional(),
          role: Role.optional().openapi({ description: 'The role in `organisation` (reader when left out); needs it' }),
        })
        .strict(),
    ),
    responses: { 201: { description: 'Added', ...json(UserSchema) }, ...problemResponses(400, 401, 403, 409) },
  }),
  role: createRoute({
    method: 'put',
    path: '/users/{id}/roles',
    summary: 'Set the user’s role in an organisation (role null removes the membership)',
    request: { params: Id, ...body(z.object({ organisation: Organisation, role: Role.nullable() }).strict()) },
    // 409: the organisation is another spelling of a known one (store/users.ts setRole).
    responses: { 200: { description: 'OK', ...json(UserSchema) }, ...problemResponses(400, 401, 403, 404, 409) },
  }),
  admin: createRoute({
    method: 'put',
    path: '/users/{id}/admin',
    summary: 'Make the user a site administrator, or not',
    request: { params: Id, ...body(z.object({ admin: z.boolean() }).strict()) },
    // 409: the last active site administrator keeps the role.
    responses: { 200: { description: 'OK', ...json(UserSchema) }, ...problemResponses(400, 401, 403, 404, 409) },
  }),
  password: createRoute({
    method: 'put',
    path: '/users/{id}/password',
    summary:
      'Set a password for the page: a site administrator sets anyone’s (they are signed out everywhere); a user ' +
      'changes their own with currentPassword (their other sessions end, this one stays)',
    request: {
      params: Id,
      ...body(
        z
          .object({
            password: z.string().max(PASSWORD_MAX),
            currentPassword: z.string().max(PASSWORD_MAX).optional().openapi({
              description: 'Required when changing one’s own password, if one is set',
            }),
          })
          .strict(),
      ),
    },
    // 429: too many wrong current passwords.
    responses: { 204: { description: 'Set' }, ...problemResponses(400, 401, 403, 404, 429) },
  }),
  disabled: createRoute({
    method: 'put',
    path: '/users/{id}/disabled',
    summary: 'Disable a user (signed out everywhere, tokens stop working, what they wrote stays) or enable them again',
    request: { params: Id, ...body(z.object({ disabled: z.boolean() }).strict()) },
    // 409: the last enabled site administrator cannot be disabled.
    responses: { 200: { description: 'OK', ...json(UserSchema) }, ...problemResponses(400, 401, 403, 404, 409) },
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
    request: { params: Id, ...body(z.object({ name: z.string().trim().min(1).max(100) }).strict()) },
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
