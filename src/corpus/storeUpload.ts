/**
 * One uploaded file → a stored document (POST and PUT /documents): sniff the real type, load, settle the metadata,
 * clean and cut, refuse an id outside its organisation's namespace (domain/documentIds.ts: the one place uploads
 * are held to it), a taken id or a text already stored, embed, and write: in batches that no reader sees until
 * the last one makes the document visible whole (store/documents/pending.ts). Everything that can refuse the file
 * runs before anything is written, so a refused upload leaves the store exactly as it was.
 *
 * A file the ingest stage cannot read throws its IngestError. Refusals of the request itself (an unknown or taken
 * id, bad metadata, a duplicate text) are returned, not thrown, so the caller words them for its own door (the
 * HTTP route as problem bodies) without this stage knowing HTTP.
 */
import type { z } from 'zod';
import type { Config } from '../config/env.js';
import type { ConsultationExtraction } from '../domain/consultation.js';
import { idNamespaceProblem, idPrefix } from '../domain/documentIds.js';
import type { DocumentSummary, IngestedDocument } from '../domain/types.js';
import { ensureAnnIndex } from '../store/ann.js';
import { saveConsultation } from '../store/consultations.js';
import type { Db } from '../store/db.js';
import { getDocumentHead, idHolder, writeUpload } from '../store/documents.js';
import { passageRows, type SaveOutcome } from '../store/documents.js';
import { embeddingInput } from '../store/embeddings.js';
import { knownOrganisationNames } from '../store/organisations.js';
import { otherSpelling } from '../text/organisationNames.js';
import type { TextEmbedder } from '../domain/embedder.js';
import { findDuplicates, type Duplicate } from './duplicates.js';
import { readInWorker, type ReadThreadOptions } from './readThread.js';
import type { Upload } from './uploadMeta.js';
import type { UploadQueue } from './uploadQueue.js';

export { uploadMeta, type Upload } from './uploadMeta.js';

export type UploadEvent =
  | { phase: 'queued'; position: number }
  | { phase: 'read'; format: string; passages: number; pages?: number }
  | { phase: 'embed'; done: number; total: number }
  | { phase: 'save' };

export interface UploadResult {
  outcome: SaveOutcome;
  document: DocumentSummary;
  /** For an upload marked `consultation`: its extracted fields, as stored (migration 012). */
  consultation?: ConsultationExtraction;
}

/** Why an upload was refused before anything was written. */
export type UploadRefusal =
  | { reason: 'missing'; id: string }
  | { reason: 'id_mismatch'; id: string }
  /**
   * The id is not in the organisation's namespace (domain/documentIds.ts): it lacks `prefix`, or lies in `other`,
   * another organisation's longer prefix. `given`: the sender chose the id (else it came from the title); `moved`:
   * a replace that changes the document's organisation.
   */
  | {
      reason: 'id_namespace';
      id: string;
      organisation: string;
      prefix: string;
      other?: string;
      given: boolean;
      moved: boolean;
    }
  | { reason: 'invalid_metadata'; issues: z.core.$ZodIssue[] }
  /** The organisation is another spelling of a known one, `known` («Oslo-Ap» for «Oslo AP»; text/organisationNames.ts). */
  | { reason: 'organisation_name'; organisation: string; known: string }
  | { reason: 'exists'; id: string }
  | { reason: 'busy'; id: string }
  /** A replace whose document was withdrawn before it was saved: the withdrawal stands, nothing was stored. */
  | { reason: 'withdrawn'; id: string }
  | { reason: 'duplicate'; duplicate: Duplicate };

export type UploadOutcome = ({ ok: true } & UploadResult) | ({ ok: false } & UploadRefusal);

/** The limits an upload is read within when the caller names none (the defaults of src/config/env.ts). */
export const DEFAULT_READ_OPTIONS: ReadThreadOptions = {
  maxChars: 5_000_000,
  maxPassages: 20_000,
  maxMemoryMb: 1024,
  timeoutMs: 120_000,
};

/**
 * The read limits from the configuration (MAX_DOCUMENT_CHARS, MAX_DOCUMENT_PASSAGES, READ_WORKER_MAX_MB,
 * READ_TIMEOUT_MS): the same for an upload and for `npm run ingest`.
 */
export function readOptions(config: Partial<Config> = {}): ReadThreadOptions {
  const d = DEFAULT_READ_OPTIONS;
  return {
    maxChars: config.MAX_DOCUMENT_CHARS ?? d.maxChars,
    maxPassages: config.MAX_DOCUMENT_PASSAGES ?? d.maxPassages,
    maxMemoryMb: config.READ_WORKER_MAX_MB ?? d.maxMemoryMb,
    timeoutMs: config.READ_TIMEOUT_MS ?? d.timeoutMs,
  };
}

