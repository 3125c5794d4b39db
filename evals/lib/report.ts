/** Writes an eval run as JSON, Markdown and HTML under evals/reports/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ThresholdCheck } from './config.js';

export interface ReportSection {
  title: string;
  headers: string[];
  rows: (string | number)[][];
  note?: string;
}

const cell = (c: string | number) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(3)) : c);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function markdownReport(title: string, sections: ReportSection[], checks: ThresholdCheck[]): string {
  const parts = [`# ${title}`, ''];
  for (const s of sections) {
    parts.push(`## ${s.title}`, '', `| ${s.headers.join(' | ')} |`, `| ${s.headers.map(() => '---').join(' | ')} |`);
    for (const r of s.rows) parts.push(`| ${r.map(cell).join(' | ')} |`);
    if (s.note) parts.push('', s.note);
    parts.push('');
  }
  parts.push('## Thresholds', '', '| suite | metric | value | threshold | pass |', '| --- | --- | --- | --- | --- |');
  for (const c of checks)
    parts.push(
      `| ${c.suite} | ${c.metric} | ${cell(c.value)} | ${c.direction === 'min' ? '≥' : '≤'} ${cell(c.threshold)} | ${c.pass ? 'yes' : '**no**'} |`,
    );
  return parts.join('\n') + '\n';
}

function htmlReport(title: string, sections: ReportSection[], checks: ThresholdCheck[]): string {
  const table = (headers: string[], rows: (string | number)[][]) =>
    `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${esc(cell(c))}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const body = sections
    .map((s) => `<h2>${esc(s.title)}</h2>${table(s.headers, s.rows)}${s.note ? `<p>${esc(s.note)}</p>` : ''}`)
    .join('\n');
  const checkRows = checks.map((c) => [
    c.suite,
    c.metric,
    cell(c.value),
    `${c.direction === 'min' ? '≥' : '≤'} ${cell(c.threshold)}`,
    c.pass ? 'ja' : 'NEI',
  ]);
  return `<!doctype html><html lang="nb"><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #bbb;padding:.25rem .6rem;text-align:left}th{background:#eef}</style>
<h1>${esc(title)}</h1>${body}<h2>Terskler</h2>${table(['suite', 'metric', 'value', 'threshold', 'pass'], checkRows)}</html>\n`;
}

export function writeReports(
  dir: string,
  name: string,
  data: unknown,
  title: string,
  sections: ReportSection[],
  checks: ThresholdCheck[],
) {
  mkdirSync(dir, { recursive: true });
  const paths = { json: join(dir, `${name}.json`), md: join(dir, `${name}.md`), html: join(dir, `${name}.html`) };
  writeFileSync(paths.json, JSON.stringify(data, null, 2));
  writeFileSync(paths.md, markdownReport(title, sections, checks));
  writeFileSync(paths.html, htmlReport(title, sections, checks));
  return paths;
}
