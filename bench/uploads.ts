/**
 * `npm run bench:uploads`: how /health and /search answer while heavy files are uploaded. Starts the server as
 * `npm start` does (compiled dist/, so the read worker runs from dist/ too) on a fresh data directory, then probes
 * GET /health and POST /search one request at a time (~20 per second each) for a quiet spell, and again while a
 * 20 MB PDF and a DOCX of 50 MB of text are uploaded together. Prints p50/p95/max per phase and writes
 * bench/results/uploads.json; BENCHMARKS.md quotes the figures.
 *
 * Also per phase, the server's event-loop stalls (bench/loopStalls.mjs, preloaded into it): gaps over 50 ms and
 * the main thread's own CPU time in each. On a shared machine the latencies mostly measure the queue for a core;
 * a stall's CPU time is what it would last on an idle one, so "stalls with ≥ 100 ms CPU" is the figure that says
 * whether the server itself holds requests past the 100 ms target.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largeDocx, largePdf } from '../scripts/fixtures/large.js';
import { describeMachine, loadAverageNow } from './machine.js';
import { ROOT } from './sources.js';
import { parseCli } from '../src/cli/args.js';

parseCli(
  process.argv.slice(2),
  {},
  `
Usage: npm run bench:uploads

Starts the server on a fresh data directory, then probes GET /health and POST /search, first quiet, then while a
20 MB PDF and a DOCX of 50 MB of text are uploaded (with curl, in processes of their own). Prints p50/p95/max per
phase and the server's event-loop stalls; writes bench/results/uploads.json.

  -h, --help   this text
`,
);

const PORT = 8700 + Math.floor(Math.random() * 90);
const BASE = `http://127.0.0.1:${PORT}`;
const QUIET_MS = 15_000;
const QUERIES = ['arbeidstid og overtid', 'tillitsvalgte og medbestemmelse', 'digitalisering i kommunene', 'lønn'];

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const summary = (xs: number[]) => ({
  n: xs.length,
  p50: +quantile(xs, 0.5).toFixed(1),
  p95: +quantile(xs, 0.95).toFixed(1),
  max: +Math.max(...xs).toFixed(1),
});

async function waitUp(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

/** Probe one endpoint, one request at a time, until `until()` is true; latencies in ms. */
async function probe(kind: 'health' | 'search', until: () => boolean): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; !until(); i++) {
    const t0 = performance.now();
    const res =
      kind === 'health'
        ? await fetch(`${BASE}/health`)
        : await fetch(`${BASE}/search`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: QUERIES[i % QUERIES.length] }),
          });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${kind} answered ${res.status}`);
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}

async function phase(during: (() => Promise<unknown>) | null) {
  let over = false;
  const from = Date.now();
  const work = during
    ? during().finally(() => (over = true))
    : new Promise((r) => setTimeout(r, QUIET_MS)).then(() => (over = true));
  const [health, search, result] = await Promise.all([probe('health', () => over), probe('search', () => over), work]);
  return { health: summary(health), search: summary(search), result, from, to: Date.now() };
}

/** [startEpochMs, wallMs, cpuMs] per event-loop gap over 50 ms, as bench/loopStalls.mjs records them. */
type Stall = [number, number, number];

/** The server's event-loop stalls that began within [from, to). */
function stallSummary(stalls: Stall[], from: number, to: number) {
  const within = stalls.filter(([at]) => at >= from && at < to);
  return {
    over50ms: within.length,
    maxWallMs: Math.max(0, ...within.map((s) => s[1])),
    maxCpuMs: Math.max(0, ...within.map((s) => s[2])),
    cpuOver50ms: within.filter((s) => s[2] >= 50).length,
    cpuOver100ms: within.filter((s) => s[2] >= 100).length,
  };
}

/**
 * Upload one file with curl in a process of its own, as a client on another machine would: sending 20 MB from this
 * process's own event loop (fetch with a FormData) stalled the probes beside it by up to ~400 ms, which the first
 * runs counted as the server's latency.
 */
async function upload(file: string, filename: string, id: string) {
  const t0 = performance.now();
  const out = await new Promise<string>((resolve, reject) => {
    const curl = spawn('curl', [
      '-sS',
      '-w',
      '\n%{http_code}',
      '-F',
      `file=@${file};filename=${filename}`,
      '-F',
      'organisation=Benkforbundet',
      '-F',
      'date=2025',
      '-F',
      `id=${id}`,
      `${BASE}/documents`,
    ]);
    let text = '';
    curl.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
    curl.on('error', reject);
    curl.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`curl exited ${code}`))));
  });
  const cut = out.lastIndexOf('\n');
  const body = JSON.parse(out.slice(0, cut)) as { code?: string; document?: { passageCount?: number } };
  return {
    filename,
    mb: +(statSync(file).size / 1024 / 1024).toFixed(1),
    status: Number(out.slice(cut + 1)),
    code: body.code,
    seconds: +((performance.now() - t0) / 1000).toFixed(1),
  };
}

async function main() {
  process.stdout.write('building the files (a 20 MB PDF, a DOCX of 50 MB of text)…\n');
  const [pdf, docx] = [await largePdf(20 * 1024 * 1024), await largeDocx(50_000_000)];
  const dataDir = mkdtempSync(join(tmpdir(), 'innspill-bench-uploads-'));
  const files = mkdtempSync(join(tmpdir(), 'innspill-bench-files-'));
  const [pdfFile, docxFile] = [join(files, 'stor.pdf'), join(files, 'stor.docx')];
  writeFileSync(pdfFile, pdf);
  writeFileSync(docxFile, docx);
  const stallsFile = join(dataDir, 'loop-stalls.json');
  const server = spawn(
    process.execPath,
    ['--import', './bench/loopStalls.mjs', 'scripts/run-dist.mjs', 'src/cli/serve.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        API_TOKENS: '',
        LOOP_STALLS_FILE: stallsFile,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  try {
    await waitUp();
    process.stdout.write('quiet: probing /health and /search…\n');
    const quiet = await phase(null);
    process.stdout.write('uploading the PDF and the DOCX while probing…\n');
    const busy = await phase(() =>
      Promise.all([upload(pdfFile, 'stor.pdf', 'bench-pdf'), upload(docxFile, 'stor.docx', 'bench-docx')]),
    );
    // The preload writes every second: wait for one write after the busy phase.
    await new Promise((r) => setTimeout(r, 1500));
    const stalls: Stall[] = existsSync(stallsFile) ? JSON.parse(readFileSync(stallsFile, 'utf8')) : [];
    const loop = {
      quiet: stallSummary(stalls, quiet.from, quiet.to),
      busy: stallSummary(stalls, busy.from, busy.to),
    };
    const report = {
      machine: describeMachine(),
      quiet: { health: quiet.health, search: quiet.search },
      busy: { health: busy.health, search: busy.search, result: busy.result },
      loadAverageAtEnd: loadAverageNow(),
      eventLoopStalls: loop,
    };
    writeFileSync(join(ROOT, 'bench/results/uploads.json'), JSON.stringify(report, null, 2) + '\n');
    const row = (name: string, s: { n: number; p50: number; p95: number; max: number }) =>
      `| ${name} | ${s.n} | ${s.p50} | ${s.p95} | ${s.max} |`;
    process.stdout.write(
      [
        '',
        '| probe | n | p50 ms | p95 ms | max ms |',
        '|---|---:|---:|---:|---:|',
        row('/health, quiet', quiet.health),
        row('/health, during uploads', busy.health),
        row('/search, quiet', quiet.search),
        row('/search, during uploads', busy.search),
        '',
        '| server event loop | stalls > 50 ms | max wall ms | max CPU ms | with ≥ 50 ms CPU | with ≥ 100 ms CPU |',
        '|---|---:|---:|---:|---:|---:|',
        ...(['quiet', 'busy'] as const).map(
          (k) =>
            `| ${k === 'quiet' ? 'quiet' : 'during uploads'} | ${loop[k].over50ms} | ${loop[k].maxWallMs} | ${loop[k].maxCpuMs} | ${loop[k].cpuOver50ms} | ${loop[k].cpuOver100ms} |`,
        ),
        '',
        ...(busy.result as Awaited<ReturnType<typeof upload>>[]).map(
          (u) => `${u.filename} (${u.mb} MB): ${u.status}${u.code ? ` ${u.code}` : ''} after ${u.seconds} s`,
        ),
        '',
      ].join('\n'),
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  }
}

await main();
