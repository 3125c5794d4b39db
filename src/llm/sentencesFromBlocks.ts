/**
 * Claude answers with text blocks, some carrying citations for exactly the words they cover. We need sentences:
 * join the blocks, cut paragraphs at blank lines and sentences with the verifier's Norwegian splitter, and give
 * each sentence the citations of every block it overlaps.
 */
import { canonicalLine } from '../text/normalise.js';
import { splitSentences } from '../text/sentences.js';
import type { CitationRef, CitedSentence } from './types.js';

export interface TextBlock {
  text: string;
  citations: CitationRef[];
}

/**
 * @example sentencesFromBlocks([{ text: 'Vi vil ha en skyløsning', citations: [c] }, { text: '. Takk.', citations: [] }])
 *   // → [[{ text: 'Vi vil ha en skyløsning.', citations: [c] }, { text: 'Takk.', citations: [] }]]
 */
export function sentencesFromBlocks(blocks: TextBlock[]): CitedSentence[][] {
  let full = '';
  const ranges: { start: number; end: number; citations: CitationRef[] }[] = [];
  for (const b of blocks) {
    ranges.push({ start: full.length, end: full.length + b.text.length, citations: b.citations });
    full += b.text;
  }
  const paragraphs: CitedSentence[][] = [];
  for (const para of paragraphSpans(full)) {
    const sentences: CitedSentence[] = [];
    for (const span of splitSentences(full.slice(para.start, para.end))) {
      const start = para.start + span.start;
      const end = para.start + span.end;
      const text = cleanSentence(full.slice(start, end));
      if (!text) continue;
      const citations: CitationRef[] = [];
      for (const r of ranges) {
        if (r.citations.length === 0 || r.end <= start || r.start >= end) continue;
        // Ignore a block that only touches the sentence with whitespace or punctuation.
        const overlap = full.slice(Math.max(r.start, start), Math.min(r.end, end));
        if (!/[\p{L}\p{N}]/u.test(overlap)) continue;
        for (const c of r.citations) {
          if (!citations.some((x) => x.passageId === c.passageId && x.quote === c.quote)) citations.push(c);
        }
      }
      sentences.push({ text, citations });
    }
    if (sentences.length) paragraphs.push(sentences);
  }
  return paragraphs;
}

/** Paragraphs of the text, split at blank lines; Markdown headings (a line starting with #) are left out. */
function paragraphSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /\n[ \t]*\n/g;
  let at = 0;
  const push = (start: number, end: number) => {
    let s = start;
    // Drop heading lines at the top of a paragraph: the pipeline writes its own headings.
    while (/^[ \t]*#{1,6}[ \t]/.test(text.slice(s, end))) {
      const nl = text.indexOf('\n', s);
      if (nl === -1 || nl >= end) return;
      s = nl + 1;
    }
    if (text.slice(s, end).trim()) spans.push({ start: s, end });
  };
  for (const m of text.matchAll(re)) {
    push(at, m.index);
    at = m.index + m[0].length;
  }
  push(at, text.length);
  return spans;
}

/** One line, no list marker or Markdown emphasis. */
export function cleanSentence(raw: string): string {
  return canonicalLine(raw.replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/, '').replace(/\*\*|__/g, ''));
}
