/**
 * Writes ingested documents into the store in ONE transaction with set-based statements, so a failed ingest
 * leaves the store exactly as it was and a bulk load costs a handful of statements, not a few per document.
 *
 * A passage is inserted together with its vector. With an embedder that works off the main thread (the local
 * one, on a worker) the passages are saved in a few growing batches inside that one transaction while the worker
 * embeds the next ones, so embedding hides behind saving (PGlite runs on the main thread): at 10k passages the
 * ~0.85 s of embedding all but disappears from the wall clock, for ~0.3 CPU-s more in the save (more statements;
 * bench/save-breakdown.ts). With any other embedder (a remote API) everything is embedded before the transaction
 * opens, so the store is never held while waiting for the network. Either way an embedder failure writes nothing.
 */
import type { IngestedDocument } from '../domain/types.js';
import type { Db, Tx } from './db.js';
import {
  getContentHashes,
  insertPassages,
  passageRows,
  saveDocumentRows,
  updateDocumentsMeta,
  type SaveOutcome,
} from './documents.js';
import { embeddingInput, type VectorEmbedder } from './embeddings.js';

export interface WriteProgress {
  (event: { phase: 'embed' | 'save'; done: number; total: number }): void;
}

export interface WriteResult {
  documents: { id: string; outcome: SaveOutcome; passages: number }[];
  passagesWritten: number;
}

type Vector = number[] | undefined;

/** Most passages saved by one statement of a streamed save (see saveBatchEnds). */
const MAX_SAVE_BATCH = 20_000;
/** Fewest passages whose save is streamed (see saveBatchEnds). */
export const STREAM_FROM = 4096;

/** The local embedder's flag (LocalEmbedder.embedsOffMainThread); other embedders don't have it. */
const embedsOffMainThread = (e: VectorEmbedder) =>
  (e as { embedsOffMainThread?: boolean }).embedsOffMainThread === true;

export async function writeDocuments(
  db: Db,
  embedder: VectorEmbedder,
  docs: IngestedDocument[],
  {
    onProgress,
    embedBatch = 512,
    streamFrom = STREAM_FROM,
  }: {
    onProgress?: WriteProgress;
    embedBatch?: number;
    /** Fewest passages a save streams in batches (an off-thread embedder only; see saveBatchEnds). */
    streamFrom?: number;
  } = {},
): Promise<WriteResult> {
  const ids = docs.map((d) => d.meta.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`duplicate document id in one ingest: ${dup}`);

  // Unchanged documents need no embedding: sort them out before the expensive step.
  const stored = await getContentHashes(db, { ids });
  const changed = docs.filter((d) => stored.get(d.meta.id) !== d.contentHash);
  const unchanged = docs.filter((d) => stored.get(d.meta.id) === d.contentHash);
  const rows = changed.flatMap(passageRows);
  const inputs = changed.flatMap((d) => d.passages.map((p) => embeddingInput(p)));
  const embedded = (done: number) => onProgress?.({ phase: 'embed', done, total: inputs.length });

  let metaChanged: Set<string>;
  if (embedsOffMainThread(embedder)) {
    // Every batch is requested now; the worker (and this thread, whenever it waits) works through them while
    // this thread saves.
    const batches = requestBatches(embedder, inputs, embedBatch, embedded);
    metaChanged = await db.transaction(async (tx) => {
      await saveDocumentRows(tx, { docs: changed });
      let start = 0;
      for (const end of saveBatchEnds(rows.length, embedBatch, { streamFrom })) {
        await insertPassages(tx, { rows: rows.slice(start, end), vectors: await batches.vectors(start, end) });
        start = end;
      }
      return updateDocumentsMeta(tx, { docs: unchanged });
    });
  } else {
    const vectors: Vector[] = [];
    for (let i = 0; i < inputs.length; i += embedBatch) {
      vectors.push(...(await embedder.embedDocuments(inputs.slice(i, i + embedBatch))));
      embedded(Math.min(i + embedBatch, inputs.length));
    }
    metaChanged = await db.transaction(async (tx: Tx) => {
      await saveDocumentRows(tx, { docs: changed });
      await insertPassages(tx, { rows, vectors });
      return updateDocumentsMeta(tx, { docs: unchanged });
    });
  }
  onProgress?.({ phase: 'save', done: docs.length, total: docs.length });

  const outcome = (d: IngestedDocument): SaveOutcome =>
    !stored.has(d.meta.id)
      ? 'created'
      : stored.get(d.meta.id) !== d.contentHash
        ? 'replaced'
        : metaChanged.has(d.meta.id)
          ? 'metadata'
          : 'unchanged';
  return {
    documents: docs.map((d) => ({ id: d.meta.id, outcome: outcome(d), passages: d.passages.length })),
    passagesWritten: rows.length,
  };
}

/**
 * Ask for the vectors of all inputs at once, in batches of `size`; `vectors(start, end)` waits for the batches
 * covering that range. Progress is reported in order as batches arrive.
 */
function requestBatches(embedder: VectorEmbedder, inputs: string[], size: number, embedded: (done: number) => void) {
  const batches: Promise<number[][]>[] = [];
  let reported = Promise.resolve();
  for (let i = 0; i < inputs.length; i += size) {
    const batch = embedder.embedDocuments(inputs.slice(i, i + size));
    const done = Math.min(i + size, inputs.length);
    // NOTE: a batch that fails is rethrown where it is awaited (rolling the transaction back); these handlers only
    // keep failures of batches no one waits for any more from becoming unhandled rejections.
    batch.catch(() => undefined);
    reported = reported.then(async () => {
      await batch;
      embedded(done);
    });
    reported.catch(() => undefined);
    batches.push(batch);
  }
  return {
    async vectors(start: number, end: number): Promise<Vector[]> {
      const out: Vector[] = [];
      for (let b = Math.floor(start / size); b * size < end; b++) {
        const got = await batches[b];
        const from = Math.max(start, b * size);
        const to = Math.min(end, (b + 1) * size);
        for (let i = from; i < to; i++) out.push(got[i - b * size]);
      }
      return out;
    },
  };
}

/**
 * Where the streamed save cuts the passages into INSERT statements (end offsets): first one embedding batch, so
 * saving starts as soon as it is embedded, then each batch `growth` times the one before. Growing keeps the
 * statements few — each fires the BM25 statistics trigger once, and later ones update lexemes the earlier ones
 * inserted — while the worker, embedding ~3× faster than PGlite saves, stays ahead. At most `largest` rows a
 * statement, so one COPY buffer (~3.7 KB a passage) stays under ~75 MB. Fewer than `streamFrom` passages are
 * saved in one statement: embedding them takes a few hundred ms at most, and in a fresh process (the worker
 * starting, PGlite's code not yet optimised) streaming 2k passages measured no faster than not.
 * @example saveBatchEnds(10_000, 512) // [512, 2048, 6656, 10000]
 */
export function saveBatchEnds(
  total: number,
  first: number,
  {
    growth = 3,
    largest = MAX_SAVE_BATCH,
    streamFrom = STREAM_FROM,
  }: { growth?: number; largest?: number; streamFrom?: number } = {},
): number[] {
  if (total < streamFrom) return total > 0 ? [total] : [];
  const ends: number[] = [];
  for (let end = 0, size = first; end < total; size = Math.min(size * growth, largest)) {
    end = Math.min(total, end + size);
    ends.push(end);
  }
  return ends;
}
