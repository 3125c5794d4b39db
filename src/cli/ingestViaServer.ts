/**
 * `npm run ingest` while a server holds the data directory: the files go through the server's own door,
 * POST /documents (PUT /documents/:id for an id already stored, as the in-process ingest replaces it), with the
 * metadata the in-process ingest would use. Each upload is streamed (`?stream=true`), and its progress events feed
 * the same three bars as a local ingest (files read, passages embedded, documents saved). The summary is the same;
 * each file is its own transaction here. The files are uploads, so their ids lie in their organisation's namespace
 * (src/domain/documentIds.ts): an id made from a file name is left to the server; one metadata.yaml gives outside
 * it replaces the document stored under it (a local ingest's), or the file is refused with the server's reason.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { resolveInputs, type CorpusFile } from '../corpus/inputs.js';
import type { FileOutcome, RefusedFile, StoreFilesResult, StoredFile } from '../corpus/storeFiles.js';
import type { DocumentMeta } from '../domain/types.js';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors.js';
import { sseEvents, tokenAdvice } from './serverClient.js';

interface Problem {
  status?: number;
  code?: string;
  detail?: string;
  title?: string;
  errors?: { field: string; reason: string }[];
}

type UploadBody = Problem & {
  /** A taken id's document (409 conflict:document). */
  documentId?: string;
  outcome?: FileOutcome | 'unchanged';
  document?: { id: string; title: string; passageCount: number };
};

/** A progress event of one upload's stream (src/corpus/storeUpload.ts UploadEvent). */
type UploadEvent =
  | { phase: 'queued'; position: number }
  | { phase: 'read'; passages: number }
  | { phase: 'embed'; done: number; total: number }
  | { phase: 'save' };

/**
 * The run's progress as a local ingest reports it (read: files; embed: passages; save: documents). Totals are
 * known file by file here: `more` says they may still grow (the bar is not done yet).
 */
export type ServerIngestProgress = (e: {
  phase: 'read' | 'embed' | 'save';
  done: number;
  total: number;
  more: boolean;
}) => void;

/** Statuses of a problem with the file, not with the request or the server: 413 too large, 415 type, 422 content. */
const FILE_REFUSALS = new Set([413, 415, 422]);

const FIELDS = ['id', 'organisation', 'title', 'kind', 'date', 'language', 'source', 'visibility'] as const;

export async function ingestViaServer(
  server: string,
  paths: string[],
  {
    defaults,
    token,
    onProgress,
  }: { defaults: Partial<DocumentMeta>; token?: string; onProgress?: ServerIngestProgress },
): Promise<StoreFilesResult> {
  const inputs = await resolveInputs(paths, defaults);
  const documents: StoredFile[] = [];
  const refused: RefusedFile[] = [];
  let passagesWritten = 0;
  // Totals over the files so far; `embedded` and `toEmbed` count the finished files, the current one adds its own.
  const n = { read: 0, embedded: 0, toEmbed: 0, saved: 0, toSave: 0 };
  const report = (phase: 'read' | 'embed' | 'save', done: number, total: number, more = true) =>
    onProgress?.({ phase, done, total, more });
  for (const [i, input] of inputs.entries()) {
    let read = false;
    let embedding = { done: 0, total: 0 };
    let saving = false;
    const stored = await uploadOne(server, input, token, (e) => {
      if (e.phase === 'read' && !read) {
        read = true;
        report('read', ++n.read, inputs.length, i < inputs.length - 1);
      } else if (e.phase === 'embed') {
        embedding = { done: e.done, total: e.total };
        report('embed', n.embedded + e.done, n.toEmbed + e.total);
      } else if (e.phase === 'save' && !saving) {
        saving = true;
        report('save', n.saved, n.toSave + 1);
      }
    });
    // A file refused before it was read (or read and found unchanged without a `read` event) still counts as read.
    if (!read) report('read', ++n.read, inputs.length, i < inputs.length - 1);
    n.embedded += embedding.done;
    n.toEmbed += embedding.total;
    if ('refusal' in stored) {
      refused.push({ path: stored.path, error: stored.refusal });
      continue;
    }
    if (stored.outcome !== 'duplicate') {
      n.saved++;
      n.toSave++;
      report('save', n.saved, n.toSave);
    }
    if (stored.outcome === 'created' || stored.outcome === 'replaced') passagesWritten += stored.passages;
    documents.push(stored);
  }
  // The bars end as a local ingest's do: embed when anything was embedded, save always.
  if (n.toEmbed > 0) report('embed', n.embedded, n.toEmbed, false);
  report('save', n.saved, n.toSave, false);
  return {
    documents,
    documentsRead: documents.length,
    passagesWritten,
    ...(refused.length ? { refused } : {}),
  };
}

