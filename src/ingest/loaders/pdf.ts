/**
 * PDF (.pdf) through pdf.js (via unpdf): positioned text items per page → reading order → furniture removed →
 * paragraphs with page offsets. Refuses password-protected, broken and image-only (scanned) files with
 * IngestErrors rather than storing nothing or garbage.
 */
import type { getDocumentProxy } from 'unpdf';
import { ingestErrors } from '../errors.js';
import { dropFurniture } from './pdfFurniture.js';
import { readingOrder, segments, type PdfPage, type PdfTextItem } from './pdfLayout.js';
import { paragraphs } from './pdfParagraphs.js';
import type { Loader } from './types.js';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

// Below this many visible characters per page on average the file is scanned images with at most a stamp or a
// page number as text: refuse it instead of storing a near-empty document.
const MIN_CHARS_PER_PAGE = 10;

async function open(bytes: Uint8Array, filename: string): Promise<PdfDocument> {
  try {
    // NOTE: pdf.js may detach the buffer it is given; hand it a copy so callers can still hash their bytes.
    // NOTE: unpdf (pdf.js) is imported when a PDF is loaded, not at startup.
    const { getDocumentProxy } = await import('unpdf');
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (err) {
    if ((err as Error)?.name === 'PasswordException') throw ingestErrors.encrypted(filename, err);
    throw ingestErrors.corruptFile(filename, 'PDF', err);
  }
}

/** Horizontal text items of every page, y measured from the page's bottom edge. Rotated text (watermarks) is skipped. */
async function readPages(pdf: PdfDocument): Promise<PdfPage[]> {
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [left, bottom, right, top] = page.view;
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [a, b, c, d, e, f] = item.transform as number[];
      if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d)) continue;
      items.push({ str: item.str, x: e - left, y: f - bottom, width: item.width, fontSize: Math.hypot(c, d) });
    }
    pages.push({ width: right - left, height: top - bottom, items });
    page.cleanup();
  }
  return pages;
}

async function title(pdf: PdfDocument): Promise<string | undefined> {
  const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
  const t = typeof info?.Title === 'string' ? info.Title.trim() : '';
  return t.length > 2 && t.length <= 500 ? t : undefined;
}

export const pdfLoader: Loader = {
  name: 'pdf',
  extensions: ['.pdf'],
  mediaTypes: ['application/pdf'],
  async load(bytes, filename) {
    if (bytes.length === 0) throw ingestErrors.emptyFile(filename);
    const pdf = await open(bytes, filename);
    try {
      const pages = await readPages(pdf).catch((err: unknown) => {
        throw ingestErrors.corruptFile(filename, 'PDF', err);
      });
      const perPage = dropFurniture(
        pages.map((p) => segments(p.items)),
        pages.map((p) => p.height),
      );
      const lines = perPage.flatMap((segs, i) => readingOrder(segs, i + 1));
      const { text, pageStarts } = paragraphs(lines, pages.length);
      if (text.replace(/\s/g, '').length < MIN_CHARS_PER_PAGE * Math.max(1, pages.length))
        throw ingestErrors.noText(filename);
      const t = await title(pdf);
      return { text, format: 'pdf', pageStarts, ...(t ? { meta: { title: t } } : {}) };
    } finally {
      await pdf.destroy();
    }
  },
};
