/**
 * One uploaded file → a stored document: sniff the real type, load, settle the metadata, ingest, refuse
 * duplicates, embed, and write in one transaction. Everything that can refuse the file runs before anything is
 * written, so a refused upload leaves the store exactly as it was.
 */
import { DocumentMeta, type DocumentSummary, type IngestedDocument } from '../../domain/types.js';
import { IngestError, ingestLoaded, loaderFor, sniffMediaType, type LoadedText } from '../../ingest/index.js';
import { ingestErrors } from '../../ingest/errors.js';
import { slugify, titleFromFileName } from '../../ingest/slug.js';
import { ensureAnnIndex } from '../../store/ann.js';
import type { Db } from '../../store/db.js';
import { findDuplicate, getDocumentHead, writeUpload, type DocumentHead } from '../../store/documents.js';
import { passageRows, type SaveOutcome } from '../../store/documents.js';
import { embeddingInput } from '../../store/embeddings.js';
import type { TextEmbedder } from '../../store/textEmbedder.js';
import { AppError, fieldErrorsFromZod } from '../errors.js';
import type { UploadForm } from './form.js';

export type UploadEvent =
  | { phase: 'read'; format: string; passages: number; pages?: number }
  | { phase: 'embed'; done: number; total: number }
  | { phase: 'save' };

export interface UploadResult {
  outcome: SaveOutcome;
  document: DocumentSummary;
}

const EMBED_BATCH = 256;

const conflictId = (id: string) =>
  new AppError('conflict:document', {
    detail: `Det finnes allerede et dokument med id «${id}». Bruk PUT /documents/${id} for å erstatte det, eller velg en annen id.`,
    errors: [{ field: 'id', reason: `«${id}» er i bruk` }],
  });

const duplicateOf = (other: { id: string; title: string }) =>
  new AppError('conflict:duplicate', {
    detail: `Det samme innholdet er allerede lagret som «${other.title}» (id «${other.id}»).`,
    errors: [{ field: 'file', reason: `samme innhold som dokumentet «${other.id}»` }],
  });

const notFound = (id: string) => new AppError('not_found:document', { detail: `Ingen dokument med id «${id}».` });

/**
 * Metadata for the upload: form fields first, then (on replace) the stored document's, then what the file says
 * about itself, then fallbacks (title from the file name, kind "other"). Organisation and date have no fallback.
 */
export function uploadMeta(form: UploadForm, fromFile: LoadedText['meta'], existing: DocumentHead | null): DocumentMeta {
  const f = form.fields;
  const title = f.title ?? existing?.title ?? fromFile?.title ?? titleFromFileName(form.filename.replace(/\.[^.]+$/, ''));
  const candidate = {
    id: existing?.id ?? f.id ?? slugify(title),
    title,
    organisation: f.organisation ?? existing?.organisation ?? fromFile?.organisation,
    kind: f.kind ?? existing?.kind ?? fromFile?.kind ?? 'other',
    date: f.date ?? existing?.date ?? fromFile?.date,
    language: f.language ?? existing?.language ?? fromFile?.language ?? 'nb',
    source: f.source ?? existing?.source ?? fromFile?.source,
  };
  const parsed = DocumentMeta.safeParse(candidate);
  if (!parsed.success) throw new AppError('bad_request:validation', { errors: fieldErrorsFromZod(parsed.error.issues) });
  return parsed.data;
}

function ingest(loaded: LoadedText, meta: DocumentMeta, filename: string): IngestedDocument {
  try {
    return ingestLoaded(loaded, meta);
  } catch (err) {
    if (err instanceof IngestError && err.code === 'empty_document') throw ingestErrors.emptyDocument(filename);
    throw err;
  }
}

async function embed(embedder: TextEmbedder, doc: IngestedDocument, onProgress: (e: UploadEvent) => void, signal?: AbortSignal) {
  const rows = passageRows(doc);
  const inputs = doc.passages.map((p) => embeddingInput(p));
  const staged: { id: string; embedding: number[] }[] = [];
  for (let i = 0; i < inputs.length; i += EMBED_BATCH) {
    signal?.throwIfAborted();
    const vectors = await embedder.embedDocuments(inputs.slice(i, i + EMBED_BATCH));
    vectors.forEach((embedding, j) => staged.push({ id: rows[i + j].id, embedding }));
    onProgress({ phase: 'embed', done: staged.length, total: inputs.length });
  }
  return staged;
}

/**
 * Store an upload as a new document (`replaceId` absent) or as the new version of `replaceId`.
 * Throws AppError (400, 404, 409) or IngestError (the file itself is refused; mapped to 4xx by the app).
 */
export async function storeUpload(
  { db, embedder }: { db: Db; embedder: TextEmbedder },
  form: UploadForm,
  { replaceId, onProgress = () => undefined, signal }: { replaceId?: string; onProgress?: (e: UploadEvent) => void; signal?: AbortSignal } = {},
): Promise<UploadResult> {
  const existing = replaceId ? await getDocumentHead(db, { id: replaceId }) : null;
  if (replaceId && !existing) throw notFound(replaceId);
  if (replaceId && form.fields.id && form.fields.id !== replaceId) {
    throw new AppError('bad_request:validation', { errors: [{ field: 'id', reason: `må være «${replaceId}» eller utelates` }] });
  }
  const mediaType = sniffMediaType(form.bytes, form.filename);
  const loaded = await loaderFor(form.filename, mediaType).load(form.bytes, form.filename);
  const doc = ingest(loaded, uploadMeta(form, loaded.meta, existing), form.filename);
  onProgress({ phase: 'read', format: doc.format, passages: doc.passages.length, ...(loaded.pageStarts ? { pages: loaded.pageStarts.length } : {}) });

  // Cheap refusals before the expensive step; writeUpload checks again under a lock.
  const id = doc.meta.id;
  if (!replaceId && (await getDocumentHead(db, { id }))) throw conflictId(id);
  const duplicate = await findDuplicate(db, { contentHash: doc.contentHash, exceptId: id });
  if (duplicate) throw duplicateOf(duplicate);

  const embeddings = existing?.contentHash === doc.contentHash ? [] : await embed(embedder, doc, onProgress, signal);
  signal?.throwIfAborted();
  onProgress({ phase: 'save' });
  const visibility = form.fields.visibility ?? existing?.visibility ?? 'public';
  const written = await writeUpload(db, { doc, embeddings, visibility, mode: replaceId ? 'replace' : 'create' });
  if (!written.ok) {
    if (written.reason === 'duplicate') throw duplicateOf(written.duplicate);
    throw written.reason === 'exists' ? conflictId(id) : notFound(id);
  }
  await ensureAnnIndex(db);
  return { outcome: written.outcome, document: written.document };
}
