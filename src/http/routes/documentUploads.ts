/**
 * Writing the corpus: upload a document (POST /documents), replace one (PUT /documents/:id), take one back out
 * (DELETE /documents/:id). Uploads are multipart/form-data with the file in `file` and metadata as fields; the
 * file type is sniffed from its bytes. With `?stream=true` the upload answers with Server-Sent Events instead:
 * `progress` ({ phase: queued | read | embed | save, … }; queued carries the place in line), then `done` (the JSON answer) or `error` (a problem body).
 * Storing is the corpus stage's (src/corpus/storeUpload.ts), the path `npm run ingest` takes too; this file parses
 * the request and words the stage's refusals as problems.
 *
 * NOTE: POST and PUT are plain handlers documented with registerPath rather than `openapi()` routes, because a
 * zod form validator would read the whole body before our size limit could refuse it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { readOptions, storeUpload, type UploadRefusal, type UploadResult } from '../../corpus/storeUpload.js';
import { UploadQueue } from '../../corpus/uploadQueue.js';
import type { Config } from '../../config/env.js';
import type { Logger } from '../../log.js';
import type { Db } from '../../store/db.js';
import { mayNameOrganisation, otherSpellingProblem } from '../../store/organisations.js';
import { getDocument, getDocumentHead, withdrawDocument } from '../../store/documents.js';
import { audit, requireRole, viewerDb } from '../access.js';
import type { TextEmbedder } from '../../domain/embedder.js';
import { AppError, fieldErrorsFromZod } from '../errors.js';
import { problemResponses, router, type AppEnv } from '../openapi.js';
import { DocumentSummarySchema } from '../schemas.js';
import { refuseNul } from '../noNul.js';
import { sse } from '../sse.js';
import { UploadFields, readUploadForm } from '../uploads/form.js';

export interface DocumentUploadDeps {
  db: Db;
  embedder: TextEmbedder;
  logger: Logger;
  maxUploadBytes: number;
  /** Read limits and upload concurrency (MAX_DOCUMENT_CHARS, …, UPLOAD_CONCURRENCY); defaults where left out. */
  config?: Partial<Config>;
  /** Shared with POST /consultations (one upload queue per app); built from the above when left out. */
  corpus?: UploadCorpus;
}

export type UploadCorpus = ReturnType<typeof uploadCorpus>;

/** What storing an upload needs: the store, the embedder, the read limits and the app's one upload queue. */
export function uploadCorpus(deps: Pick<DocumentUploadDeps, 'db' | 'embedder' | 'config'>) {
  return {
    db: deps.db,
    embedder: deps.embedder,
    read: readOptions(deps.config),
    queue: new UploadQueue(deps.config?.UPLOAD_CONCURRENCY ?? 2),
    annMinPassages: deps.config?.ANN_MIN_PASSAGES,
  };
}

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const StreamQuery = z.object({
  stream: z.enum(['true', 'false', '1', '0']).optional().openapi({ description: 'Progress as Server-Sent Events' }),
});

const UploadBody = UploadFields.extend({
  file: z
    .string()
    .openapi({ format: 'binary', description: 'PDF, DOCX, HTML (also Lovdata statutes), Markdown or UTF-8 text' }),
}).openapi('DocumentUpload');

export const UploadResultSchema = z
  .object({ outcome: z.enum(['created', 'replaced', 'unchanged', 'metadata']), document: DocumentSummarySchema })
  .openapi('DocumentUploadResult');

const WithdrawalSchema = z
  .object({
    documentId: z.string(),
    title: z.string(),
    organisation: z.string(),
    withdrawnAt: z.string(),
    passagesRemoved: z.number().int(),
  })
  .openapi('DocumentWithdrawal');

const streamed = {
  description:
    'Server-Sent Events (?stream=true): progress { phase: queued (with position) | read | embed | save }, then done (the result) or error (a problem body)',
  content: { 'text/event-stream': { schema: z.string() } },
};

