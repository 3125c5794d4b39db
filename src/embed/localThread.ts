/**
 * Runs the local embedder's large batches on a worker thread, so a caller can have the next batch embedded
 * while its own thread works on something else (writeDocuments saves the previous batch into PGlite, which runs
 * on the main thread).
 *
 * Every batch is posted to the worker at once, with a shared claim flag. The worker takes batches in order; the
 * calling thread takes the oldest unclaimed one whenever IT is idle (a setImmediate callback runs only when the
 * event loop gets control, i.e. when the caller is waiting for vectors). Whoever claims a batch first embeds it,
 * so nothing is done twice and neither thread idles while the other has work queued: that covers the worker's
 * start-up and its first, not yet optimised batches, and the worker never waits for the caller to hand it the
 * next batch (a long synchronous PGlite statement keeps the caller's event loop busy for seconds). Both run the
 * same LocalEmbedder code, so the vectors are the same wherever a batch ran. The worker is started once enough
 * texts wait to pay for its start-up, and unref'd while it owes nothing; if it cannot start or dies, the calling
 * thread embeds everything.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CLAIM, type EmbedReply, type EmbedRequest } from './localProtocol.js';

// NOTE: from src/ (tsx, vitest) the worker is TypeScript, which a worker thread can't load by itself. It loads
// it through tsx's require hook, which transforms in the worker's own thread: tsx's ESM loader (module.register)
// would start a second, hooks thread and took ~0.45 s to come up against ~0.15 s. From the compiled dist/ the
// worker is plain JavaScript. (An eval'd worker is CommonJS, hence require.)
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function workerSource(): string {
  const entry = fileURLToPath(new URL(FROM_SOURCE ? './localWorker.ts' : './localWorker.js', import.meta.url));
  if (!FROM_SOURCE) return `import(${JSON.stringify(pathToFileURL(entry).href)})`;
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  return `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`;
}

interface Job {
  id: number;
  texts: string[];
  claim: Int32Array;
  resolve: (vectors: Float64Array) => void;
  reject: (err: Error) => void;
}

export class LocalEmbedderThread {
  private worker: Worker | undefined;
  private workerUp = false;
  private dead = false;
  private nextId = 0;
  /** Batches not answered yet, oldest first. */
  private readonly jobs = new Map<number, Job>();
  private stealScheduled = false;
  private readonly readyWaiters: ((up: boolean) => void)[] = [];
  /** Batches embedded by the worker and by this thread so far. */
  readonly batches = { worker: 0, here: 0 };

  private waitingTexts = 0;

  /**
   * @param options LocalEmbedderOptions for the worker's embedder
   * @param embedHere the same embedder on this thread: vectors of texts, row after row
   * @param startAt texts waiting at which the worker is started; until then this thread embeds them when idle.
   *   Starting takes 0.15–0.45 s on this machine kind, about what 2,000–4,000 texts take to embed.
   * @param helpWhenIdle whether this thread takes unclaimed batches when idle (tests turn it off to see the
   *   worker do everything; without a worker this thread does everything regardless)
   */
  constructor(
    private readonly options: object,
    private readonly embedHere: (texts: string[]) => Float64Array,
    private readonly startAt = 0,
    private readonly helpWhenIdle = true,
  ) {}

  /** Vectors of `texts`, row after row (texts.length × dimension). */
  embed(texts: string[]): Promise<Float64Array> {
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, texts, claim: new Int32Array(new SharedArrayBuffer(4)), resolve, reject };
      this.jobs.set(job.id, job);
      this.waitingTexts += texts.length;
      if (this.worker) this.post(job);
      else if (this.waitingTexts >= this.startAt && this.start()) for (const j of this.jobs.values()) this.post(j);
      this.scheduleSteal();
    });
  }

  private post(job: Job): void {
    this.worker!.ref();
    this.worker!.postMessage({ id: job.id, texts: job.texts, claim: job.claim } satisfies EmbedRequest);
  }

  /** When this thread is next idle, embed the oldest batch nobody has claimed, and so on while any is left. */
  private scheduleSteal(): void {
    if (this.stealScheduled || (!this.helpWhenIdle && this.worker)) return;
    this.stealScheduled = true;
    setImmediate(() => {
      this.stealScheduled = false;
      for (const job of this.jobs.values()) {
        if (Atomics.compareExchange(job.claim, 0, CLAIM.open, CLAIM.byCaller) !== CLAIM.open) continue;
        this.settle(job, () => this.embedHere(job.texts), 'here');
        this.scheduleSteal(); // one batch per turn, so a caller waiting on it goes on first
        return;
      }
    });
  }

  private settle(job: Job, vectors: () => Float64Array, by: 'worker' | 'here'): void {
    this.jobs.delete(job.id);
    this.waitingTexts -= job.texts.length;
    if (this.jobs.size === 0) this.worker?.unref();
    try {
      job.resolve(vectors());
      this.batches[by]++;
    } catch (err) {
      job.reject(err as Error);
    }
  }

  private start(): Worker | undefined {
    if (this.worker || this.dead) return this.worker;
    try {
      this.worker = new Worker(workerSource(), { eval: true, workerData: this.options, execArgv: [] });
    } catch {
      this.stop();
      return undefined;
    }
    this.worker.unref();
    this.worker.on('message', (reply: EmbedReply) => {
      if ('ready' in reply) {
        this.workerUp = true;
        for (const resolve of this.readyWaiters.splice(0)) resolve(true);
        return;
      }
      const job = this.jobs.get(reply.id);
      if (!job || 'skipped' in reply) return;
      if ('error' in reply)
        this.settle(
          job,
          () => {
            throw new Error(reply.error);
          },
          'worker',
        );
      else this.settle(job, () => reply.vectors, 'worker');
    });
    this.worker.on('error', () => this.stop());
    this.worker.on('exit', () => this.stop());
    return this.worker;
  }

  /** No worker any more: what it had claimed and not answered is this thread's to do. */
  private stop(): void {
    this.dead = true;
    this.worker = undefined;
    this.workerUp = false;
    for (const job of this.jobs.values()) Atomics.store(job.claim, 0, CLAIM.open);
    for (const resolve of this.readyWaiters.splice(0)) resolve(false);
    if (this.jobs.size > 0) this.scheduleSteal();
  }

  /** Start the worker if need be; true once it is up, false if it can't run (everything is embedded here). */
  ready(): Promise<boolean> {
    if (this.workerUp) return Promise.resolve(true);
    if (this.dead || !this.start()) return Promise.resolve(false);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Stop the worker (a process may also just exit: an idle worker never holds it open). */
  async close(): Promise<void> {
    const w = this.worker;
    this.stop();
    if (w) await w.terminate();
  }
}
