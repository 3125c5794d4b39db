/**
 * PDF page geometry → lines in reading order. pdf.js gives positioned text items in content-stream order, which
 * in a two-column layout interleaves the columns (or is arbitrary). We rebuild the order from positions:
 *
 *   items → rows (same baseline) → segments (a row split at wide gaps, so a row across two columns becomes
 *   two segments) → columns (gutters: x ranges no narrow segment crosses) → bands between full-width
 *   segments → each band read column by column, top to bottom.
 *
 * Pure and synchronous, so tests can feed it hand-made items.
 */

export interface PdfTextItem {
  str: string;
  /** Baseline start, PDF user space (origin bottom-left). */
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** One line of text in reading order. `column` is -1 for a full-width line. */
export interface PdfLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  column: number;
}

// A horizontal gap wider than this many font sizes separates two segments (columns, table cells); word spaces,
// even stretched in justified text, stay below it.
const SEGMENT_GAP_EM = 1.2;
// A gap wider than this (in font sizes) between items of one segment is a word space that the PDF did not encode.
const SPACE_GAP_EM = 0.15;
// Segments wider than this share of the text area are full-width (titles, intros) and do not define columns.
const WIDE_SHARE = 0.6;
const MIN_GUTTER_PT = 6;
const MIN_COLUMN_LINES = 3;

/** Ligatures (ﬁ, ﬂ) to their letters; NFC so "å" is one code point whatever the producer wrote. */
const normalise = (s: string) => s.replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC')).normalize('NFC');

interface Segment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Group items on one baseline into rows, then split rows at wide gaps into segments. */
export function segments(items: PdfTextItem[]): Segment[] {
  const visible = items
    .filter((i) => i.str.trim() !== '')
    .map((i) => ({ ...i, str: normalise(i.str) }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of visible) {
    const row = rows.at(-1);
    const tolerance = 0.35 * Math.min(item.fontSize, row?.[0].fontSize ?? item.fontSize);
    if (row && Math.abs(row[0].y - item.y) <= tolerance) row.push(item);
    else rows.push([item]);
  }
  const out: Segment[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: Segment | null = null;
    for (const item of row) {
      const size = item.fontSize || 10;
      const gap = current ? item.x - current.x1 : 0;
      if (current && gap <= SEGMENT_GAP_EM * size) {
        const space = gap > SPACE_GAP_EM * size && !current.text.endsWith(' ') && !item.str.startsWith(' ');
        current.text += (space ? ' ' : '') + item.str;
        current.x1 = Math.max(current.x1, item.x + item.width);
        current.size = Math.max(current.size, size);
      } else {
        current = { text: item.str, x0: item.x, x1: item.x + item.width, y: row[0].y, size };
        out.push(current);
      }
    }
  }
  for (const s of out) s.text = s.text.replace(/\s+/g, ' ').trim();
  return out;
}

/** Column bounds [x0, x1] from the gutters that no narrow segment crosses; one column when there is none. */
function columns(segs: Segment[]): [number, number][] {
  if (segs.length === 0) return [];
  const left = Math.min(...segs.map((s) => s.x0));
  const right = Math.max(...segs.map((s) => s.x1));
  const narrow = segs.filter((s) => s.x1 - s.x0 < WIDE_SHARE * (right - left));
  const step = 1;
  const cells = Math.max(1, Math.ceil((right - left) / step));
  const covered = new Uint8Array(cells);
  for (const s of narrow) {
    for (let i = Math.floor((s.x0 - left) / step); i < Math.ceil((s.x1 - left) / step); i++) covered[i] = 1;
  }
  const bounds: [number, number][] = [];
  let start = left;
  let gapFrom = -1;
  for (let i = 0; i <= cells; i++) {
    const empty = i < cells && covered[i] === 0;
    if (empty && gapFrom < 0) gapFrom = i;
    if (!empty && gapFrom >= 0) {
      const from = left + gapFrom * step;
      const to = left + i * step;
      // A gutter lies inside the text area with text on both sides of it.
      const inside = from > left + 0.15 * (right - left) && to < right - 0.15 * (right - left);
      // ... and a column starts right of it: several lines share that left edge (a centred caption or page
      // number does not make a column).
      const leftOf = narrow.filter((s) => s.x1 <= from + 0.5).length;
      const aligned = narrow.filter((s) => Math.abs(s.x0 - to) <= 2).length;
      if (inside && leftOf >= MIN_COLUMN_LINES && aligned >= MIN_COLUMN_LINES && to - from >= MIN_GUTTER_PT) {
        bounds.push([start, from]);
        start = to;
      }
      gapFrom = -1;
    }
  }
  bounds.push([start, right]);
  return bounds;
}

const columnOf = (s: Segment, cols: [number, number][]) =>
  cols.findIndex(([x0, x1]) => s.x0 >= x0 - 0.5 && s.x1 <= x1 + 0.5);

/**
 * A page's segments in reading order: full-width segments break the page into bands, and inside a band each
 * column is read top to bottom before the next.
 * @example readingOrder(page, 1).map((l) => l.text)
 */
export function readingOrder(segs: Segment[], page: number): PdfLine[] {
  const cols = columns(segs);
  const sorted = [...segs].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: PdfLine[] = [];
  let band: PdfLine[] = [];
  const flush = () => {
    band.sort((a, b) => a.column - b.column || b.y - a.y || a.x0 - b.x0);
    lines.push(...band);
    band = [];
  };
  for (const s of sorted) {
    const column = cols.length > 1 ? columnOf(s, cols) : 0;
    const line: PdfLine = { page, text: s.text, x0: s.x0, x1: s.x1, y: s.y, size: s.size, column };
    if (column < 0) {
      flush();
      lines.push(line);
    } else band.push(line);
  }
  flush();
  return lines;
}
