/** A factory for sub-apps that share the validation hook, so every invalid request becomes the same 400 problem. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';
import { AppError, fieldErrorsFromZod } from './errors.js';
import { refuseNul } from './noNul.js';
import type { PrincipalVariables } from './middleware/principal.js';
import type { ShutdownVariables } from './shutdown.js';

/** Every route sees the request id, the principal (middleware/principal.ts) and the server's stop (shutdown.ts). */
export type AppEnv = { Variables: RequestIdVariables & PrincipalVariables & ShutdownVariables };

export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('bad_request:validation', { errors: fieldErrorsFromZod(result.error.issues) });
      }
      // PostgreSQL refuses NUL in text: refuse it here, once for every route, as a 400 naming the field.
      refuseNul(result.data);
    },
  });
}

/** Problem responses for the OpenAPI document. */
export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: 'Problem (RFC 9457)',
        content: { 'application/problem+json': { schema: { type: 'object' as const } } },
      },
    ]),
  );
