/**
 * The order of searches and transactions on PGlite's one connection (issue 14). A search is a reader: searches run
 * side by side, their statements interleaved with any single statement (/health's count, a rate-limit hit). A
 * transaction is a writer: it begins only when no search is running, and a search that arrives while a
 * transaction runs or waits starts after it. So a search waits for at most the one transaction ahead of it, never
 * again between its own statements, and a transaction waits for at most the searches ahead of it (no starvation:
 * first come, first served between the two kinds).
 *
 * NOTE: a gate on this side rather than a database transaction around the search: a transaction also holds the
 * connection while this thread prepares the next statement, and under load those gaps (tens of ms) kept /health's
 * statements waiting behind every search (bench:uploads trace: /health's statement p95 10 → 84 ms).
 */
export class SectionGate {
  private readers = 0;
  private writing = false;
  private readonly queue: { kind: 'read' | 'write'; go: () => void }[] = [];

  /** Run fn as a reader (a search section). */
  async read<T>(fn: () => Promise<T>): Promise<T> {
    if (this.writing || this.queue.length > 0) await this.wait('read');
    else this.readers++;
    try {
      return await fn();
    } finally {
      this.readers--;
      this.next();
    }
  }

  /** Run fn as a writer (a transaction). */
  async write<T>(fn: () => Promise<T>): Promise<T> {
    if (this.writing || this.readers > 0 || this.queue.length > 0) await this.wait('write');
    else this.writing = true;
    try {
      return await fn();
    } finally {
      this.writing = false;
      this.next();
    }
  }

  /** How many readers and writers wait to start (tests). */
  get waiting(): number {
    return this.queue.length;
  }

  private wait(kind: 'read' | 'write'): Promise<void> {
    return new Promise((go) => this.queue.push({ kind, go }));
  }

  /** Let in whoever is next: one writer when no reader runs, or every reader up to the next writer. */
  private next(): void {
    while (!this.writing && this.queue.length > 0) {
      const head = this.queue[0];
      if (head.kind === 'write') {
        if (this.readers > 0) return;
        this.queue.shift();
        this.writing = true;
        head.go();
        return;
      }
      this.queue.shift();
      this.readers++;
      head.go();
    }
  }
}
