/**
 * Name a domain schema (src/domain/) for /openapi.json.
 * NOTE: zod 4 copies prototype methods onto a schema when the schema is built, and @hono/zod-openapi adds
 * `.openapi` to the prototype when it loads. A domain schema built before that (whenever a stage imported
 * src/domain first) has no `.openapi`, though its type says it has; a clone built here always does, and keeps
 * the original's descriptions (zod's registry follows a clone to its parent).
 * @example export const UsageSchema = named(TokenUsage, 'TokenUsage');
 */
import type { z } from '@hono/zod-openapi';

export function named<T extends z.ZodType>(schema: T, name: string): T {
  return schema.clone().openapi(name);
}

/** Annotate a domain schema (an example, a description) without naming it; see `named` for why it clones. */
export function annotated<T extends z.ZodType>(schema: T, metadata: { example?: unknown; description?: string }): T {
  return schema.clone().openapi(metadata);
}
