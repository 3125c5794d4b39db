/**
 * At most `concurrency` uploads are read, embedded and saved at once; the others wait in order. Each waiting upload
 * hears its place in the line (1 = next) when it joins and whenever the line moves, which the upload's SSE progress
 * passes on as `{ phase: 'queued', position }`. An upload whose client went away leaves the line.
 */
interface Waiter {
  start: () => void;
  onPosition: (position: number) => void;
}

export class UploadQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly concurrency: number) {}

  /** Uploads waiting for a turn now. */
  get length(): number {
    return this.waiting.length;
  }

  /**
   * Run `work` when a turn is free.
   * @example await queue.run(() => storeUpload(…), (n) => send('progress', { phase: 'queued', position: n }));
   */
  async run<T>(
    work: () => Promise<T>,
    onPosition: (position: number) => void = () => undefined,
    signal?: AbortSignal,
  ): Promise<T> {
    if (this.running >= this.concurrency) await this.turn(onPosition, signal);
    else this.running++;
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private turn(onPosition: (position: number) => void, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { start: resolve, onPosition };
      this.waiting.push(waiter);
      onPosition(this.waiting.length);
      signal?.addEventListener(
        'abort',
        () => {
          const at = this.waiting.indexOf(waiter);
          if (at < 0) return;
          this.waiting.splice(at, 1);
          this.announce(at);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** A turn is over: hand it to the first in line (the count of running uploads stays), else free it. */
  private release(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.running--;
      return;
    }
    this.announce(0);
    next.start();
  }

  /** Tell everyone from index `from` on their new place. */
  private announce(from: number): void {
    for (let i = from; i < this.waiting.length; i++) this.waiting[i].onPosition(i + 1);
  }
}