const uploadDoc = (method: 'post' | 'put') => ({
  method,
  path: method === 'post' ? '/documents' : '/documents/{id}',
  summary:
    method === 'post'
      ? 'Upload a document (multipart): type sniffed from the bytes, duplicates by content refused, passages embedded and stored'
      : 'Replace a document with a new file, atomically (fields left out keep their stored values)',
  request: {
    ...(method === 'put' ? { params: IdParam } : {}),
    query: StreamQuery,
    body: { content: { 'multipart/form-data': { schema: UploadBody } }, required: true },
  },
  responses: {
    [method === 'post' ? 201 : 200]: {
      description: 'Stored',
      content: { 'application/json': { schema: UploadResultSchema } },
    },
    ...(method === 'post' ? { 200: streamed } : {}),
    ...problemResponses(400, 401, 403, ...(method === 'put' ? [404] : []), 409, 413, 415, 422, 503),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/documents/{id}',
  summary: 'Withdraw a document: its passages and embeddings are deleted; drafts that quoted it keep their quotes',
  request: { params: IdParam },
  responses: {
    200: { description: 'Withdrawn', content: { 'application/json': { schema: WithdrawalSchema } } },
    ...problemResponses(401, 403, 404),
  },
});

const notFound = (id: string) => new AppError('not_found:document', { detail: `Ingen dokument med id «${id}».` });

/** A refused upload as the problem the client sees (404, 400 or 409). */
export function refusalProblem(refusal: UploadRefusal): AppError {
  switch (refusal.reason) {
    case 'missing':
      return notFound(refusal.id);
    case 'id_mismatch':
      return new AppError('bad_request:validation', {
        errors: [{ field: 'id', reason: `må være «${refusal.id}» eller utelates` }],
      });
    case 'invalid_metadata':
      return new AppError('bad_request:validation', { errors: fieldErrorsFromZod(refusal.issues) });
    case 'organisation_name':
      return otherSpellingProblem(refusal.organisation, refusal.known);
    case 'id_namespace':
      return namespaceProblem(refusal);
    case 'exists':
      return new AppError('conflict:document', {
        detail: `Det finnes allerede et dokument med id «${refusal.id}». Bruk PUT /documents/${refusal.id} for å erstatte det, eller velg en annen id.`,
        errors: [{ field: 'id', reason: `«${refusal.id}» er i bruk` }],
        extensions: { documentId: refusal.id },
      });
    case 'busy':
      return new AppError('conflict:document', {
        detail: `Dokumentet «${refusal.id}» lagres akkurat nå av en annen opplasting. Prøv igjen når den er ferdig.`,
        errors: [{ field: 'id', reason: `«${refusal.id}» lagres nå` }],
      });
    case 'withdrawn':
      return new AppError('conflict:withdrawn', {
        detail: `Dokumentet «${refusal.id}» ble trukket tilbake mens den nye versjonen ble lagret. Ingenting av den nye versjonen ble lagret; last det opp på nytt med POST /documents om det skal inn igjen.`,
        errors: [{ field: 'id', reason: `«${refusal.id}» ble trukket tilbake` }],
      });
    case 'duplicate':
      return new AppError('conflict:duplicate', {
        detail: `Det samme innholdet er allerede lagret som «${refusal.duplicate.title}» (id «${refusal.duplicate.id}»).`,
        errors: [{ field: 'file', reason: `samme innhold som dokumentet «${refusal.duplicate.id}»` }],
        extensions: { documentId: refusal.duplicate.id },
      });
  }
}

/**
 * An id outside the organisation's namespace (domain/documentIds.ts) as a 400 on `id` (on `organisation` for a
 * replace that would move the document). Worded from the names alone, and alike whether the id lacks the prefix,
 * lies in another organisation's longer prefix, or is held by a document of another organisation the uploader may
 * not read (storeUpload.ts): so it never says whether, or whose, a document exists.
 */
function namespaceProblem(r: Extract<UploadRefusal, { reason: 'id_namespace' }>): AppError {
  const rule = `begynne med «${r.prefix}» og ikke høre til en annen organisasjon`;
  if (r.moved)
    return new AppError('bad_request:validation', {
      detail: `Dokumentet «${r.id}» kan ikke flyttes til ${r.organisation}: id-en til et dokument fra ${r.organisation} må ${rule}. Last det opp under ${r.organisation} med POST /documents i stedet.`,
      errors: [{ field: 'organisation', reason: `id-en «${r.id}» hører ikke til ${r.organisation}` }],
    });
  const detail = r.given
    ? `Id-en «${r.id}» kan ikke brukes: et dokument fra ${r.organisation} får en id som begynner med «${r.prefix}» og ikke hører til en annen organisasjon. Utelat id-en, så lages den av tittelen.`
    : `Id-en laget av tittelen («${r.id}») kan ikke brukes: id-en må ${rule}. Oppgi en id i feltet «id».`;
  return new AppError('bad_request:validation', {
    detail,
    errors: [{ field: 'id', reason: `må ${rule}` }],
  });
}

/**
 * Store one upload for the request's viewer: the organisation checked once the file is read, refusals as problems,
 * audited. The store acts for the viewer, so its duplicate check only weighs documents the viewer may read
 * (store/storedTexts.ts). An id check still sees every document, but a new id must lie in the organisation's own
 * namespace (domain/documentIds.ts, checked first), so a taken id can only be one of its own organisation's.
 */
export async function stored(
  c: Context<AppEnv>,
  corpus: Parameters<typeof storeUpload>[0],
  upload: Parameters<typeof storeUpload>[1],
  options: Parameters<typeof storeUpload>[2] & {},
  authorize: (organisation: string) => void = (organisation) => requireRole(c.get('viewer'), organisation, 'editor'),
): Promise<UploadResult> {
  const db = viewerDb(c, corpus.db);
  const result = await storeUpload({ ...corpus, db }, upload, { ...options, authorize });
  // The spelling rule weighs every organisation; one the viewer may not be told of goes unnamed in the refusal.
  if (!result.ok && result.reason === 'organisation_name' && !(await mayNameOrganisation(db, { name: result.known })))
    throw otherSpellingProblem(result.organisation, null);
  if (!result.ok) throw refusalProblem(result);
  await audit(c, corpus.db, {
    action: options.replaceId ? 'replace' : 'upload',
    organisation: result.document.organisation,
    target: result.document.id,
    detail: { outcome: result.outcome, visibility: result.document.visibility },
  });
  const { ok: _ok, ...stored } = result;
  return stored;
}

export const wantsStream = (q: string | undefined) => {
  const parsed = StreamQuery.safeParse({ stream: q });
  if (!parsed.success)
    throw new AppError('bad_request:validation', { errors: [{ field: 'stream', reason: 'må være true eller false' }] });
  return parsed.data.stream === 'true' || parsed.data.stream === '1';
};

/** The path id of PUT /documents/:id, checked as the openapi() routes check theirs (this route is a plain handler). */
const validId = (id: string) => {
  const parsed = IdParam.safeParse({ id });
  if (!parsed.success)
    throw new AppError('bad_request:validation', { errors: fieldErrorsFromZod(parsed.error.issues) });
  refuseNul(parsed.data);
  return parsed.data.id;
};

export function documentUploadRoutes(deps: DocumentUploadDeps) {
  const app = router();
  // One line per app: uploads past UPLOAD_CONCURRENCY wait their turn (the SSE progress says where they stand).
  const corpus = deps.corpus ?? uploadCorpus(deps);
  app.openAPIRegistry.registerPath(uploadDoc('post'));
  app.openAPIRegistry.registerPath(uploadDoc('put'));

  const respond = async (c: Context<AppEnv>, replaceId?: string) => {
    const stream = wantsStream(c.req.query('stream'));
    const viewer = c.get('viewer');
    if (replaceId) {
      // Replacing: an editor of the stored document's organisation (one it may not read is not found).
      const head = await getDocumentHead(deps.db, { id: replaceId });
      if (head && !(await getDocument(viewerDb(c, deps.db), { id: replaceId }))) throw notFound(replaceId);
      if (head) requireRole(viewer, head.organisation, 'editor');
    }
    const form = await readUploadForm(c.req.raw, deps.maxUploadBytes);
    // Refused before the file is read when the form names an organisation; checked again on what was read.
    if (form.fields.organisation) requireRole(viewer, form.fields.organisation, 'editor');
    if (stream) {
      return sse(c, deps.logger, async (send, signal) => {
        const result = await stored(c, corpus, form, { replaceId, signal, onProgress: (e) => send('progress', e) });
        send('done', result satisfies UploadResult);
      });
    }
    // A client that hangs up while its upload waits in the queue (or is embedded) takes it out of the line.
    const result = await stored(c, corpus, form, { replaceId, signal: c.req.raw.signal });
    return replaceId
      ? c.json(result, 200)
      : c.json(result, 201, { Location: `/documents/${encodeURIComponent(result.document.id)}` });
  };

  app.post('/documents', (c) => respond(c));
  app.put('/documents/:id', (c) => respond(c, validId(c.req.param('id'))));
  return app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    // An administrator of the document's organisation; a document the principal may not read is not found.
    const doc = await getDocument(viewerDb(c, deps.db), { id });
    if (!doc) throw notFound(id);
    requireRole(c.get('viewer'), doc.organisation, 'admin');
    const withdrawn = await withdrawDocument(deps.db, { id });
    if (!withdrawn) throw notFound(id);
    await audit(c, deps.db, { action: 'withdraw', organisation: doc.organisation, target: id, detail: {} });
    return c.json(withdrawn, 200);
  });
}
