/** What the bench ran on, recorded with every result: a number means little without the machine and its load. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { ROOT } from './sources.js';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  pglite: string;
  pglitePgvector: string;
  langchainClassic: string;
  /** 1-minute load average when the run started; above the core count, other processes shared the CPUs. */
  loadAverageAtStart: number;
  /** How often a busy thread of this process lost the CPU at the start of the run (measurePauses); older results lack it. */
  pauses?: Pauses;
}

export interface Pauses {
  seconds: number;
  perSecond: number;
  medianMs: number;
  maxMs: number;
  /** Share of CPU time the hypervisor gave to other guests meanwhile (/proc/stat steal), when the kernel reports it. */
  stealShare: number | null;
}

/** Jiffies of all CPU time and of steal, from /proc/stat; null where there is none. */
function cpuJiffies(): { total: number; steal: number } | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: f.reduce((a, b) => a + b, 0), steal: f[7] ?? 0 };
  } catch {
    return null;
  }
}

/**
 * Spin for `ms` and count the gaps of more than 1 ms between consecutive clock reads of a loop whose turns take
 * microseconds: times this thread was not running. On a quiet machine there are none; on this kind of VM there are
 * several a second of 2–5 ms each (the same from a C loop, so not Node or PGlite), and every search that meets
 * one is slower by that much, which is what decides p95.
 */
function measurePauses(ms = 3000): Pauses {
  const before = cpuJiffies();
  const gaps: number[] = [];
  const start = performance.now();
  let last = start;
  for (;;) {
    const now = performance.now();
    if (now - last > 1) gaps.push(now - last);
    last = now;
    if (now - start >= ms) break;
  }
  const after = cpuJiffies();
  const sorted = gaps.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  const total = before && after ? after.total - before.total : 0;
  return {
    seconds: ms / 1000,
    perSecond: round(gaps.length / (ms / 1000)),
    medianMs: round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    stealShare: before && after && total > 0 ? Math.round(((after.steal - before.steal) / total) * 1000) / 1000 : null,
  };
}

const pkgVersion = (name: string) => {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'unknown';
  }
};

export function describeMachine(): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    pglite: pkgVersion('@electric-sql/pglite'),
    pglitePgvector: pkgVersion('@electric-sql/pglite-pgvector'),
    langchainClassic: pkgVersion('@langchain/classic'),
    loadAverageAtStart: Math.round(loadavg()[0] * 100) / 100,
    pauses: measurePauses(),
  };
}

export const loadAverageNow = () => Math.round(loadavg()[0] * 100) / 100;
