/**
 * One uploaded file → a stored document (POST and PUT /documents): sniff the real type, load, settle the metadata,
 * clean and cut, refuse a taken id or a text already stored, embed, and write in one transaction. Everything that
 * can refuse the file runs before anything is written, so a refused upload leaves the store exactly as it was.
 *
 * A file the ingest stage cannot read throws its IngestError. Refusals of the request itself (an unknown or taken
 * id, bad metadata, a duplicate text) are returned, not thrown, so the caller words them for its own door (the
 * HTTP route as problem bodies) without this stage knowing HTTP.
 */
import type { z } from 'zod';
import { DocumentMeta, type DocumentSummary, type IngestedDocument } from '../domain/types.js';
import type { LoadedText } from '../ingest/loaders/index.js';
import { slugify, titleFromFileName } from '../text/slug.js';
import { ensureAnnIndex } from '../store/ann.js';
import type { Db } from '../store/db.js';
import { getDocumentHead, writeUpload, type DocumentHead, type Visibility } from '../store/documents.js';
import { passageRows, type SaveOutcome } from '../store/documents.js';
import { embeddingInput } from '../store/embeddings.js';
import type { TextEmbedder } from '../domain/embedder.js';
import { findDuplicates, type Duplicate } from './duplicates.js';
import { cutDocument, loadFile } from './read.js';

export type UploadEvent =
  | { phase: 'read'; format: string; passages: number; pages?: number }
  | { phase: 'embed'; done: number; total: number }
  | { phase: 'save' };

/** An uploaded file with the metadata its sender gave (all optional: the file or a stored version may fill in). */
export interface Upload {
  bytes: Uint8Array;
  /** The file's own name (no directories), for messages and a fallback title. */
  filename: string;
  fields: Partial<DocumentMeta> & { visibility?: Visibility };
}

export interface UploadResult {
  outcome: SaveOutcome;
  document: DocumentSummary;
}

/** Why an upload was refused before anything was written. */
export type UploadRefusal =
  | { reason: 'missing'; id: string }
  | { reason: 'id_mismatch'; id: string }
  | { reason: 'invalid_metadata'; issues: z.core.$ZodIssue[] }
  | { reason: 'exists'; id: string }
  | { reason: 'duplicate'; duplicate: Duplicate };

export type UploadOutcome = ({ ok: true } & UploadResult) | ({ ok: false } & UploadRefusal);

const EMBED_BATCH = 256;

/**
 * Metadata for the upload: form fields first, then (on replace) the stored document's, then what the file says
 * about itself, then fallbacks (title from the file name, kind "other"). Organisation and date have no fallback.
 */
function uploadMeta(
  upload: Upload,
  fromFile: LoadedText['meta'],
  existing: DocumentHead | null,
): z.ZodSafeParseResult<DocumentMeta> {
  const f = upload.fields;
  const title =
    f.title ?? existing?.title ?? fromFile?.title ?? titleFromFileName(upload.filename.replace(/\.[^.]+$/, ''));
  return DocumentMeta.safeParse({
    id: existing?.id ?? f.id ?? slugify(title),
    title,
    organisation: f.organisation ?? existing?.organisation ?? fromFile?.organisation,
    kind: f.kind ?? existing?.kind ?? fromFile?.kind ?? 'other',
    date: f.date ?? existing?.date ?? fromFile?.date,
    language: f.language ?? existing?.language ?? fromFile?.language ?? 'nb',
    source: f.source ?? existing?.source ?? fromFile?.source,
  });
}

async function embed(
  embedder: TextEmbedder,
  doc: IngestedDocument,
  onProgress: (e: UploadEvent) => void,
  signal?: AbortSignal,
) {
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
 * Throws IngestError when the file itself is refused; returns `{ ok: false, reason }` when the request is.
 * @example
 *   const r = await storeUpload(runtime, { bytes, filename: 'notat.txt', fields: { organisation: 'KS', date: '2024' } });
 *   if (!r.ok && r.reason === 'duplicate') console.log(r.duplicate.id);
 */
export async function storeUpload(
  { db, embedder }: { db: Db; embedder: TextEmbedder },
  upload: Upload,
  {
    replaceId,
    onProgress = () => undefined,
    signal,
  }: { replaceId?: string; onProgress?: (e: UploadEvent) => void; signal?: AbortSignal } = {},
): Promise<UploadOutcome> {
  const existing = replaceId ? await getDocumentHead(db, { id: replaceId }) : null;
  if (replaceId && !existing) return { ok: false, reason: 'missing', id: replaceId };
  if (replaceId && upload.fields.id && upload.fields.id !== replaceId)
    return { ok: false, reason: 'id_mismatch', id: replaceId };
  const loaded = await loadFile(upload.bytes, upload.filename);
  const meta = uploadMeta(upload, loaded.meta, existing);
  if (!meta.success) return { ok: false, reason: 'invalid_metadata', issues: meta.error.issues };
  const doc = cutDocument(loaded, meta.data, upload.filename);
  onProgress({
    phase: 'read',
    format: doc.format,
    passages: doc.passages.length,
    ...(loaded.pageStarts ? { pages: loaded.pageStarts.length } : {}),
  });

  // Cheap refusals before the expensive step; writeUpload checks again under a lock.
  const id = doc.meta.id;
  if (!replaceId && (await getDocumentHead(db, { id }))) return { ok: false, reason: 'exists', id };
  const [duplicate] = await findDuplicates(db, [doc]);
  if (duplicate) return { ok: false, reason: 'duplicate', duplicate };

  const embeddings = existing?.contentHash === doc.contentHash ? [] : await embed(embedder, doc, onProgress, signal);
  signal?.throwIfAborted();
  onProgress({ phase: 'save' });
  const visibility = upload.fields.visibility ?? existing?.visibility ?? 'public';
  const written = await writeUpload(db, { doc, embeddings, visibility, mode: replaceId ? 'replace' : 'create' });
  if (!written.ok) {
    if (written.reason === 'duplicate') return { ok: false, reason: 'duplicate', duplicate: written.duplicate };
    return written.reason === 'exists' ? { ok: false, reason: 'exists', id } : { ok: false, reason: 'missing', id };
  }
  await ensureAnnIndex(db);
  return { ok: true, outcome: written.outcome, document: written.document };
}
