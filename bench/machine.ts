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
}

const pkgVersion = (name: string) => {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
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
  };
}

export const loadAverageNow = () => Math.round(loadavg()[0] * 100) / 100;
