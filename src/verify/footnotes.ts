/**
 * The footnote line of the Markdown form: one citation per footnote.
 *
 *     [^3]: [fagforbundet-innspill-2023-p004] «verbatim quote» (tegn 120–180)
 *
 * The quote runs from the first « to the LAST » of the footnote, so a quote may itself contain «», “” or »« (a
 * quote ending in a quoted title renders as `««Fremtidens digitale Norge»»`). A quote with line breaks continues on
 * lines indented by four spaces, as Markdown footnotes do. The character offsets in brackets are optional.
 * A person may also delimit the quote with “…” or "…" when writing by hand; rendering always uses «…».
 */
import type { Citation } from './format.js';

const FOOTNOTE_DEF = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;
const CONTINUATION = /^( {4}|\t)/;
const DELIMITERS: [string, string][] = [
  ['«', '»'],
  ['“', '”'],
  ['"', '"'],
];
const OFFSETS = /^\s*(?:\((?:tegn\s+)?(\d*)\s*[-–]\s*(\d*)\))?\s*$/;

export interface FootnoteDef {
  label: string;
  /** 1-based line of the definition, for error messages. */
  line: number;
  content: string;
}

/**
 * Pull footnote definitions (with their continuation lines) out of Markdown lines.
 * @returns the definitions and, separately, the remaining body lines (with their line numbers).
 */
export function extractFootnotes(lines: string[]): {
  defs: Map<string, FootnoteDef>;
  body: { text: string; line: number }[];
} {
  const defs = new Map<string, FootnoteDef>();
  const body: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = FOOTNOTE_DEF.exec(lines[i]);
    if (!m) {
      body.push({ text: lines[i], line: i + 1 });
      continue;
    }
    const parts = [m[2]];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (CONTINUATION.test(lines[j])) parts.push(lines[j].replace(CONTINUATION, ''));
      else if (lines[j].trim() === '' && nextIndented(lines, j)) parts.push('');
      else break;
    }
    defs.set(m[1], { label: m[1], line: i + 1, content: parts.join('\n') });
    i = j - 1;
  }
  return { defs, body };
}

/** A blank line belongs to a footnote when an indented line follows the blank run. */
function nextIndented(lines: string[], j: number): boolean {
  while (j < lines.length && lines[j].trim() === '' && !CONTINUATION.test(lines[j])) j++;
  return j < lines.length && CONTINUATION.test(lines[j]);
}

/** Parse a footnote's content into a citation, or return a Norwegian reason why it can't be. */
export function parseFootnote(content: string): Citation | string {
  const head = /^\s*\[([^\]\s]+)\]\s*/.exec(content);
  if (!head) return 'fotnoten må begynne med passasje-id i hakeparentes, f.eks. [ntl-prinsipprogram-2019-p003]';
  const rest = content.slice(head[0].length);
  const pair = DELIMITERS.find(([open]) => rest.startsWith(open));
  if (!pair) return 'sitatet må stå i «…» etter passasje-id-en';
  const close = rest.lastIndexOf(pair[1]);
  if (close < pair[0].length) return `sitatet mangler avsluttende ${pair[1]}`;
  // `&lt;` is how the export writes `<` (export/safeMarkdown.ts), as CommonMark reads it; renderFootnote writes
  // a quote's own `&lt;` or `&amp;` with its `&` as `&amp;`.
  const quote = rest
    .slice(pair[0].length, close)
    .replace(/&(lt|amp);/g, (_m, name: string) => (name === 'lt' ? '<' : '&'));
  const tail = OFFSETS.exec(rest.slice(close + pair[1].length));
  if (!tail) return 'etter sitatet kan det bare stå tegnposisjoner, f.eks. (tegn 120–180)';
  if (quote === '') return 'sitatet er tomt';
  const citation: Citation = { passageId: head[1], quote };
  if (tail[1]) citation.start = Number(tail[1]);
  if (tail[2]) citation.end = Number(tail[2]);
  return citation;
}

/** Render one citation as a footnote definition. */
export function renderFootnote(n: number, c: Citation): string {
  const offsets = c.start !== undefined || c.end !== undefined ? ` (tegn ${c.start ?? ''}–${c.end ?? ''})` : '';
  const quote = c.quote.replace(/&(?=(?:lt|amp);)/g, '&amp;');
  return `[^${n}]: [${c.passageId}] «${quote.split('\n').join('\n    ')}»${offsets}`;
}
