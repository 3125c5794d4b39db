/**
 * Reading one file within the limits on what a document may become: load it as its bytes show, refuse text past
 * `maxChars` before cutting it (cutting is the slow part), settle the metadata, cut, refuse past `maxPassages`.
 * Runs on the read worker (readWorker.ts) for uploads, so a long document can't hold the server's event loop or
 * heap; everything it needs or returns is plain data that crosses a thread boundary.
 */
import type { z } from 'zod';
import { consultationHead, extractConsultation } from '../consultation/index.js';
import type { ConsultationExtraction } from '../domain/consultation.js';
import type { DocumentMeta, IngestedDocument } from '../domain/types.js';
import { ingestErrors } from '../ingest/errors.js';
import type { GuessedFields } from '../ingest/index.js';
import { withFileMeta } from '../ingest/index.js';
import type { DocumentHead } from '../store/documents.js';
import { cutDocument, loadFile } from './read.js';
import { uploadMeta, type Upload } from './uploadMeta.js';
import { writtenStandard } from '../text/writtenStandard.js';

export interface DocumentLimits {
  /** Most characters of extracted text (MAX_DOCUMENT_CHARS). */
  maxChars: number;
  /** Most passages (MAX_DOCUMENT_PASSAGES). */
  maxPassages: number;
}

/** What to read: an upload (metadata settled from form, stored version and file) or a file with known metadata. */
export type ReadWhat =
  | {
      kind: 'upload';
      upload: Upload;
      existing: DocumentHead | null;
      /** The organisations the installation knows, for a new document's default id (domain/documentIds.ts). */
      organisations?: string[];
    }
  | { kind: 'file'; bytes: Uint8Array; filename: string; meta: DocumentMeta; guessed?: GuessedFields };
export type ReadJob = ReadWhat & { limits: DocumentLimits };

export type ReadResult =
  | { ok: true; doc: IngestedDocument; pages?: number; consultation?: ConsultationExtraction }
  | { ok: false; reason: 'invalid_metadata'; issues: z.core.$ZodIssue[] };

/**
 * Throws IngestError (the loader's, `document_too_long`, `too_many_passages`, `empty_document`).
 * @example const r = await readLimited({ kind: 'file', bytes, filename: 'a.txt', meta, limits }); r.ok && r.doc
 */
export async function readLimited(job: ReadJob): Promise<ReadResult> {
  const bytes = job.kind === 'upload' ? job.upload.bytes : job.bytes;
  const filename = job.kind === 'upload' ? job.upload.filename : job.filename;
  const loaded = await loadFile(bytes, filename, job.limits);
  if (loaded.text.length > job.limits.maxChars)
    throw ingestErrors.documentTooLong(filename, loaded.text.length, job.limits.maxChars);
  let meta: DocumentMeta;
  if (job.kind === 'upload') {
    const consultation = job.upload.consultation;
    const settled = uploadMeta(
      job.upload,
      consultation ? consultationMeta(loaded) : loaded.meta,
      job.existing,
      job.organisations,
      writtenStandard(loaded.text),
    );
    if (!settled.success) return { ok: false, reason: 'invalid_metadata', issues: settled.issues };
    meta = settled.data;
  } else meta = withFileMeta(job.meta, loaded.meta, job.guessed);
  const doc = cutDocument(loaded, meta, filename);
  if (doc.passages.length > job.limits.maxPassages)
    throw ingestErrors.tooManyPassages(filename, doc.passages.length, job.limits.maxPassages);
  return {
    ok: true,
    doc,
    ...(loaded.pageStarts ? { pages: loaded.pageStarts.length } : {}),
    ...(job.kind === 'upload' && job.upload.consultation
      ? { consultation: extractConsultation({ text: doc.text, passages: doc.passages, documentId: doc.meta.id }) }
      : {}),
  };
}

/**
 * What a consultation says about itself, as a file's metadata: the issuer is the document's organisation (it is the
 * ministry's text, never the organisation's view), its title and letter date; the import date when it states none.
 */
function consultationMeta(loaded: Awaited<ReturnType<typeof loadFile>>): NonNullable<typeof loaded.meta> {
  const head = consultationHead(loaded.text);
  return {
    ...loaded.meta,
    kind: 'consultation',
    ...(head.title ? { title: head.title } : {}),
    ...(head.issuer ? { organisation: head.issuer } : {}),
    date: head.date ?? loaded.meta?.date ?? new Date().toISOString().slice(0, 10),
  };
}
