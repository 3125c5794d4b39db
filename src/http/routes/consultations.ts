/**
 * Importing a consultation (issue 18): POST /consultations takes a høringsbrev/høringsnotat (PDF, DOCX, HTML, text)
 * as multipart, exactly as POST /documents does (the same reader, limits, queue, sniffing and refusals), stores it
 * as a document of kind `consultation` whose organisation is the issuer (read from the text; the form's `issuer` only
 * when the text names none; the form's `organisation` is the importer, never the author), and answers with what was
 * read out of it: title, issuer, reference, deadline, questions and proposals, each with its passage id, quote and
 * page («hentet fra side 3»). A field not found is null and named in `notFound` and `messages`.
 * GET /consultations/:id reads it back.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { storeUpload, type UploadResult } from '../../corpus/storeUpload.js';
import { ConsultationExtraction, type ConsultationField } from '../../domain/consultation.js';
import type { Logger } from '../../log.js';
import { getConsultation } from '../../store/consultations.js';
import type { Db } from '../../store/db.js';
import { getDocument } from '../../store/documents.js';
import { AppError } from '../errors.js';
import { named } from '../named.js';
import { problemResponses, router, type AppEnv } from '../openapi.js';
import { DocumentSummarySchema } from '../schemas.js';
import { sse } from '../sse.js';
import { UploadFields, readUploadForm } from '../uploads/form.js';
import { hasRoleSomewhere } from '../../domain/viewer.js';
import { memberOrganisations } from '../../store/users.js';
import { requireRole, viewerDb } from '../access.js';
import { stored, wantsStream, type UploadCorpus } from './documentUploads.js';

export interface ConsultationDeps {
  db: Db;
  logger: Logger;
  maxUploadBytes: number;
  corpus: UploadCorpus;
}

/** What the person is told for each field the rules did not find (CLI and page show the same lines). */
export const NOT_FOUND_MESSAGE: Record<ConsultationField, string> = {
  title: 'Fant ikke tittelen i dokumentet.',
  issuer: 'Fant ikke avsenderen (departementet) i dokumentet.',
  reference: 'Fant ikke saksnummeret (vår ref.) i dokumentet.',
  deadline: 'Fant ikke høringsfristen i dokumentet.',
  questions: 'Fant ingen spørsmål til høringsinstansene; svar på forslagene i stedet.',
  proposals: 'Fant ingen avsnitt med departementets forslag eller vurdering.',
};

const ExtractionSchema = named(ConsultationExtraction, 'ConsultationExtraction');

const ImportSchema = z
  .object({
    outcome: z.enum(['created', 'replaced', 'unchanged', 'metadata']),
    document: DocumentSummarySchema,
    consultation: ExtractionSchema,
    messages: z.array(z.string()).openapi({ description: 'Norwegian lines naming each field not found' }),
  })
  .openapi('ConsultationImport');

/**
 * The form's fields: those of an upload, plus `issuer`. The stored document's organisation is the issuer, read from
 * the text; the form names it only in `issuer`, never in `organisation` (who imports it).
 */
const ConsultationFields = UploadFields.extend({
  issuer: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      description:
        'The ministry or agency that sent the consultation, when the text names none (else 400 on `issuer`); one ' +
        'the text contradicts is a 400 too. The stored document’s organisation is always the issuer',
    }),
  organisation: UploadFields.shape.organisation.openapi({
    description:
      'The organisation importing it (you must be its editor), never the document’s author: the consultation is ' +
      'stored under its issuer, public, so it is readable by the importer and never quoted as its own position',
  }),
});

const ConsultationUpload = ConsultationFields.omit({ kind: true })
  .extend({
    file: z
      .string()
      .openapi({ format: 'binary', description: 'The høringsbrev/høringsnotat: PDF, DOCX, HTML or text' }),
  })
  .openapi('ConsultationUpload');

