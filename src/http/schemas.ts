/**
 * Response schemas shared by several routes (documents, passages, search hits): the domain's own schemas
 * (src/domain/), named here for /openapi.json. A nested schema is swapped for its named copy with `.extend`, so the
 * document refers to it by name; the types stay the domain's.
 */
import { z } from '@hono/zod-openapi';
import { DocumentSummary, Passage } from '../domain/index.js';

export const DocumentSummarySchema = DocumentSummary.openapi('DocumentSummary');

export const PassageSchema = Passage.extend({
  id: Passage.shape.id.openapi({ example: 'fagforbundet-innspill-digitaliseringsstrategi-2023-p004' }),
}).openapi('Passage');

export const PassageWithDocumentSchema = PassageSchema.extend({ document: DocumentSummarySchema }).openapi('PassageWithDocument');

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dato må skrives ÅÅÅÅ-MM-DD');
