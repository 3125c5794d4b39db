/** Response schemas shared by several routes (documents, passages, search hits). */
import { z } from '@hono/zod-openapi';

export const DocumentSummarySchema = z
  .object({
    id: z.string(),
    organisation: z.string(),
    title: z.string(),
    kind: z.string(),
    date: z.string(),
    language: z.string(),
    source: z.string().optional(),
    format: z.string(),
    contentHash: z.string(),
    passageCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    visibility: z.enum(['public', 'internal']).optional(),
  })
  .openapi('DocumentSummary');

export const PassageSchema = z
  .object({
    id: z.string().openapi({ example: 'fagforbundet-innspill-digitaliseringsstrategi-2023-p004' }),
    documentId: z.string(),
    ordinal: z.number().int(),
    text: z.string(),
    start: z.number().int().openapi({ description: 'Offset of the passage in the stored document text' }),
    end: z.number().int(),
    headingPath: z.array(z.string()),
    page: z.number().int().nullable(),
    anchor: z.string().nullable(),
    contentHash: z.string(),
  })
  .openapi('Passage');

export const PassageWithDocumentSchema = PassageSchema.extend({ document: DocumentSummarySchema }).openapi('PassageWithDocument');

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dato må skrives ÅÅÅÅ-MM-DD');
