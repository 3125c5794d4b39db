/**
 * How fast do PDF and DOCX files become passages? Builds a long two-column PDF and a DOCX of the same text with
 * the fixture builders (scripts/fixtures/), then times ingest — load (pdf.js / mammoth), clean, repair, cut — and
 * reports pages per second. Embedding and storing are not included: they cost the same whatever the format
 * (see the embedder and store benchmarks).
 *
 *   npx tsx bench/ingest-formats.ts            # default: ~50 pages each, 3 timed runs after a warm-up
 *
 * NOTE: a DOCX has no pages until it is laid out, so its page count is the PDF's for the same text (the builders
 * share their prose), scaled by the stored text length.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { structuredDocx } from '../scripts/fixtures/docx.js';
import { twoColumnPdf } from '../scripts/fixtures/pdf.js';
import type { DocumentMeta, IngestedDocument } from '../src/domain/types.js';
import { ingestBytes } from '../src/ingest/index.js';

export interface FormatFigure {
  format: 'pdf' | 'docx';
  bytes: number;
  pages: number;
  passages: number;
  /** Median wall time of one ingest, in milliseconds. */
  ms: number;
  pagesPerSecond: number;
}

const META: DocumentMeta = {
  id: 'bench-ingest',
  organisation: 'Bench',
  title: 'Bench',
  kind: 'other',
  date: '2024',
  language: 'nb',
};

async function time(bytes: Uint8Array, name: string, runs: number): Promise<{ ms: number; doc: IngestedDocument }> {
  let doc = await ingestBytes(bytes, name, META); // warm-up: pdf.js and mammoth load lazily
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    doc = await ingestBytes(bytes, name, META);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], doc };
}

/**
 * Pages per second for PDF and DOCX ingest.
 * @example const [pdf, docx] = await benchIngestFormats({ repeat: 5, runs: 1 });
 */
export async function benchIngestFormats({ repeat = 20, runs = 3 }: { repeat?: number; runs?: number } = {}): Promise<
  FormatFigure[]
> {
  const pdfBytes = await twoColumnPdf({ repeat });
  const pdf = await time(pdfBytes, 'bench.pdf', runs);
  const pdfPages = Math.max(...pdf.doc.passages.map((p) => p.page ?? 1));
  const docxBytes = await structuredDocx({ repeat });
  const docx = await time(docxBytes, 'bench.docx', runs);
  const docxPages = Math.max(1, Math.round((docx.doc.text.length / pdf.doc.text.length) * pdfPages));
  const figure = (
    format: 'pdf' | 'docx',
    bytes: Uint8Array,
    pages: number,
    r: { ms: number; doc: IngestedDocument },
  ): FormatFigure => ({
    format,
    bytes: bytes.length,
    pages,
    passages: r.doc.passages.length,
    ms: Math.round(r.ms),
    pagesPerSecond: Math.round((pages / (r.ms / 1000)) * 10) / 10,
  });
  return [figure('pdf', pdfBytes, pdfPages, pdf), figure('docx', docxBytes, docxPages, docx)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await benchIngestFormats();
  console.log('format   bytes      pages  passages  ms/file  pages/s');
  for (const f of figures) {
    console.log(
      `${f.format.padEnd(8)} ${String(f.bytes).padEnd(10)} ${String(f.pages).padEnd(6)} ${String(f.passages).padEnd(9)} ${String(f.ms).padEnd(8)} ${f.pagesPerSecond}`,
    );
  }
}
