/** The corpus: list documents, read one with its passages, the drafts that cite one, read one passage. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../store/db.js';
import { getDocument, getPassage, listDocuments, listPassagesOfDocument } from '../../store/documents.js';
import { draftsCitingDocument } from '../../store/drafts.js';
import { viewerDb } from '../access.js';
import { AppError } from '../errors.js';
import { problemResponses, router } from '../openapi.js';
import { DocumentSummarySchema, PassageSchema, PassageWithDocumentSchema } from '../schemas.js';

const listRoute = createRoute({
  method: 'get',
  path: '/documents',
  summary: 'List documents in the corpus',
  request: { query: z.object({ organisation: z.string().max(200).optional() }) },
  responses: {
    200: {
      description: 'Documents',
      content: { 'application/json': { schema: z.object({ documents: z.array(DocumentSummarySchema) }) } },
    },
    ...problemResponses(400),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/documents/{id}',
  summary: 'One document: metadata, stored text and its passages',
  request: { params: z.object({ id: z.string().max(200) }) },
  responses: {
    200: {
      description: 'Document',
      content: {
        'application/json': {
          schema: DocumentSummarySchema.extend({ text: z.string(), passages: z.array(PassageSchema) }).openapi(
            'Document',
          ),
        },
      },
    },
    ...problemResponses(404),
  },
});

const citingRoute = createRoute({
  method: 'get',
  path: '/documents/{id}/drafts',
  summary:
    'The drafts whose latest version cites the document (those the principal may read): named before a withdrawal',
  request: { params: z.object({ id: z.string().max(200) }) },
  responses: {
    200: {
      description: 'Citing drafts, newest first',
      content: {
        'application/json': {
          schema: z
            .object({
              drafts: z.array(
                z.object({ id: z.string(), title: z.string(), organisation: z.string(), updatedAt: z.string() }),
              ),
            })
            .openapi('CitingDrafts'),
        },
      },
    },
    ...problemResponses(404),
  },
});

const passageRoute = createRoute({
  method: 'get',
  path: '/passages/{id}',
  summary: 'One passage with its document metadata',
  request: { params: z.object({ id: z.string().max(300) }) },
  responses: {
    200: { description: 'Passage', content: { 'application/json': { schema: PassageWithDocumentSchema } } },
    ...problemResponses(404),
  },
});

/** Reads go through the store scoped to the request's principal: a document it may not read is "not found". */
export function documentRoutes({ db: store }: { db: Db }) {
  return router()
    .openapi(listRoute, async (c) => {
      const { organisation } = c.req.valid('query');
      const db = viewerDb(c, store);
      return c.json({ documents: await listDocuments(db, { organisation }) }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid('param');
      const db = viewerDb(c, store);
      const doc = await getDocument(db, { id });
      if (!doc) throw new AppError('not_found:document', { detail: `Ingen dokument med id «${id}».` });
      return c.json({ ...doc, passages: await listPassagesOfDocument(db, { documentId: id }) }, 200);
    })
    .openapi(citingRoute, async (c) => {
      const { id } = c.req.valid('param');
      const db = viewerDb(c, store);
      if (!(await getDocument(db, { id })))
        throw new AppError('not_found:document', { detail: `Ingen dokument med id «${id}».` });
      return c.json({ drafts: await draftsCitingDocument(db, { documentId: id }) }, 200);
    })
    .openapi(passageRoute, async (c) => {
      const { id } = c.req.valid('param');
      const db = viewerDb(c, store);
      const passage = await getPassage(db, { id });
      if (!passage) throw new AppError('not_found:passage', { detail: `Ingen avsnitt med id «${id}».` });
      return c.json(passage, 200);
    });
}
