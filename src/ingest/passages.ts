/**
 * Cut cleaned text into passages: the units a draft cites. A passage is one or more whole paragraphs
 * under one heading; the headings and ministry questions above it travel along as `headingPath`
 * instead of being passages themselves.
 *
 * NOTE on size: passages aim for 300–900 characters. Below ~300 a paragraph (a lone list item, a
 * one-line ingress) carries too little context to retrieve or to cite on its own, so short neighbours
 * under the same heading are merged. Above ~900 (≈ 200–250 tokens of Norwegian) a passage usually holds
 * several claims, which makes a citation vague and dilutes its embedding, so long paragraphs are split
 * between sentences. Most paragraphs in position papers already fall inside that band and stay whole.
 */
import type { PassageDraft } from '../domain/types.js';
import { splitAtSentences } from './split.js';
import { isLeadIn, markdownUnits, textUnits, type Unit } from './units.js';

const MIN_PASSAGE_CHARS = 300;
export const MAX_PASSAGE_CHARS = 900;

interface Group {
  start: number;
  end: number;
  section: number;
  headingPath: string[];
}

/**
 * Walk the units keeping a heading stack, and group content units into passages-to-be: short
 * neighbours in one section merge up to MAX_PASSAGE_CHARS, and a lead-in ("KS mener:", "Oslo
 * Arbeiderparti mener") starts a group and always takes the unit it introduces.
 */
function groupUnits(text: string, units: Unit[]): Group[] {
  const stack: Unit[] = [];
  let section = 0;
  let glue = false; // the last group ends in a lead-in that must keep its continuation
  const groups: Group[] = [];
  for (const [i, unit] of units.entries()) {
    if (unit.level > 0) {
      while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= unit.level) stack.pop();
      stack.push(unit);
      section++;
      glue = false;
      continue;
    }
    const own = text.slice(unit.start, unit.end);
    const leadsIn = isLeadIn(own) && units[i + 1]?.level === 0;
    const last = groups.at(-1);
    const lastLength = last ? last.end - last.start : 0;
    const merge =
      last !== undefined &&
      last.section === section &&
      (glue ||
        (!leadsIn &&
          unit.end - last.start <= MAX_PASSAGE_CHARS &&
          (lastLength < MIN_PASSAGE_CHARS || own.length < MIN_PASSAGE_CHARS)));
    if (merge) last.end = unit.end;
    else groups.push({ start: unit.start, end: unit.end, section, headingPath: stack.map((h) => h.label) });
    glue = leadsIn;
  }
  return groups;
}

/**
 * Cut `text` (already cleaned and repaired) into passages with exact offsets:
 * `text.slice(p.start, p.end) === p.text` for every passage, ordinals 0..n-1.
 * @example cutPassages('# Mål\n\nKommunene må få mer.', 'markdown')[0].headingPath // ['Mål']
 */
export function cutPassages(text: string, format = 'text'): PassageDraft[] {
  const units = format === 'markdown' ? markdownUnits(text) : textUnits(text);
  const passages: PassageDraft[] = [];
  for (const group of groupUnits(text, units)) {
    const pieces = splitAtSentences(text.slice(group.start, group.end), MAX_PASSAGE_CHARS);
    for (const piece of pieces) {
      const start = group.start + piece.start;
      const end = group.start + piece.end;
      passages.push({
        ordinal: passages.length,
        text: text.slice(start, end),
        start,
        end,
        headingPath: [...group.headingPath],
        page: null,
        anchor: null,
      });
    }
  }
  return passages;
}
