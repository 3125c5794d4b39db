/**
 * PGlite on a worker thread (worker.ts), seen from this thread as the few PGlite methods the driver uses
 * (PgliteLike), so open.ts wraps it exactly as it wraps an in-process PGlite.
 *
 * Why: PGlite is PostgreSQL compiled to WASM, and every statement runs synchronously on the thread that holds it:
 * in-process, a save batch's COPY with its triggers held the server's event loop for tens of ms at a time, and
 * /health and /search waited behind it while a large upload was saved. On the worker they wait only for the
 * database itself (PGlite runs one statement at a time either way), never for this thread.
 *
 * What crosses the thread: SQL text and parameters, rows (structured clone: strings, numbers, arrays, Dates,
 * parsed JSON, typed arrays and BigInt all survive), COPY data as a Blob (cloned by handle, not copied), errors
 * with their fields (workerProtocol.ts). A worker that stops (crash, WASM abort) fails every waiting statement and
 * every later one with `unavailable:store`, never a hang.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.js';
import {
  deserializeError,
  serializeError,
  type WorkerOpenOptions,
  type WorkerReply,
  type WorkerRequest,
} from './workerProtocol.js';

/** What the driver (open.ts wrapPglite) needs of PGlite; PGlite itself and PgliteWorker both have it. */
export interface PgliteTxLike {
  query<T>(sql: string, params?: unknown[], opts?: { blob?: Blob }): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}
export interface PgliteLike extends PgliteTxLike {
  transaction<T>(fn: (tx: PgliteTxLike) => Promise<T>): Promise<T>;
  dumpDataDir(compression: 'gzip'): Promise<Blob>;
  close(): Promise<void>;
}

// NOTE: the same approach as src/embed/localThread.ts: from src/ (tsx, vitest) the worker is TypeScript, loaded
// through tsx's CommonJS require hook inside the worker; from the compiled dist/ it is plain JavaScript.
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function workerSource(): string {
  const entry = fileURLToPath(new URL(FROM_SOURCE ? './worker.ts' : './worker.js', import.meta.url));
  if (!FROM_SOURCE) return `import(${JSON.stringify(pathToFileURL(entry).href)})`;
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  return `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`;
}

type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export class PgliteWorker implements PgliteLike {
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private nextTx = 0;
  /** Set once the worker is gone: every call fails with it. */
  private stopped: Error | undefined;
  private closing = false;

  /** @param thread the worker thread itself (tests end it to see a crash handled) */
  private constructor(readonly thread: Worker) {}

  /**
   * Start the worker and open PGlite in it; rejects with PGlite's own start-up error (its message intact, so
   * store/diskSpace.ts can tell a full disk).
   */
  static async open(options: WorkerOpenOptions): Promise<PgliteWorker> {
    // NOTE: a dump to restore travels as bytes, moved not copied: a Blob backed by a file (openAsBlob, as
    // `npm run restore` opens one) cannot be cloned to another thread.
    const dump = options.loadDataDir && (await options.loadDataDir.arrayBuffer());
    const workerData: WorkerOpenOptions = { ...options, loadDataDir: undefined, ...(dump ? { dumpBytes: dump } : {}) };
    return new Promise((resolve, reject) => {
      const worker = new Worker(workerSource(), {
        eval: true,
        workerData,
        transferList: dump ? [dump] : [],
        execArgv: [],
      });
      const host = new PgliteWorker(worker);
      let ready = false;
      worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) {
          ready = true;
          // An idle worker never keeps the process alive (as an in-process PGlite would not); call() refs it.
          worker.unref();
          resolve(host);
        } else if ('failed' in reply) {
          reject(deserializeError(reply.failed));
          void worker.terminate();
        } else host.settle(reply);
      });
      worker.on('error', (err) => {
        if (!ready) reject(err);
        host.stop(`it failed: ${err.message}`, err);
      });
      worker.on('exit', (code) => {
        if (!ready) reject(new Error(`PGlite's worker thread exited with code ${code} while starting`));
        host.stop(`it exited with code ${code}`);
      });
    });
  }

  private settle(reply: Extract<WorkerReply, { id: number }>): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.thread.unref();
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(deserializeError(reply.error));
  }

  private stop(why: string, cause?: unknown): void {
    if (this.stopped) return;
    this.stopped = this.closing
      ? new Error('PGlite is closed')
      : new AppError('unavailable:store', {
          detail:
            `Databasetråden stoppet uventet (${why}), så lageret svarer ikke. Start serveren på nytt; ` +
            'det som var lagret, er i behold.',
          cause,
        });
    for (const waiter of this.pending.values()) waiter.reject(this.stopped);
    this.pending.clear();
  }

  private call<T>(request: Request): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.thread.ref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.thread.postMessage({ ...request, id } as WorkerRequest);
      } catch (err) {
        // A parameter that cannot be cloned (DataCloneError): this statement fails, the worker never saw it.
        this.settle({ id, ok: false, error: serializeError(err) });
      }
    });
  }

  private statements(tx?: number): PgliteTxLike {
    return {
      query: async <T>(sql: string, params: unknown[] = [], opts?: { blob?: Blob }) => ({
        rows: await this.call<T[]>({ op: 'query', sql, params, tx, ...(opts?.blob ? { blob: opts.blob } : {}) }),
      }),
      exec: (sql: string) => this.call({ op: 'exec', sql, tx }),
    };
  }

  query<T>(sql: string, params?: unknown[], opts?: { blob?: Blob }): Promise<{ rows: T[] }> {
    return this.statements().query<T>(sql, params, opts);
  }

  exec(sql: string): Promise<unknown> {
    return this.call({ op: 'exec', sql });
  }

  /** fn's statements run in one transaction on the worker; it commits when fn returns and rolls back when it throws. */
  async transaction<T>(fn: (tx: PgliteTxLike) => Promise<T>): Promise<T> {
    const tx = this.nextTx++;
    await this.call({ op: 'begin', tx });
    let result: T;
    try {
      result = await fn(this.statements(tx));
    } catch (err) {
      // The rollback's own failure (a stopped worker) says less than fn's error.
      await this.call({ op: 'end', tx, commit: false }).catch(() => undefined);
      throw err;
    }
    await this.call({ op: 'end', tx, commit: true });
    return result;
  }

  dumpDataDir(): Promise<Blob> {
    return this.call<Blob>({ op: 'dump' });
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.call({ op: 'close' });
    } finally {
      this.closing = true;
      await this.thread.terminate();
    }
  }
}
