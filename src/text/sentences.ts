/**
 * The one Norwegian sentence splitter: ingest cuts long passages between its sentences, the verifier checks drafts
 * sentence by sentence, and the drafters cut model output and sources with it. One splitter, so the verifier and
 * ingest never read the same text differently.
 *
 * A sentence ends at . ! ? or … (optionally followed by closing quotes or brackets) when whitespace follows and then
 * something that opens a sentence: a capital letter or a digit, possibly behind an opening quote, bracket or dash
 * («Det», (Se, – Vi). A line break always ends a sentence. A full stop does not end one
 * - after an abbreviation that points forward («bl.a.», «f.eks.», «pga.», «jf.»; see abbreviations.ts for which
 *   do and which don't — «osv. Det er …» is two sentences),
 * - after an initial («Prabhu N. Chaudhary»),
 * - after a number that opens the line, as in a numbered heading or list item («1. Innledning»),
 * - inside «…»: a quoted sentence belongs to the sentence that quotes it.
 * Numbers need no other case: "2.5" and "850 000" have no whitespace after a full stop, and ordinal dates
 * («1. januar») are followed by a lower-case word; a number that ends a sentence («… i § 3. Det …») ends it.
 */
import { BEFORE_NUMBER, NEVER_FINAL } from './abbreviations.js';

const OPENERS = '«“„‘"\'(–-';
const CLOSERS = '»”’"\')]';

/** A candidate end: terminal punctuation, then closing quotes/brackets. */
const END = /[.!?…]+[»”’"')\]]*/gu;
const CAPITAL_OR_DIGIT = /[\p{Lu}\p{N}]/u;

export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Split text into sentence spans (offsets into `text`, trimmed of surrounding whitespace).
 * `protectedAt(i)` marks terminal characters that must not end a sentence (Markdown escapes like `\.`).
 * @example splitSentences('Vi viser bl.a. til nr. 5. Det er bra.').length === 2
 */
export function splitSentences(text: string, protectedAt: (i: number) => boolean = () => false): SentenceSpan[] {
  // NOTE: a line break always ends a sentence. Ingested passages keep line breaks only between paragraphs, list
  // items and headings (PDF line breaks are repaired at ingest); the Markdown parser joins lines before splitting.
  const spans: SentenceSpan[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const s of splitLine(line, (i) => protectedAt(offset + i)))
      spans.push({ start: offset + s.start, end: offset + s.end });
    offset += line.length + 1;
  }
  return spans;
}

/**
 * Offsets (into `text`) where a sentence other than the first starts: the starts of `splitSentences` but the first.
 * @example sentenceStarts('Vi mener dette. Kommunene f.eks. Oslo må med.') → [16]
 */
export function sentenceStarts(text: string): number[] {
  return splitSentences(text)
    .slice(1)
    .map((s) => s.start);
}

function splitLine(text: string, protectedAt: (i: number) => boolean): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  const opening = matchedOpeningQuotes(text);
  let depth = 0; // «…» nesting: a quoted sentence does not end the sentence that quotes it
  let scanned = start;
  for (const m of text.matchAll(END)) {
    const at = m.index;
    const after = at + m[0].length;
    depth = quoteDepth(text, opening, scanned, after, depth);
    scanned = after;
    if (depth > 0 || protectedAt(at + m[0].search(/[.!?…][^.!?…]*$/u))) continue;
    if (!isBoundary(text, start, at, after)) continue;
    spans.push({ start, end: after });
    start = skipSpace(text, after);
  }
  if (start < text.length) {
    const end = text.trimEnd().length;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

function isBoundary(text: string, sentenceStart: number, at: number, after: number): boolean {
  const next = skipSpace(text, after);
  if (next >= text.length) return true;
  if (next === after) return false; // "2.5", "bl.a.b": no space, no end
  if (!opensSentence(text, next)) return false;
  if (text[at] !== '.') return true; // ! ? … always end a sentence before a new one
  const tokenStart = tokenStartBefore(text, sentenceStart, at);
  const token = stripQuotes(text.slice(tokenStart, at));
  const lower = token.toLowerCase();
  if (NEVER_FINAL.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower)) return !/\p{N}/u.test(firstWordChar(text, next));
  if (/^\p{Lu}$/u.test(token)) return false; // an initial
  // "1. Innledning": a numbered heading or list item. NOTE: the line start, not the sentence start, decides, so that
  // whether a full stop ends a sentence never depends on an earlier one (the Markdown renderer relies on that).
  if (/^\d{1,3}$/.test(token) && tokenStart === skipSpace(text, 0)) return false;
  return true;
}

/** A capital or a digit at `i`, or behind one opening quote, bracket or dash and at most one space. */
function opensSentence(text: string, i: number): boolean {
  if (CAPITAL_OR_DIGIT.test(text[i])) return true;
  if (!OPENERS.includes(text[i])) return false;
  const j = text[i + 1] === ' ' ? i + 2 : i + 1;
  return j < text.length && CAPITAL_OR_DIGIT.test(text[j]);
}

/** Where the run of non-space characters that ends at `at` starts (not before `from`). */
function tokenStartBefore(text: string, from: number, at: number): number {
  let i = at;
  while (i > from && !/\s/u.test(text[i - 1])) i--;
  return i;
}

/** The first letter or digit from `i` on (past an opening quote or dash). */
function firstWordChar(text: string, i: number): string {
  return /[\p{L}\p{N}]/u.exec(text.slice(i, i + 3))?.[0] ?? '';
}

function stripQuotes(token: string): string {
  let t = token;
  while (t && (OPENERS.includes(t[0]) || CLOSERS.includes(t[0]))) t = t.slice(1);
  return t;
}

/**
 * Offsets of the «s that a later » on the line closes. NOTE: an unclosed « (a quote that runs on into the next
 * paragraph, or a lost » from a PDF) must not swallow every sentence end after it.
 */
function matchedOpeningQuotes(text: string): Set<number> {
  const open: number[] = [];
  const matched = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '«') open.push(i);
    else if (text[i] === '»' && open.length) matched.add(open.pop()!);
  }
  return matched;
}

function quoteDepth(text: string, opening: Set<number>, from: number, to: number, depth: number): number {
  for (let i = from; i < to; i++) {
    if (opening.has(i)) depth++;
    else if (text[i] === '»' && depth > 0) depth--;
  }
  return depth;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i])) i++;
  return i;
}
