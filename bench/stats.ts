/** Measuring helpers shared by the bench steps: percentiles, throughput, memory and directory sizes. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentile of sorted values (p in 0..100). */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** p50/p95/p99 and mean of per-call times in milliseconds. */
export function latency(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: ms.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length)),
  };
}

/** Seconds `fn` takes, with its result. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ seconds: number; result: T }> {
  const t = performance.now();
  const result = await fn();
  return { seconds: (performance.now() - t) / 1000, result };
}

/** CPU milliseconds (user + system) this process used since `since` (a process.cpuUsage() reading). */
export function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

export const perSecond = (count: number, seconds: number) => Math.round(count / Math.max(seconds, 1e-9));

const MB = 1024 * 1024;

/**
 * Peak resident set size of this process so far, in MB. Read from the kernel's high-water mark (VmHWM), because
 * a timer sampling process.memoryUsage() never fires while PGlite runs a long statement on the event loop.
 */
export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux: fall back to the current RSS
  }
  return rssMb();
}

export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / MB);
}

/** Total size of the files under `dir`, in MB. */
export function dirSizeMb(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) bytes += statSync(p).size;
    }
  };
  walk(dir);
  return Math.round((bytes / MB) * 10) / 10;
}

/** Fraction of `exact`'s ids that `approx` also returned, averaged over queries (recall@k against exact search). */
export function recallAgainst(approx: string[][], exact: string[][]): number {
  let sum = 0;
  let n = 0;
  exact.forEach((truth, i) => {
    if (truth.length === 0) return;
    const got = new Set(approx[i]);
    sum += truth.filter((id) => got.has(id)).length / truth.length;
    n++;
  });
  return Math.round((sum / Math.max(1, n)) * 1000) / 1000;
}