const importRoute = {
  method: 'post' as const,
  path: '/consultations',
  summary:
    'Import a consultation (multipart, as POST /documents): stored as the issuer’s document of kind consultation; its title, issuer, reference, deadline, questions and proposals extracted with passage, quote and page',
  request: {
    query: z.object({ stream: z.enum(['true', 'false', '1', '0']).optional() }),
    body: { content: { 'multipart/form-data': { schema: ConsultationUpload } }, required: true },
  },
  responses: {
    201: { description: 'Imported', content: { 'application/json': { schema: ImportSchema } } },
    200: {
      description:
        'Server-Sent Events (?stream=true): progress as for POST /documents, then done (the import) or error',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...problemResponses(400, 401, 409, 413, 415, 422),
  },
};

const getRoute = createRoute({
  method: 'get',
  path: '/consultations/{id}',
  summary: 'An imported consultation: its document and what was extracted from it',
  request: { params: z.object({ id: z.string().max(200) }) },
  responses: {
    200: {
      description: 'Consultation',
      content: {
        'application/json': {
          schema: z.object({
            document: DocumentSummarySchema,
            consultation: ExtractionSchema,
            messages: z.array(z.string()),
          }),
        },
      },
    },
    ...problemResponses(404),
  },
});

/**
 * A second import of a consultation (its id, from the title, taken; or the same bytes stored) is not a document to
 * replace with PUT: say that it is already imported and where to read it. Other refusals stay as they are.
 */
async function alreadyImported(c: Context<AppEnv>, db: Db, err: unknown): Promise<AppError | null> {
  if (!(err instanceof AppError) || (err.code !== 'conflict:document' && err.code !== 'conflict:duplicate'))
    return null;
  const id = err.extensions?.documentId;
  return typeof id === 'string' ? consultationConflict(viewerDb(c, db), id) : null;
}

/**
 * «Høringen er allerede importert» for document `id` when it is a consultation the store's viewer may read, else
 * null (the HTTP route and `npm run consultation` say the same).
 */
export async function consultationConflict(db: Db, id: string): Promise<AppError | null> {
  const existing = await getDocument(db, { id });
  if (existing?.kind !== 'consultation') return null;
  return new AppError('conflict:consultation', {
    detail: `Høringen «${existing.title}» er allerede importert (id «${id}»). Det som ble lest ut av den, finner du med GET /consultations/${encodeURIComponent(id)}.`,
    extensions: { documentId: id, consultation: `/consultations/${encodeURIComponent(id)}` },
  });
}

const messages = (c: ConsultationExtraction) => c.notFound.map((f) => NOT_FOUND_MESSAGE[f]);

export function consultationRoutes(deps: ConsultationDeps) {
  const app = router();
  app.openAPIRegistry.registerPath(importRoute);

  const imported = async (
    c: Context<AppEnv>,
    upload: Parameters<typeof storeUpload>[1],
    options: Parameters<typeof storeUpload>[2] & {} = {},
  ) => {
    // A consultation speaks for its issuer (a ministry), not for the uploader: any editor may import one, but in the
    // name of one of the installation's own organisations only an editor of it may (else anyone could make
    // «Fagforbundet foreslår …» quotable as Fagforbundet's words).
    const members = await memberOrganisations(deps.db);
    const viewer = c.get('viewer');
    const result = await stored(c, deps.corpus, upload, options, (issuer) => {
      const member = members.has(issuer.toLowerCase());
      if (member || !hasRoleSomewhere(viewer, 'editor')) requireRole(viewer, issuer, 'editor');
      // NOTE: an issuer with no members here (a ministry) has a namespace every importer shares
      // (domain/documentIds.ts). Internal to it, a consultation could be read by no importer, and its id would answer
      // the next importer's 409 with a document that importer cannot see: so such a consultation is public.
      if (!member && upload.fields.visibility === 'internal')
        throw new AppError('bad_request:validation', {
          detail: `En høring fra ${issuer} er offentlig: som intern kunne ingen i organisasjonene her lese den. Utelat feltet «visibility».`,
          errors: [
            { field: 'visibility', reason: 'en høring fra en avsender utenfor organisasjonene her er offentlig' },
          ],
        });
    }).catch(async (err: unknown) => {
      throw (await alreadyImported(c, deps.db, err)) ?? err;
    });
    const consultation = result.consultation!;
    return {
      outcome: result.outcome,
      document: result.document,
      consultation,
      messages: messages(consultation),
    } satisfies UploadResult & { messages: string[] };
  };

  app.post('/consultations', async (c: Context<AppEnv>) => {
    const stream = wantsStream(c.req.query('stream'));
    const form = await readUploadForm(c.req.raw, deps.maxUploadBytes, ConsultationFields);
    if (form.fields.kind && form.fields.kind !== 'consultation')
      throw new AppError('bad_request:validation', {
        errors: [{ field: 'kind', reason: 'en høring lagres alltid som «consultation»; utelat feltet' }],
      });
    // The importer, as POST /documents checks it before the file is read; the issuer is checked once it is read.
    if (form.fields.organisation) requireRole(c.get('viewer'), form.fields.organisation, 'editor');
    const upload = { ...form, consultation: true };
    if (stream) {
      return sse(c, deps.logger, async (send, signal) => {
        const result = await imported(c, upload, { signal, onProgress: (e) => send('progress', e) });
        send('done', result);
      });
    }
    const result = await imported(c, upload, { signal: c.req.raw.signal });
    return c.json(result, 201, { Location: `/consultations/${encodeURIComponent(result.document.id)}` });
  });

  return app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const db = viewerDb(c, deps.db);
    const [document, consultation] = await Promise.all([
      getDocument(db, { id }),
      getConsultation(db, { documentId: id }),
    ]);
    if (!document || !consultation)
      throw new AppError('not_found:document', { detail: `Ingen importert høring med id «${id}».` });
    const { text: _text, ...summary } = document;
    return c.json({ document: summary, consultation, messages: messages(consultation) }, 200);
  });
}