const EMBED_BATCH = 256;

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
  deps: { db: Db; embedder: TextEmbedder; read?: ReadThreadOptions; queue?: UploadQueue; annMinPassages?: number },
  upload: Upload,
  options: {
    replaceId?: string;
    onProgress?: (e: UploadEvent) => void;
    signal?: AbortSignal;
    /** Throws when the uploader may not store a document in this organisation's name (checked once it is read). */
    authorize?: (organisation: string) => void;
  } = {},
): Promise<UploadOutcome> {
  const onProgress = options.onProgress ?? (() => undefined);
  if (!deps.queue) return storeNow(deps, upload, { ...options, onProgress });
  return deps.queue.run(
    () => storeNow(deps, upload, { ...options, onProgress }),
    (position) => onProgress({ phase: 'queued', position }),
    options.signal,
  );
}

async function storeNow(
  {
    db,
    embedder,
    read = DEFAULT_READ_OPTIONS,
    annMinPassages,
  }: { db: Db; embedder: TextEmbedder; read?: ReadThreadOptions; annMinPassages?: number },
  upload: Upload,
  {
    replaceId,
    onProgress,
    signal,
    authorize,
  }: {
    replaceId?: string;
    onProgress: (e: UploadEvent) => void;
    signal?: AbortSignal;
    authorize?: (organisation: string) => void;
  },
): Promise<UploadOutcome> {
  signal?.throwIfAborted();
  const existing = replaceId ? await getDocumentHead(db, { id: replaceId }) : null;
  if (replaceId && !existing) return { ok: false, reason: 'missing', id: replaceId };
  if (replaceId && upload.fields.id && upload.fields.id !== replaceId)
    return { ok: false, reason: 'id_mismatch', id: replaceId };
  // A consultation replaced through PUT /documents/:id is read as one again, so its extracted fields follow the file.
  if (existing?.kind === 'consultation') upload = { ...upload, consultation: true };
  const organisations = await knownOrganisationNames(db);
  // Parsing and cutting run on a worker with a heap cap and a time limit (readThread.ts).
  const got = await readInWorker({ kind: 'upload', upload, existing, organisations }, read);
  if (!got.ok) return { ok: false, reason: 'invalid_metadata', issues: got.issues };
  const doc = got.doc;
  authorize?.(doc.meta.organisation);
  onProgress({
    phase: 'read',
    format: doc.format,
    passages: doc.passages.length,
    ...(got.pages !== undefined ? { pages: got.pages } : {}),
  });

  // Cheap refusals before the expensive step; writeUpload checks again under a lock.
  // One organisation is never split over two spellings: a name that reads as a known one's other spelling is refused.
  const known = otherSpelling(doc.meta.organisation, organisations);
  if (known) return { ok: false, reason: 'organisation_name', organisation: doc.meta.organisation, known };
  const id = doc.meta.id;
  // Ids belong to their organisation's namespace, checked before the taken-id check: so a 409 for a taken id can
  // only name a document of the uploader's own namespace. A replace keeps its id (stored before the rule, perhaps)
  // unless it moves the document to another organisation.
  const moved = !!existing && existing.organisation.toLowerCase() !== doc.meta.organisation.toLowerCase();
  const outside = !replaceId || moved ? idNamespaceProblem(id, doc.meta.organisation, organisations) : null;
  const { organisation } = doc.meta;
  const given = !!upload.fields.id;
  if (outside) return { ok: false, reason: 'id_namespace', id, organisation, ...outside, given, moved };
  // NOTE: a document stored before the rule, or by a local ingest, can hold an id in this namespace although it is
  // another organisation's. Taken by one the uploader may not read, the id is refused as one in another
  // organisation's namespace is (the same 400 on `id`, worded from the names): a 409 would name that document.
  const taken = (holder: { readable: boolean }): UploadRefusal =>
    holder.readable
      ? { reason: 'exists', id }
      : { reason: 'id_namespace', id, organisation, prefix: idPrefix(organisation), given, moved: false };
  const holder = replaceId ? null : await idHolder(db, { id });
  if (holder) return { ok: false, ...taken(holder) };
  const [duplicate] = await findDuplicates(db, [doc]);
  if (duplicate) return { ok: false, reason: 'duplicate', duplicate };

  const embeddings = existing?.contentHash === doc.contentHash ? [] : await embed(embedder, doc, onProgress, signal);
  signal?.throwIfAborted();
  onProgress({ phase: 'save' });
  const visibility = upload.fields.visibility ?? existing?.visibility ?? 'public';
  const written = await writeUpload(db, { doc, embeddings, visibility, mode: replaceId ? 'replace' : 'create' });
  if (!written.ok) {
    if (written.reason === 'duplicate') return { ok: false, reason: 'duplicate', duplicate: written.duplicate };
    // Taken meanwhile (writeUpload's check under its lock): answered as the check above answers it.
    const holder = written.reason === 'exists' ? await idHolder(db, { id }) : null;
    if (holder) return { ok: false, ...taken(holder) };
    return { ok: false, reason: written.reason, id };
  }
  await ensureAnnIndex(db, { minPassages: annMinPassages });
  if (got.consultation) await saveConsultation(db, { extraction: got.consultation });
  return {
    ok: true,
    outcome: written.outcome,
    document: written.document,
    ...(got.consultation ? { consultation: got.consultation } : {}),
  };
}
