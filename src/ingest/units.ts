/**
 * Split cleaned text into units — headings, ministry questions, list items and body paragraphs — with
 * their offsets. Plain text has one unit per line (repair has already rebuilt paragraphs); Markdown
 * has `#` headings and blank-line-separated blocks.
 */
import { sentenceStarts } from '../text/sentences.js';
import { words } from '../text/words.js';
import { endsSentence, isListItem } from './lines.js';

export type UnitKind = 'heading' | 'question' | 'list' | 'body';

export interface Unit {
  kind: UnitKind;
  /** For headings and questions: the text shown in headingPath (Markdown `#` marks removed). */
  label: string;
  start: number;
  end: number;
  /** Heading depth; body and list units carry 0. */
  level: number;
}

const MAX_HEADING_CHARS = 100;
const MAX_HEADING_WORDS = 12;
const MAX_QUESTION_CHARS = 250;

/** One sentence ending in "?", short enough to be a question put to the reader (a ministry's). */
export function isQuestion(text: string): boolean {
  return /\?["»”’)]*$/u.test(text) && text.length <= MAX_QUESTION_CHARS && sentenceStarts(text).length === 0;
}

// Words a sentence does not end on: a line ending on one leads into what follows ("Oslo
// Arbeiderparti mener", "… holdt paneldebatt med"). Narrower than a stop-word list on purpose: titles
// may end on "alle", "oss" or "nå" ("Digitalisering for alle").
const LEAD_IN_WORDS = new Set(
  `og i på til med av for om som at fra ved mot men eller samt enn en et ei den det de å er har var vil skal må bør
  kan ønsker mener krever slik blant annet følgende der når hvis fordi både mellom etter under over uten gjennom hos
  innen via`.split(/\s+/),
);

/** A line that introduces what follows: ends in ":" or, unpunctuated, on a lead-in word. */
export function isLeadIn(line: string): boolean {
  if (/:["»”’)]*$/u.test(line)) return true;
  // NOTE: the sentence-end test first: most lines are whole paragraphs that end one, and tokenising them for
  // their last word was the largest single cost of cutting (groupUnits asks this of every paragraph).
  if (endsSentence(line)) return false;
  const last = words(line).at(-1);
  return last !== undefined && LEAD_IN_WORDS.has(last);
}

/** A short line without final punctuation that is not a lead-in: a heading. */
export function isHeadingLine(line: string): boolean {
  if (line.length > MAX_HEADING_CHARS || endsSentence(line) || /[,…]$/u.test(line) || isListItem(line)) return false;
  if (!/^[\p{Lu}\p{N}«"“]/u.test(line) || isLeadIn(line)) return false;
  const count = words(line).length;
  return count > 0 && count <= MAX_HEADING_WORDS;
}

// A question put to the consultation's readers («Departementet ber om høringsinstansenes syn på dette: Bør …?»):
// text to answer and cite, not a heading over what follows (the import must find it in a passage).
const ASKS_THE_READERS = /h(?:ø|øy)ringsinstans|\bsyn (?:på|om)\b|\binnsp(?:ill|el) (?:til|på|om)\b/iu;

function classify(text: string): UnitKind {
  if (isListItem(text)) return 'list';
  if (isQuestion(text)) return ASKS_THE_READERS.test(text) ? 'body' : 'question';
  return isHeadingLine(text) ? 'heading' : 'body';
}

/**
 * Units of plain text. Headings have no levels here, so a run of consecutive headings nests (the
 * first is outermost) and the next run after body text replaces them.
 */
export function textUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const start = m.index ?? 0;
    const kind = classify(m[0]);
    const prev = units.at(-1);
    const level = kind === 'heading' || kind === 'question' ? (prev && prev.level > 0 ? prev.level + 1 : 1) : 0;
    units.push({ kind, label: level > 0 ? m[0] : '', start, end: start + m[0].length, level });
  }
  return units;
}

const ATX = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/u;
const FENCE = /^ {0,3}(```|~~~)/u;
const MD_LIST = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/u;
const RULE = /^ {0,3}(?:[-*_] *){3,}$/u;
// A lone question in Markdown sits one level below whatever heading is open.
const QUESTION_LEVEL = 7;

/** Units of Markdown: ATX and setext headings, fenced code kept whole, list items one unit each. */
export function markdownUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let open: Unit | null = null; // the body or list unit that the next line may continue
  let fenced = false;
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    const next = end + 1;
    if (fenced || FENCE.test(line)) {
      if (FENCE.test(line)) fenced = !fenced;
      if (open) open.end = end;
      else units.push((open = { kind: 'body', label: '', start, end, level: 0 }));
      start = next;
      continue;
    }
    const atx = ATX.exec(line);
    const setext = open?.kind === 'body' && /^ {0,3}(=+|-+)\s*$/u.exec(line);
    if (setext && open && !text.slice(open.start, open.end).includes('\n')) {
      Object.assign(open, {
        kind: 'heading',
        label: text.slice(open.start, open.end).trim(),
        end,
        level: setext[1].startsWith('=') ? 1 : 2,
      });
      open = null;
    } else if (atx) {
      units.push({ kind: 'heading', label: atx[2], start, end, level: atx[1].length });
      open = null;
    } else if (line.trim() === '' || RULE.test(line)) {
      open = null;
    } else if (MD_LIST.test(line) || isListItem(line)) {
      units.push((open = { kind: 'list', label: '', start, end, level: 0 }));
    } else if (open) {
      open.end = end;
    } else {
      units.push((open = { kind: 'body', label: '', start, end, level: 0 }));
    }
    start = next;
  }
  for (const u of units) {
    const body = text.slice(u.start, u.end);
    // The same rule as classify's: a question put to the consultation's readers is text to answer and cite.
    if (u.kind === 'body' && isQuestion(body) && !ASKS_THE_READERS.test(body))
      Object.assign(u, { kind: 'question', label: body, level: QUESTION_LEVEL });
  }
  return units;
}
