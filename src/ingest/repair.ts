/**
 * PDF-export repair. Text copied out of a PDF has a hard line break at every printed line (often with a
 * blank line after each one), so sentences are cut in pieces and hyphenated words split. We detect
 * that layout from the line statistics and only then rebuild paragraphs; ordinary text is left as it
 * is, apart from rejoining a lone line break inside a sentence (which no writer means).
 */
import { endsSentence, isListItem, joinLines, quantile, startsAsContinuation } from './lines.js';
import { isHeadingLine } from './units.js';

interface Line {
  text: string;
  /** Blank lines between the previous non-blank line and this one. */
  gap: number;
}

// Below this many lines the statistics say nothing.
const MIN_LINES = 8;
// Printed lines are at most ~100 characters; collected web text has paragraphs on one long line.
const MAX_WRAP_WIDTH = 130;
// Share of line ends that cut a sentence (no final punctuation, next line lower-case). Web text has
// almost none; PDF exports have one every other line or more.
const MIN_CONTINUATION_SHARE = 0.25;
// A line shorter than this share of the typical printed width, without final punctuation and followed
// by a capital, did not run to the margin: it is a heading, not a wrapped line. (A wrapped line ends
// where the next word no longer fits, so it is rarely shorter than three quarters of the width.)
const FULL_LINE_RATIO = 0.75;

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let gap = 0;
  for (const raw of text.split('\n')) {
    if (raw === '') gap++;
    else {
      lines.push({ text: raw, gap });
      gap = 0;
    }
  }
  return lines;
}

const cutsSentence = (a: string, b: string) => !endsSentence(a) && !isListItem(b) && startsAsContinuation(b);

export interface WrapStats {
  hardWrapped: boolean;
  /** Typical printed line width (75th percentile of line lengths). */
  width: number;
  /** The blank-line gap that separates wrapped lines of one paragraph (larger gaps end a paragraph). */
  softGap: number;
}

/** Decide from line lengths and breaks whether `text` is a hard-wrapped export. */
export function wrapStats(text: string): WrapStats {
  const lines = toLines(text);
  const lengths = lines.map((l) => l.text.length);
  const width = quantile(lengths, 0.75);
  const cutGaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (cutsSentence(lines[i - 1].text, lines[i].text)) cutGaps.push(lines[i].gap);
  }
  const hardWrapped =
    lines.length >= MIN_LINES &&
    quantile(lengths, 0.9) <= MAX_WRAP_WIDTH &&
    cutGaps.length / (lines.length - 1) >= MIN_CONTINUATION_SHARE;
  return { hardWrapped, width, softGap: mostCommon(cutGaps) };
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [value, count] of [...counts].sort((x, y) => x[0] - y[0])) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

/** In a hard-wrapped export: does line `b` continue the paragraph that line `a` is part of? */
function continuesParagraph(a: string, b: string, width: number): boolean {
  if (isListItem(b)) return false;
  if (startsAsContinuation(b)) return true;
  // A short capitalised line without final punctuation is a heading of its own ("Innledning").
  if (isHeadingLine(b) && b.length < FULL_LINE_RATIO * width) return false;
  if (endsSentence(a)) return !a.endsWith(':'); // a sentence ended at the margin; the paragraph goes on
  return a.length >= FULL_LINE_RATIO * width; // full-width line, next word is a name ("... bruk av KI")
}

function rebuildParagraphs(lines: Line[], stats: WrapStats): string {
  const paragraphs: string[] = [];
  let current: string | null = null;
  let previous = '';
  for (const line of lines) {
    if (current !== null && line.gap <= stats.softGap && continuesParagraph(previous, line.text, stats.width)) {
      current = joinLines(current, line.text);
    } else {
      if (current !== null) paragraphs.push(current);
      current = line.text;
    }
    previous = line.text;
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs.join('\n\n');
}

/** Outside PDF exports, only a single line break inside a sentence is joined. */
function joinStrayBreaks(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const last = out.length - 1;
    if (last >= 0 && out[last] !== '' && line !== '' && cutsSentence(out[last], line))
      out[last] = joinLines(out[last], line);
    else out.push(line);
  }
  return out.join('\n');
}

/**
 * Repair hard line breaks in cleaned text. Paragraphs of a hard-wrapped export come back one per line
 * with a blank line between; other text keeps its line structure.
 * @example repairLineBreaks('og at arbeidet forankres i\nmedbestemmelsesapparatet.') ===
 *   'og at arbeidet forankres i medbestemmelsesapparatet.'
 */
export function repairLineBreaks(text: string): string {
  const stats = wrapStats(text);
  return stats.hardWrapped ? rebuildParagraphs(toLines(text), stats) : joinStrayBreaks(text);
}
