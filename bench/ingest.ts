/**
 * Ingest throughput through the real path: ingestText (clean, repair, cut) → writeDocuments (the local embedder on
 * its worker thread, saving streamed into one transaction: binary COPY of rows and vectors, generated tsvector,
 * GIN, statistics triggers), PGlite on disk. The phases are timed apart so a miss of the target says where the
 * time went. NOTE: embedding runs on the worker while the transaction saves, so embed and save overlap and the
 * phases add up to more than the total.
 */
import { performance } from 'node:perf_hooks';
import { ingestText } from '../src/ingest/index.js';
import type { Db } from '../src/store/db.js';
import type { VectorEmbedder } from '../src/store/embeddings.js';
import { writeDocuments } from '../src/store/writeDocuments.js';
import type { Corpus } from './corpus.js';
import { profiledDb, type StatementTime } from './profile.js';
import { cpuMs, perSecond } from './stats.js';

export interface IngestResult {
  passages: number;
  documents: number;
  seconds: number;
  passagesPerSecond: number;
  /** Passages per CPU-second of this process: what an otherwise idle machine would reach, about. */
  passagesPerCpuSecond: number;
  /**
   * Seconds per phase: cut = ingestText, check = unchanged-document lookups, embed = first embedding request to
   * last vector received, save = the write transaction from BEGIN to COMMIT (overlapping embed when streamed).
   */
  phases: { cut: number; check: number; embed: number; save: number };
  /** CPU seconds of this process (all threads: the embedder's worker too). */
  cpuSeconds: number;
  /** Whether embedding overlapped the save (an embedder working off the main thread). */
  embedOverlapsSave: boolean;
  /** The save transaction by statement, slowest first. */
  saveStatements: StatementTime[];
}

/** Wraps an embedder to record when embedding is first asked for and when the last vectors arrive. */
function clockedEmbedder(inner: VectorEmbedder) {
  const clock = { first: 0, last: 0 };
  const embedder: VectorEmbedder & { embedsOffMainThread?: boolean } = {
    model: inner.model,
    dimension: inner.dimension,
    embedsOffMainThread: (inner as { embedsOffMainThread?: boolean }).embedsOffMainThread,
    async embedDocuments(texts) {
      if (!clock.first) clock.first = performance.now();
      const out = await inner.embedDocuments(texts);
      clock.last = Math.max(clock.last, performance.now());
      return out;
    },
  };
  return { embedder, clock };
}

/** Wraps a Db to time its transactions (the save). */
function clockedTransactions(db: Db) {
  const clock = { seconds: 0 };
  const wrapped: Db = Object.create(db);
  wrapped.transaction = async (fn) => {
    const t = performance.now();
    try {
      return await db.transaction(fn);
    } finally {
      clock.seconds += (performance.now() - t) / 1000;
    }
  };
  return { db: wrapped, clock };
}

export async function benchIngest(db: Db, inner: VectorEmbedder, corpus: Corpus): Promise<IngestResult> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const docs = corpus.docs.map((d) => ingestText(d.raw, d.meta));
  const t1 = performance.now();
  const { embedder, clock } = clockedEmbedder(inner);
  const profiled = profiledDb(db);
  const saving = clockedTransactions(profiled.db);
  const written = await writeDocuments(saving.db, embedder, docs);
  const t2 = performance.now();
  const cpuSeconds = cpuMs(c0) / 1000;
  const seconds = (t2 - t0) / 1000;
  return {
    passages: written.passagesWritten,
    documents: docs.length,
    seconds: round(seconds),
    passagesPerSecond: perSecond(written.passagesWritten, seconds),
    passagesPerCpuSecond: perSecond(written.passagesWritten, cpuSeconds),
    cpuSeconds: round(cpuSeconds),
    embedOverlapsSave: Boolean(embedder.embedsOffMainThread),
    phases: {
      cut: round((t1 - t0) / 1000),
      check: round((clock.first - t1) / 1000),
      embed: round((clock.last - clock.first) / 1000),
      save: round(saving.clock.seconds),
    },
    saveStatements: profiled.times(),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
