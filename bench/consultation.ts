/**
 * `npm run bench:consultation`: import a 100-page høringsnotat PDF through POST /consultations (the real app, the
 * read worker, the local embedder, an in-memory PGlite store, a fresh store per run so the text is never a
 * duplicate). Prints the time to the answer and when each phase began (read done, embedding, saving), per run, and
 * writes bench/results/consultation.json. Target (issue 18): ≤ 10 s per import. `-- --strict` exits 1 over it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consultationPdf } from '../scripts/fixtures/consultationPdf.js';
import { bokmaal } from '../scripts/fixtures/consultationText.js';
import { createEmbedder } from '../src/embed/index.js';
import { createApp } from '../src/http/app.js';
import { loadConfig } from '../src/config/env.js';
import { silentLogger } from '../src/log.js';
import { openPglite } from '../src/store/db.js';
import { ensureEmbedder } from '../src/store/embeddings.js';
import { migrate } from '../src/store/migrate.js';
import { describeMachine } from './machine.js';
import { ROOT } from './sources.js';
import { parseCli } from '../src/cli/args.js';

const TARGET_S = 10;
const { values } = parseCli(
  process.argv.slice(2),
  { runs: { type: 'string' }, strict: { type: 'boolean' } },
  `
Usage: npm run bench:consultation -- [options]

Imports a generated 100-page høringsnotat PDF through POST /consultations, a fresh in-memory store per run, and
prints the time to the answer per run (target ${TARGET_S} s). Writes bench/results/consultation.json.

  --runs N     runs (default 3, or RUNS from the environment)
  --strict     exit 1 when a run is over the target
  -h, --help   this text
`,
);
const RUNS = Number(values.runs ?? process.env.RUNS ?? 3);
const DEPTH = 50; // paragraphs per background/law section: ~100 A4 pages with the fixture's 8 chapters

async function importOnce(pdf: Uint8Array) {
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
  const db = await openPglite('memory://');
  await migrate(db);
  const embedder = await createEmbedder(config);
  await ensureEmbedder(db, embedder);
  const app = createApp({ db, embedder, config, logger: silentLogger });
  const form = new FormData();
  form.set('file', new File([pdf as Uint8Array<ArrayBuffer>], 'horingsnotat-100-sider.pdf'));
  const t0 = performance.now();
  const res = await app.request('/consultations?stream=true', { method: 'POST', body: form });
  const phases: Record<string, number> = {};
  let done: any = null;
  let buffer = '';
  const reader = res.body!.getReader();
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    buffer += new TextDecoder().decode(value);
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event === 'progress') {
        const phase = JSON.parse(data!).phase as string;
        phases[phase] ??= +((performance.now() - t0) / 1000).toFixed(2);
      } else if (event === 'done') done = JSON.parse(data!);
      else if (event === 'error') throw new Error(data);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  await db.close();
  if (!done) throw new Error('no answer');
  return {
    seconds: +seconds.toFixed(2),
    phases,
    passages: done.document.passageCount,
    questions: done.consultation.questions.length,
    proposals: done.consultation.proposals.length,
  };
}

const pdf = await consultationPdf(bokmaal(DEPTH), 'Høringsnotat – interkommunalt samarbeid');
const { PDFDocument } = await import('pdf-lib');
const pages = (await PDFDocument.load(pdf)).getPageCount();
console.log(`PDF: ${pages} sider, ${(pdf.length / 1024).toFixed(0)} KB`);
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const r = await importOnce(pdf);
  runs.push(r);
  console.log(
    `run ${i + 1}: ${r.seconds} s (read done ${r.phases.embed ?? '?'} s, saving from ${r.phases.save ?? '?'} s); ` +
      `${r.passages} passages, ${r.questions} questions, ${r.proposals} proposals`,
  );
}
const secs = runs.map((r) => r.seconds).sort((a, b) => a - b);
const result = {
  when: new Date().toISOString(),
  machine: describeMachine(),
  pages,
  bytes: pdf.length,
  runs,
  median: secs[Math.floor(secs.length / 2)],
  max: secs.at(-1),
  targetSeconds: TARGET_S,
};
console.log(
  `median ${result.median} s, max ${result.max} s (target ≤ ${TARGET_S} s): ${result.max! <= TARGET_S ? 'met' : 'NOT met'}`,
);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'consultation.json'), JSON.stringify(result, null, 2) + '\n');
if (values.strict && result.max! > TARGET_S) process.exit(1);