/** One streamed upload's answer: its progress events to `onEvent`, then the result or the problem. */
async function answer(res: Response, onEvent: (e: UploadEvent) => void): Promise<{ status: number; body: UploadBody }> {
  if (!res.headers.get('content-type')?.startsWith('text/event-stream') || !res.body)
    return { status: res.status, body: (await res.json().catch(() => ({}))) as UploadBody };
  for await (const { event, data } of sseEvents(res.body)) {
    if (event === 'progress') onEvent(JSON.parse(data) as UploadEvent);
    else if (event === 'done') return { status: 200, body: JSON.parse(data) as UploadBody };
    else if (event === 'error') {
      const problem = JSON.parse(data) as Problem;
      return { status: problem.status ?? 500, body: problem };
    }
  }
  return { status: 502, body: { detail: 'strømmen fra serveren sluttet uten svar' } };
}

async function uploadOne(
  server: string,
  input: CorpusFile,
  token: string | undefined,
  onEvent: (e: UploadEvent) => void,
): Promise<StoredFile | (Pick<StoredFile, 'path' | 'id'> & { refusal: AppError })> {
  const bytes = await readFile(input.path);
  const guessed = new Set<string>(input.guessed ?? []);
  const send = async (method: 'POST' | 'PUT', withGuesses: boolean) => {
    const form = new FormData();
    form.set('file', new Blob([bytes]), basename(input.path));
    for (const f of FIELDS) {
      // An id made from the file name is left to the server, which names the document in its organisation's
      // namespace (src/domain/documentIds.ts); an id the metadata gives is sent as given.
      if (f === 'id' && input.idFromName) continue;
      const value = (input.meta as Record<string, unknown>)[f];
      // Fallbacks (file name as title, "Ukjent") are left to the server, which reads the file's own metadata first.
      if (value === undefined || (guessed.has(f) && !withGuesses)) continue;
      form.set(f, String(value));
    }
    const url = method === 'POST' ? `${server}/documents` : `${server}/documents/${encodeURIComponent(storedId)}`;
    const res = await fetch(`${url}?stream=true`, {
      method,
      body: form,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const { status, body } = await answer(res, onEvent);
    return { res: { status, ok: status >= 200 && status < 300, statusText: res.statusText }, body };
  };
  // The document to replace when the id turns out taken: the one the server names, else the id given.
  let storedId = input.meta.id;
  let { res, body } = await send('POST', false);
  // The file named no organisation or date of its own: then the fallbacks the in-process ingest would use.
  if (res.status === 400 && body.errors?.some((e) => guessed.has(e.field))) ({ res, body } = await send('POST', true));
  // An id given outside its organisation's namespace (a new upload may not take it) may still name a document stored
  // before the rule, or by a local ingest: replace that one; when there is none, the POST's refusal stands.
  const outsideNamespace = res.status === 400 && !input.idFromName && body.errors?.some((e) => e.field === 'id');
  if ((res.status === 409 && body.code === 'conflict:document') || outsideNamespace) {
    if (typeof body.documentId === 'string') storedId = body.documentId;
    const refusal = { res, body };
    ({ res, body } = await send('PUT', false));
    if (res.status === 400 && body.errors?.some((e) => guessed.has(e.field))) ({ res, body } = await send('PUT', true));
    if (outsideNamespace && res.status === 404) ({ res, body } = refusal);
  }
  const base = { path: input.path, id: body.document?.id ?? storedId };
  if (res.ok && body.document) {
    const passages = body.document.passageCount;
    if (body.outcome === 'unchanged')
      return {
        ...base,
        outcome: 'duplicate',
        passages,
        duplicateOf: { id: body.document.id, title: body.document.title },
      };
    return { ...base, outcome: body.outcome as FileOutcome, passages };
  }
  if (res.status === 409 && body.code === 'conflict:duplicate') {
    const m = /som «(.*)» \(id «(.*)»\)/.exec(body.detail ?? '');
    return {
      ...base,
      outcome: 'duplicate',
      passages: 0,
      duplicateOf: { id: m?.[2] ?? '?', title: m?.[1] ?? '?' },
    };
  }
  // The file itself refused (too long, encrypted, no text, …): named like a local ingest names it; the run goes on.
  if (FILE_REFUSALS.has(res.status) && body.code && body.code in ERROR_CODES)
    return { ...base, refusal: new AppError(body.code as ErrorCode, { detail: body.detail ?? body.title }) };
  // Its id refused (outside its organisation's namespace): the file named, the server's reason; the run goes on.
  if (outsideNamespace)
    return {
      ...base,
      refusal: new AppError('bad_request:validation', { detail: `«${basename(input.path)}»: ${body.detail}` }),
    };
  if (res.status === 401 || res.status === 403)
    throw new AppError(res.status === 401 ? 'unauthorized:token' : 'forbidden:role', {
      detail: `${input.path}: ${tokenAdvice(server, res.status, { sent: token !== undefined, detail: body.detail })}`,
    });
  throw new AppError('internal:server', {
    detail: `${input.path}: serveren svarte ${res.status}: ${body.detail ?? body.title ?? res.statusText}`,
  });
}
