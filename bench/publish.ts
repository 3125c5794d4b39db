/** A bench run as saved in bench/results/<name>.json, and how it is printed and written. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from './machine.js';
import type { ReadyResult } from './ready.js';
import { renderMarkdown, renderText, sections } from './report.js';
import type { SaveVariant } from './save-breakdown.js';
import { ROOT } from './sources.js';
import type { SizeResults, TargetCheck } from './targets.js';

export interface Report {
  command: string;
  startedAt: string;
  seconds: number;
  machine: Machine & { loadAverageAtEnd: number };
  sizes: SizeResults[];
  saveBreakdown?: { size: number; variants: SaveVariant[] };
  ready?: ReadyResult;
  ingestFormats?: unknown;
  targets: TargetCheck[];
  errors: string[];
}

/** Print the tables and write bench/results/<name>.json and <name>.md. */
export function publish(report: Report, name: string): void {
  const { machine, sizes } = report;
  const secs = sections(sizes, report.ready, report.targets, report.saveBreakdown, report.ingestFormats);
  const header =
    `innspill bench — ${sizes.map((s) => s.size).join(', ')} passages, ${report.startedAt}, ${report.seconds} s` +
    `\n${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, PGlite ${machine.pglite}` +
    `, pgvector ${sizes.find((s) => s.pglite)?.pglite?.versions.pgvector ?? '?'}, load average ${machine.loadAverageAtStart} → ${machine.loadAverageAtEnd}` +
    (machine.pauses
      ? `; a busy thread lost the CPU ${machine.pauses.perSecond} times a second (median ${machine.pauses.medianMs} ms, max ${machine.pauses.maxMs} ms${machine.pauses.stealShare === null ? '' : `, steal ${Math.round(machine.pauses.stealShare * 1000) / 10} %`})`
      : '');
  process.stdout.write(`${header}\n${renderText(secs)}\n`);
  for (const e of report.errors) process.stdout.write(`\nERROR ${e}\n`);
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(dir, `${name}.md`), `${header.replace('\n', '  \n')}\n\n${renderMarkdown(secs)}\n`);
  process.stderr.write(`wrote bench/results/${name}.json and ${name}.md\n`);
}
