/**
 * Reading a file off the main thread: each job gets a fresh worker thread with a heap cap (`resourceLimits`) and a
 * time limit, so a document that inflates to hundreds of MB of text costs that worker, not the server. A worker
 * that runs out of memory or time is ended and its job refused with an IngestError (`read_out_of_memory`,
 * `read_timeout`) that tells the user to split the file; the server's own heap and event loop stay untouched.
 *
 * NOTE: a fresh worker per job rather than a pool: an OOM leaves a worker unusable anyway, a job's garbage goes
 * with its worker, and the start-up (~0.1–0.4 s) is small next to reading a file big enough to matter. Small
 * files skip the worker (`inThreadBelow`), where that start-up would be most of the work.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IngestError, ingestErrors } from '../ingest/errors.js';
import { readLimited, type DocumentLimits, type ReadJob, type ReadResult, type ReadWhat } from './readLimited.js';
import type { ReadReply } from './readProtocol.js';

export interface ReadThreadOptions extends DocumentLimits {
  /** Heap cap of the worker in MB (READ_WORKER_MAX_MB). */
  maxMemoryMb: number;
  /** Time limit for one file in ms (READ_TIMEOUT_MS). */
  timeoutMs: number;
  /** Files smaller than this many bytes are read on the calling thread (0: every file goes to a worker). */
  inThreadBelow?: number;
}

/** Files this small read in a few ms; a worker's start-up would cost more than it saves. */
export const IN_THREAD_BELOW_BYTES = 64 * 1024;

// NOTE: the same approach as src/embed/localThread.ts: from src/ (tsx, vitest) the worker is TypeScript, loaded
// through tsx's CommonJS require hook inside the worker; from the compiled dist/ it is plain JavaScript.
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function workerSource(): string {
  const entry = fileURLToPath(new URL(FROM_SOURCE ? './readWorker.ts' : './readWorker.js', import.meta.url));
  if (!FROM_SOURCE) return `import(${JSON.stringify(pathToFileURL(entry).href)})`;
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  return `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`;
}

/**
 * Whether a view's buffer may be moved to a worker: a plain ArrayBuffer of its own (not one of Node's shared
 * Buffer pools, which hold other Buffers too) that is mostly this view.
 */
const movable = (bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer &&
  bytes.buffer.byteLength > Buffer.poolSize &&
  bytes.byteLength * 2 >= bytes.buffer.byteLength;

const filenameOf = (job: ReadJob) => (job.kind === 'upload' ? job.upload.filename : job.filename);
const sizeOf = (job: ReadJob) => (job.kind === 'upload' ? job.upload.bytes : job.bytes).byteLength;

/**
 * Read a file as readLimited does, on a worker thread with `options`' memory and time limits. An upload's bytes go
 * to the worker (their buffer is transferred): the caller must not read them afterwards.
 * Throws IngestError: the reader's own, `read_out_of_memory` or `read_timeout`.
 * @example const r = await readInWorker({ kind: 'upload', upload, existing: null, limits }, options);
 */
export function readInWorker(job: ReadWhat, options: ReadThreadOptions): Promise<ReadResult> {
  const full: ReadJob = { ...job, limits: { maxChars: options.maxChars, maxPassages: options.maxPassages } };
  if (sizeOf(full) < (options.inThreadBelow ?? IN_THREAD_BELOW_BYTES)) return readLimited(full);
  const filename = filenameOf(full);
  return new Promise<ReadResult>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(workerSource(), {
      eval: true,
      workerData: full,
      // NOTE: an upload's bytes are moved to the worker, not copied: copying 20 MB held the server's event loop
      // (~10 ms on a quiet machine, far more under load), and nothing reads an upload's bytes after it is read.
      transferList: full.kind === 'upload' && movable(full.upload.bytes) ? [full.upload.bytes.buffer] : [],
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => finish(() => reject(ingestErrors.readTimeout(filename, options.timeoutMs))),
      options.timeoutMs,
    );
    worker.on('message', (reply: ReadReply) => finish(() => settle(reply, resolve, reject)));
    worker.on('error', (err: Error & { code?: string }) =>
      finish(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? ingestErrors.readOutOfMemory(filename, options.maxMemoryMb) : err,
        ),
      ),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`the read worker for ${filename} exited with code ${code} before answering`))),
    );
  });
}

/** A worker's answer as the job's outcome: its result, or its error rebuilt (an IngestError keeps its code). */
function settle(reply: ReadReply, resolve: (r: ReadResult) => void, reject: (err: Error) => void): void {
  if ('result' in reply) resolve(reply.result);
  else if (reply.error.code) reject(new IngestError(reply.error.code, reply.error.message, reply.error.details));
  else reject(new Error(reply.error.message));
}

export interface ReadSession {
  /** Read one file as readInWorker does, within the session's limits. */
  read(job: ReadWhat): Promise<ReadResult>;
  /** Stop the session's worker (call when the run is over). */
  close(): Promise<void>;
}

/**
 * Many files read one after another (`npm run ingest`), each within `options`' limits, on one worker kept for the
 * run: from src/ a worker's start-up loads the reader through tsx (measured ~8 s on a loaded machine, against ~1 s
 * to read a statute), which one worker per file would pay for every file. A job that runs out of memory or time
 * ends the worker like readInWorker's; the next job starts a fresh one. Each file's garbage is freed between jobs,
 * so the heap cap still applies per file.
 * @example const s = readSession(limits); try { for (const f of files) await s.read(f); } finally { await s.close(); }
 */
export function readSession(options: ReadThreadOptions): ReadSession {
  let worker: Worker | undefined;
  let nextId = 0;
  const stop = async () => {
    const w = worker;
    worker = undefined;
    await w?.terminate();
  };
  return {
    close: stop,
    read(what) {
      const job: ReadJob = { ...what, limits: { maxChars: options.maxChars, maxPassages: options.maxPassages } };
      if (sizeOf(job) < (options.inThreadBelow ?? IN_THREAD_BELOW_BYTES)) return readLimited(job);
      const filename = filenameOf(job);
      const w = (worker ??= new Worker(workerSource(), {
        eval: true,
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
      }));
      const id = nextId++;
      return new Promise<ReadResult>((resolve, reject) => {
        const done = (fn: () => void, end = false) => {
          clearTimeout(timer);
          w.off('message', onMessage).off('error', onError).off('exit', onExit);
          if (end) void stop();
          fn();
        };
        const onMessage = (reply: ReadReply) => {
          if (reply.id === id) done(() => settle(reply, resolve, reject));
        };
        const onError = (err: Error & { code?: string }) =>
          done(
            () =>
              reject(
                err.code === 'ERR_WORKER_OUT_OF_MEMORY'
                  ? ingestErrors.readOutOfMemory(filename, options.maxMemoryMb)
                  : err,
              ),
            true,
          );
        const onExit = (code: number) =>
          done(
            () => reject(new Error(`the read worker for ${filename} exited with code ${code} before answering`)),
            true,
          );
        const timer = setTimeout(
          () => done(() => reject(ingestErrors.readTimeout(filename, options.timeoutMs)), true),
          options.timeoutMs,
        );
        w.on('message', onMessage).on('error', onError).on('exit', onExit);
        w.postMessage({ id, job });
      });
    },
  };
}
