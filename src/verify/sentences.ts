/**
 * Norwegian sentence splitting. A sentence ends at . ! ? or … (optionally followed by closing quotes or brackets)
 * when whitespace and an upper-case letter, a digit or an opening quote follow, except after abbreviations that
 * never end a sentence ("bl.a.", "f.eks.", "nr."), after initials ("N. Chaudhary") and inside «…».
 * Numbers need no special case: "2.5" and "850 000" have no whitespace after a full stop, and ordinal dates
 * ("5. desember") are followed by a lower-case word.
 */

/** Abbreviations (lower case, without the final full stop) that are always followed by more of the sentence. */
const NEVER_FINAL = new Set(
  `bl.a f.eks jf jfr nr ca kr pkt kap ref tlf iht ift pga vha mht ang evt inkl ekskl ev dvs vs st.meld prop
  meld.st nou ot.prp sml hhv p.t s.k. s.k f.o.m t.o.m o.a kl mill mrd pst tab fig art avd adm dir gen.sekr
  dr prof ass jan feb mar apr jun jul aug sep sept okt nov des mnd`
    .split(/\s+/)
    .filter(Boolean),
);

const OPENERS = '«“„‘"\'(';
const CLOSERS = '»”’"\')]';

/** A candidate end: terminal punctuation, then closing quotes/brackets. */
const END = /[.!?…]+[»”’"')\]]*/gu;

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
    for (const s of splitLine(line, (i) => protectedAt(offset + i))) spans.push({ start: offset + s.start, end: offset + s.end });
    offset += line.length + 1;
  }
  return spans;
}

function splitLine(text: string, protectedAt: (i: number) => boolean): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  let depth = 0; // «…» nesting: a quoted sentence does not end the sentence that quotes it
  let scanned = start;
  for (const m of text.matchAll(END)) {
    const at = m.index;
    const after = at + m[0].length;
    depth = quoteDepth(text, scanned, after, depth);
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
  const c = text[next];
  const startsNew = /\p{Lu}|\p{N}/u.test(c) || OPENERS.includes(c) || c === '-' || c === '–';
  if (!startsNew) return false;
  if (text[at] !== '.') return true; // ! ? … always end a sentence before a new one
  const token = tokenBefore(text, sentenceStart, at);
  if (NEVER_FINAL.has(token.toLowerCase())) return false;
  if (/^\p{Lu}$/u.test(token)) return false; // an initial
  // A bare digit before a digit is a list or section number ("kapittel 3. 4"); rare enough to keep it simple.
  return true;
}

/** The run of non-space characters before position `at`, without leading brackets or quotes. */
function tokenBefore(text: string, from: number, at: number): string {
  let i = at;
  while (i > from && !/\s/u.test(text[i - 1])) i--;
  let token = text.slice(i, at);
  while (token && (OPENERS.includes(token[0]) || CLOSERS.includes(token[0]))) token = token.slice(1);
  return token;
}

function quoteDepth(text: string, from: number, to: number, depth: number): number {
  for (let i = from; i < to; i++) {
    if (text[i] === '«') depth++;
    else if (text[i] === '»' && depth > 0) depth--;
  }
  return depth;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i])) i++;
  return i;
}
