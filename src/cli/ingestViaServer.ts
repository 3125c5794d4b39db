/**
 * `npm run ingest` while a server holds the data directory: the files go through the server's own door,
 * POST /documents (PUT /documents/:id for an id already stored, as the in-process ingest replaces it), with the
 * metadata the in-process ingest would use. The summary is the same; each file is its own transaction here.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { resolveInputs, type CorpusFile } from '../corpus/inputs.js';
import type { FileOutcome, StoreFilesResult, StoredFile } from '../corpus/storeFiles.js';
import type { DocumentMeta } from '../domain/types.js';
import { AppError } from '../errors.js';

interface Problem {
  status?: number;
  code?: string;
  detail?: string;
  title?: string;
  errors?: { field: string; reason: string }[];
}

const FIELDS = ['id', 'organisation', 'title', 'kind', 'date', 'language', 'source', 'visibility'] as const;

export async function ingestViaServer(
  server: string,
  paths: string[],
  {
    defaults,
    token,
    onProgress,
  }: { defaults: Partial<DocumentMeta>; token?: string; onProgress?: (done: number, total: number) => void },
): Promise<StoreFilesResult> {
  const inputs = await resolveInputs(paths, defaults);
  const documents: StoredFile[] = [];
  let passagesWritten = 0;
  onProgress?.(0, inputs.length);
  for (const [i, input] of inputs.entries()) {
    const stored = await uploadOne(server, input, token);
    if (stored.outcome === 'created' || stored.outcome === 'replaced') passagesWritten += stored.passages;
    documents.push(stored);
    onProgress?.(i + 1, inputs.length);
  }
  return { documents, documentsRead: inputs.length, passagesWritten };
}

async function uploadOne(server: string, input: CorpusFile, token?: string): Promise<StoredFile> {
  const bytes = await readFile(input.path);
  const guessed = new Set<string>(input.guessed ?? []);
  const send = async (method: 'POST' | 'PUT', withGuesses: boolean) => {
    const form = new FormData();
    form.set('file', new Blob([bytes]), basename(input.path));
    for (const f of FIELDS) {
      const value = (input.meta as Record<string, unknown>)[f];
      // Fallbacks (file name as title, "Ukjent") are left to the server, which reads the file's own metadata first.
      if (value === undefined || (guessed.has(f) && !withGuesses)) continue;
      form.set(f, String(value));
    }
    const url = method === 'POST' ? `${server}/documents` : `${server}/documents/${encodeURIComponent(input.meta.id)}`;
    const res = await fetch(url, { method, body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = (await res.json().catch(() => ({}))) as Problem & {
      outcome?: FileOutcome | 'unchanged';
      document?: { id: string; title: string; passageCount: number };
    };
    return { res, body };
  };
  let { res, body } = await send('POST', false);
  // The file named no organisation or date of its own: then the fallbacks the in-process ingest would use.
  if (res.status === 400 && body.errors?.some((e) => guessed.has(e.field))) ({ res, body } = await send('POST', true));
  if (res.status === 409 && body.code === 'conflict:document') {
    ({ res, body } = await send('PUT', false));
    if (res.status === 400 && body.errors?.some((e) => guessed.has(e.field))) ({ res, body } = await send('PUT', true));
  }
  const base = { path: input.path, id: input.meta.id };
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
  throw new AppError(res.status === 401 ? 'unauthorized:token' : 'internal:server', {
    detail:
      `${input.path}: serveren svarte ${res.status}: ${body.detail ?? body.title ?? res.statusText}` +
      (res.status === 401 ? ' (sett API_TOKENS til en av serverens nøkler)' : ''),
  });
}
