/**
 * Lines in reading order → paragraphs, with the offset where each page starts. This is the PDF repair done
 * with the geometry the text copy-out lost: a paragraph ends at a wider vertical gap, an indent, a change of
 * font size, a list item, or a short line that ends a sentence; inside a paragraph printed lines are joined and
 * line-end hyphens (and soft hyphens) undone with the same `joinLines` rules that repair plain-text exports.
 */
import { endsFullSentence, endsSentence, isListItem, joinLines, quantile } from '../lines.js';
import type { PdfLine } from './pdfLayout.js';

export interface PdfText {
  /** Paragraphs separated by blank lines. */
  text: string;
  /** Offset in `text` of the first character of each page (page 1 first); a page without text gets the next one's. */
  pageStarts: number[];
}

// A gap this many times the normal line spacing separates paragraphs.
const PARAGRAPH_GAP = 1.35;
// A line shorter than this share of the typical line did not run to the margin.
const SHORT_LINE = 0.7;
// Font sizes that differ by more than this share belong to different blocks (heading vs body).
const SIZE_CHANGE = 0.15;

interface Stats {
  leading: number;
  /** Typical (90th percentile) line width per column index; full-width lines (-1) have their own. */
  width: Map<number, number>;
}

function stats(lines: PdfLine[]): Stats {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    const gap = a.y - b.y;
    if (a.page === b.page && a.column === b.column && a.size === b.size && gap > 0 && gap < 3 * a.size) gaps.push(gap);
  }
  const width = new Map<number, number>();
  for (const column of new Set(lines.map((l) => l.column))) {
    width.set(
      column,
      quantile(
        lines.filter((l) => l.column === column).map((l) => l.x1 - l.x0),
        0.9,
      ),
    );
  }
  return { leading: quantile(gaps, 0.25) || 1.2 * (lines[0]?.size ?? 10), width };
}

/** Does line `b` start a new paragraph after line `a`? */
function startsParagraph(a: PdfLine, b: PdfLine, s: Stats, inList: boolean): boolean {
  if (Math.abs(a.size - b.size) > SIZE_CHANGE * Math.min(a.size, b.size)) return true;
  if (isListItem(b.text)) return true;
  const short = a.x1 - a.x0 < SHORT_LINE * (s.width.get(a.column) ?? 0);
  if (short && endsFullSentence(a.text)) return true;
  // A short unpunctuated line before a capital is a heading or label of its own.
  if (short && !endsSentence(a.text) && /^[\p{Lu}\p{N}]/u.test(b.text) && !/[,-]$/u.test(a.text)) return true;
  if (a.page !== b.page || a.column !== b.column) return false; // no gap to read across a column or page break
  const gap = a.y - b.y;
  if (gap <= 0 || gap > PARAGRAPH_GAP * s.leading) return true;
  return !inList && b.x0 > a.x0 + 0.8 * b.size; // first-line indent
}

/** Join two printed lines of one paragraph; a trailing soft hyphen (U+00AD) always joins the word halves. */
function join(a: string, b: string): string {
  return a.endsWith('\u00AD') ? a.slice(0, -1) + b : joinLines(a, b);
}

/**
 * Build paragraphs from lines in reading order and record where each page starts.
 * @example paragraphs(lines, 2).text.split('\n\n').length // number of paragraphs
 */
export function paragraphs(lines: PdfLine[], pageCount: number): PdfText {
  const s = stats(lines);
  const starts = new Array<number>(pageCount).fill(-1);
  let text = '';
  let para = '';
  let inList = false;
  let prev: PdfLine | null = null;
  for (const line of lines) {
    if (prev && startsParagraph(prev, line, s, inList)) {
      text += (text ? '\n\n' : '') + para;
      para = '';
    }
    const base = text ? text.length + 2 : 0;
    if (para === '') {
      para = line.text;
      inList = isListItem(line.text);
    } else para = join(para, line.text);
    const at = base + para.length - line.text.length;
    if (starts[line.page - 1] < 0) starts[line.page - 1] = at;
    prev = line;
  }
  if (para) text += (text ? '\n\n' : '') + para;
  for (let i = pageCount - 1; i >= 0; i--)
    if (starts[i] < 0) starts[i] = i + 1 < pageCount ? starts[i + 1] : text.length;
  return { text, pageStarts: starts };
}
