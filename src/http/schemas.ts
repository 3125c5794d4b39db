/**
 * Response schemas shared by several routes (documents, passages, search hits): the domain's own schemas
 * (src/domain/), named here for /openapi.json (see named.ts). A nested schema is swapped for its named copy with `.extend`, so the
 * document refers to it by name; the types stay the domain's.
 */
// NOTE: imported first for its side effect: it teaches zod `.openapi` before the named schemas below are made.
import '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import { calendarDate, DocumentSummary, Passage } from '../domain/index.js';
import { annotated, named } from './named.js';

export const DocumentSummarySchema = named(DocumentSummary, 'DocumentSummary');

export const PassageSchema = Passage.extend({
  id: annotated(Passage.shape.id, { example: 'fagforbundet-innspill-digitaliseringsstrategi-2023-p004' }),
}).openapi('Passage');

export const PassageWithDocumentSchema = PassageSchema.extend({ document: DocumentSummarySchema }).openapi(
  'PassageWithDocument',
);

/** A real calendar day, YYYY-MM-DD (the domain's one date schema). */
export const IsoDate = calendarDate;

/**
 * A draft comes as `markdown` or as `structured`, exactly one (POST /verify, PUT /drafts/{id}): neither is a missing
 * field, both a conflict, each said as such.
 */
export function markdownOrStructured(b: { markdown?: unknown; structured?: unknown }, ctx: z.RefinementCtx): void {
  if (b.markdown === undefined && b.structured === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['markdown'],
      message: 'feltet mangler: send utkastet som markdown (eller som structured)',
    });
  else if (b.markdown !== undefined && b.structured !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['markdown'],
      message: 'send bare én av markdown og structured, ikke begge',
    });
}
