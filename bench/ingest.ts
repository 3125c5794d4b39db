/**
 * Ingest throughput through the real path: ingestText (clean, repair, cut) → writeDocuments (embed with the local
 * embedder, then one transaction: rows with their generated tsvector, binary COPY of vectors), PGlite on disk.
 * The phases are timed apart so a miss of the target says where the time went.
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
  /** Seconds per phase: cut = ingestText, check = unchanged-document lookups, embed, save = the write transaction. */
  phases: { cut: number; check: number; embed: number; save: number };
  /** The save transaction by statement, slowest first. */
  saveStatements: StatementTime[];
}

/** Wraps an embedder to record when embedding starts and ends and how long it takes in total. */
function clockedEmbedder(inner: VectorEmbedder) {
  const clock = { first: 0, last: 0, total: 0 };
  const embedder: VectorEmbedder = {
    model: inner.model,
    dimension: inner.dimension,
    async embedDocuments(texts) {
      const t = performance.now();
      if (!clock.first) clock.first = t;
      const out = await inner.embedDocuments(texts);
      clock.last = performance.now();
      clock.total += clock.last - t;
      return out;
    },
  };
  return { embedder, clock };
}

export async function benchIngest(db: Db, inner: VectorEmbedder, corpus: Corpus): Promise<IngestResult> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const docs = corpus.docs.map((d) => ingestText(d.raw, d.meta));
  const t1 = performance.now();
  const { embedder, clock } = clockedEmbedder(inner);
  const profiled = profiledDb(db);
  const written = await writeDocuments(profiled.db, embedder, docs);
  const t2 = performance.now();
  const seconds = (t2 - t0) / 1000;
  return {
    passages: written.passagesWritten,
    documents: docs.length,
    seconds: round(seconds),
    passagesPerSecond: perSecond(written.passagesWritten, seconds),
    passagesPerCpuSecond: perSecond(written.passagesWritten, cpuMs(c0) / 1000),
    phases: {
      cut: round((t1 - t0) / 1000),
      check: round((clock.first - t1) / 1000),
      embed: round(clock.total / 1000),
      save: round((t2 - clock.last) / 1000),
    },
    saveStatements: profiled.times(),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
