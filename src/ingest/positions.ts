/**
 * Carry what a loader knows about positions — where PDF pages start, where a statute's § lies — through cleaning
 * and repair to the stored text, and onto passages as `page`, `anchor` and `headingPath`.
 *
 * Cleaning only deletes characters (boilerplate lines, soft hyphens, line-end hyphens) and rewrites whitespace,
 * so the non-space characters of the cleaned text are a subsequence of the loader's: a greedy walk over both
 * pairs them up, and a loader offset maps to the cleaned position of the first character kept at or after it.
 * Loaders emit NFC text, so Unicode normalisation in cleaning changes nothing here.
 */
import type { PassageDraft } from '../domain/types.js';
import type { LoadedSection } from './loaders/types.js';
import { MAX_PASSAGE_CHARS } from './passages.js';
import { splitAtSentences } from './split.js';

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0;

/**
 * A function from offsets in `source` to offsets in `target`, where `target` is `source` cleaned.
 * @example offsetMapper('kompe-\ntanse er', 'kompetanse er')(13) === 11 // "er"
 */
export function offsetMapper(source: string, target: string): (offset: number) => number {
  // next[i]: target position of the first source character at or after i that survived cleaning.
  const next = new Int32Array(source.length + 1);
  const matched = new Int32Array(source.length).fill(-1);
  let j = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) continue;
    while (j < target.length && isSpace(target.charCodeAt(j))) j++;
    if (j < target.length && target.charCodeAt(j) === c) matched[i] = j++;
  }
  next[source.length] = target.length;
  for (let i = source.length - 1; i >= 0; i--) next[i] = matched[i] >= 0 ? matched[i] : next[i + 1];
  return (offset) => next[Math.max(0, Math.min(source.length, offset))];
}

/**
 * Set each passage's page: the last page whose (cleaned) start is at or before the passage's start.
 * @example withPages(passages, [0, 2690]) // passages starting at or after 2690 get page 2
 */
export function withPages(passages: PassageDraft[], pageStarts: number[]): PassageDraft[] {
  return passages.map((p) => {
    let page = 1;
    for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i] <= p.start) page = i + 1;
    return { ...p, page };
  });
}

/**
 * Passages from sections the source delimits (a statute's §): one per section, split at sentences only when longer
 * than MAX_PASSAGE_CHARS, each piece keeping the section's anchor and heading path. `sections` are in `text` offsets.
 */
export function sectionPassages(text: string, sections: LoadedSection[]): PassageDraft[] {
  const passages: PassageDraft[] = [];
  for (const s of sections) {
    const slice = text.slice(s.start, s.end);
    if (slice.trim() === '') continue;
    for (const piece of splitAtSentences(slice, MAX_PASSAGE_CHARS)) {
      const start = s.start + piece.start;
      const end = s.start + piece.end;
      passages.push({
        ordinal: passages.length,
        text: text.slice(start, end),
        start,
        end,
        headingPath: [...s.headingPath],
        page: null,
        anchor: s.anchor,
      });
    }
  }
  return passages;
}
