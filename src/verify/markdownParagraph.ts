/**
 * One paragraph of the Markdown form: backslash escapes, footnote references and sentence splitting.
 * Shared by the parser and by the renderer, which checks that what it writes splits back the same way.
 */
import { canonicalLine } from './format.js';
import { VerifyError } from './errors.js';
import { withoutMark } from './markdownNotes.js';
import { splitSentences } from '../text/sentences.js';

const TERMINALS = '.!?…';
/** The two character references the Markdown form reads (see unescape). */
export const ENTITY = /^&(lt|amp);/;

export interface RawSentence {
  text: string;
  refs: { label: string; line: number }[];
  /** The export's review mark that stood in front of the sentence (markdownNotes.ts). */
  mark?: '≈' | '✗' | '✓';
}

/** Split a paragraph's lines into sentences; hard breaks (a line ending in an unescaped `\`) end one. */
export function parseParagraph(lines: { text: string; line: number }[]): RawSentence[] {
  const segments: { text: string; line: number }[][] = [[]];
  for (const l of lines) {
    const hard = /(^|[^\\])(\\\\)*\\\s*$/.test(l.text);
    segments[segments.length - 1].push({ text: hard ? l.text.replace(/\\\s*$/, '') : l.text, line: l.line });
    if (hard) segments.push([]);
  }
  return segments.flatMap(parseSegment);
}

function parseSegment(lines: { text: string; line: number }[]): RawSentence[] {
  if (lines.length === 0) return [];
  let plain = '';
  const protectedAt = new Set<number>();
  const escapedAt = new Set<number>();
  const refs: { label: string; line: number; at: number }[] = [];
  for (const l of lines) {
    if (plain && !plain.endsWith(' ')) plain += ' ';
    const u = unescape(l.text.trim(), plain.length);
    u.protectedAt.forEach((i) => protectedAt.add(i));
    u.escapedAt.forEach((i) => escapedAt.add(i));
    u.refs.forEach((r) => refs.push({ ...r, line: l.line }));
    plain += u.text;
  }
  const spans = splitSentences(plain, (i) => protectedAt.has(i));
  if (spans.length === 0) {
    if (refs.length)
      throw new VerifyError(
        'invalid_markdown',
        `Fotnoten [^${refs[0].label}] på linje ${refs[0].line} står ikke etter noen setning.`,
        `[^${refs[0].label}]`,
      );
    return [];
  }
  // The export's review mark in front of a sentence («[≈ må kontrolleres] …») is not part of it (markdownNotes.ts);
  // written `\[≈ …` it is the sentence's own text.
  const sentences: RawSentence[] = spans.map((s) => {
    const { text, mark } = escapedAt.has(s.start)
      ? { text: plain.slice(s.start, s.end) }
      : withoutMark(plain.slice(s.start, s.end));
    return { text: canonicalLine(text), refs: [], ...(mark ? { mark } : {}) };
  });
  for (const r of refs) {
    let k = 0;
    // A reference belongs to the sentence it follows, also across a space: "…i dag. [^1] Neste …".
    while (k + 1 < spans.length && spans[k + 1].start < r.at) k++;
    sentences[k].refs.push({ label: r.label, line: r.line });
  }
  return sentences.filter((s) => s.text !== '' || s.refs.length > 0);
}

/**
 * Resolve backslash escapes, footnote references and `&lt;`/`&amp;` in one line. Whitespace runs collapse to one
 * space.
 * `offset` is where this text will start in the paragraph, for the positions returned: `protectedAt` the escaped
 * full stops (and ! ? …), `escapedAt` every escaped character.
 */
export function unescape(
  line: string,
  offset = 0,
): { text: string; protectedAt: number[]; escapedAt: number[]; refs: { label: string; at: number }[] } {
  let text = '';
  const protectedAt: number[] = [];
  const escapedAt: number[] = [];
  const refs: { label: string; at: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length && /[\p{P}\p{S}]/u.test(line[i + 1])) {
      if (TERMINALS.includes(line[i + 1])) protectedAt.push(offset + text.length);
      escapedAt.push(offset + text.length);
      text += line[++i];
    } else if (c === '[' && line[i + 1] === '^') {
      const m = /^\[\^([^\]\s]+)\]/.exec(line.slice(i));
      if (!m) text += c;
      else {
        refs.push({ label: m[1], at: offset + text.length });
        i += m[0].length - 1;
      }
    } else if (c === '&' && ENTITY.test(line.slice(i, i + 5))) {
      // `&lt;` is how the export writes `<` (export/safeMarkdown.ts), as CommonMark reads it; `&amp;` is `&`.
      const m = ENTITY.exec(line.slice(i, i + 5))!;
      text += m[1] === 'lt' ? '<' : '&';
      i += m[0].length - 1;
    } else if (/[ \t]/.test(c)) {
      if (!text.endsWith(' ')) text += ' ';
    } else text += c;
  }
  return { text, protectedAt, escapedAt, refs };
}
