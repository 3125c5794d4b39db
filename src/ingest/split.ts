/**
 * Split an overlong passage between paragraphs, then between sentences, and map every piece back to
 * its exact offsets.
 *
 * NOTE: this is LangChain's RecursiveCharacterTextSplitter algorithm (separators tried in order,
 * pieces packed greedily up to chunkSize, chunkOverlap 0, keepSeparator false), written out
 * synchronously. In @langchain/textsplitters 1.0 `splitText` is async, and `ingestText` is synchronous
 * by contract (the store and its tests call it without await). test/ingest/split.test.ts runs the real
 * splitter on the same input and checks that both give the same pieces.
 *
 * Boundaries are marked with control characters (cleaning guarantees they are absent from document
 * text) because the splitter only takes literal separators and with keepSeparator it would glue ". "
 * to the start of the next piece. Marks go at paragraph starts and at Norwegian sentence starts
 * (abbreviation-aware, see sentences.ts), then are stripped and each piece is found in the original.
 */
import { sentenceStarts } from '../text/sentences.js';

export const PARAGRAPH_MARK = '\u0001';
export const SENTENCE_MARK = '\u0002';
const MARKS = /[\u0001\u0002]/g;
const HAS_MARK = /[\u0001\u0002]/;

export interface Span {
  start: number;
  end: number;
}

/** `text` with a PARAGRAPH_MARK at every paragraph start and a SENTENCE_MARK at every sentence start. */
export function markBoundaries(text: string): string {
  const marks = new Map<number, string>();
  for (const i of sentenceStarts(text)) marks.set(i, SENTENCE_MARK);
  for (const m of text.matchAll(/\n+/g)) marks.set((m.index ?? 0) + m[0].length, PARAGRAPH_MARK);
  let out = '';
  let from = 0;
  for (const i of [...marks.keys()].sort((a, b) => a - b)) {
    out += text.slice(from, i) + marks.get(i);
    from = i;
  }
  return out + text.slice(from);
}

/** LangChain's mergeSplits with chunkOverlap 0: pack splits greedily, joined by the separator. */
function mergeSplits(splits: string[], separator: string, chunkSize: number): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let total = 0;
  const flush = () => {
    const chunk = current.join(separator).trim();
    if (chunk !== '') chunks.push(chunk);
    current = [];
    total = 0;
  };
  for (const split of splits) {
    if (current.length > 0 && total + split.length + current.length * separator.length > chunkSize) flush();
    current.push(split);
    total += split.length;
  }
  flush();
  return chunks;
}

/** LangChain's RecursiveCharacterTextSplitter._splitText, synchronous. */
export function recursiveSplit(text: string, separators: string[], chunkSize: number): string[] {
  const index = separators.findIndex((s) => text.includes(s));
  const separator = index >= 0 ? separators[index] : separators[separators.length - 1];
  const finer = index >= 0 && index + 1 < separators.length ? separators.slice(index + 1) : undefined;
  const chunks: string[] = [];
  let good: string[] = [];
  for (const split of text.split(separator).filter((s) => s !== '')) {
    if (split.length < chunkSize) {
      good.push(split);
      continue;
    }
    chunks.push(...mergeSplits(good, separator, chunkSize));
    good = [];
    chunks.push(...(finer ? recursiveSplit(split, finer, chunkSize) : [split])); // one long sentence stays whole
  }
  return [...chunks, ...mergeSplits(good, separator, chunkSize)];
}

/** Chunk size that gives even pieces (1300 chars → two of ~650, not 900 + 400), with slack for sentences. */
export function evenChunkSize(length: number, max: number): number {
  return Math.min(max, Math.ceil((1.25 * length) / Math.ceil(length / max)));
}

/**
 * Pieces of `text` no longer than `max` characters where the sentences allow it (a single longer
 * sentence stays whole). Pieces are trimmed, in order, and together cover every sentence once.
 * @example splitAtSentences('Kort.', 900) // [{ start: 0, end: 5 }]
 */
export function splitAtSentences(text: string, max: number): Span[] {
  if (text.length <= max) return [{ start: text.length - text.trimStart().length, end: text.trimEnd().length }];
  if (HAS_MARK.test(text)) throw new Error('splitAtSentences: text contains split marks; clean it first');
  const chunks = recursiveSplit(markBoundaries(text), [PARAGRAPH_MARK, SENTENCE_MARK], evenChunkSize(text.length, max));
  const spans: Span[] = [];
  let cursor = 0;
  for (const chunk of chunks) {
    const piece = chunk.replace(MARKS, '').trim();
    if (piece === '') continue;
    const start = text.indexOf(piece, cursor);
    if (start < 0) throw new Error(`splitAtSentences: piece not found in source: ${piece.slice(0, 40)}…`);
    spans.push({ start, end: start + piece.length });
    cursor = start + piece.length;
  }
  return spans;
}
