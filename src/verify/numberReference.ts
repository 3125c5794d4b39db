/**
 * What a number is a share of: «2/3 av bærekraftsmålene» is not «2/3 av kommunene», «to tredjedeler av leierne» is
 * not «to tredjedeler av eierne». The number check (numbers.ts) finds the figure in the source and is content; the
 * counted noun after «av» is what changed (issue 15, third misses round).
 */
import { stem } from '../text/stem.js';
import { extractNumbers } from './numbers.js';

/** Words between «av» and the noun it governs. */
const DETERMINERS = new Set([
  'de',
  'dei',
  'det',
  'den',
  'alle',
  'sine',
  'sitt',
  'sin',
  'våre',
  'vårt',
  'vår',
  'hele',
  'heile',
  'landets',
  'alle',
  'samtlige',
]);

interface Share {
  key: string;
  number: string;
  noun: string;
}

/** Each number directly followed by «av» and a noun, with the noun (as written). */
export function sharesOf(text: string): Share[] {
  const out: Share[] = [];
  for (const m of text.matchAll(/((?:[\p{L}\p{N}/,.%]+\s+){1,3}?)av\s+((?:[\p{L}]+\s+){0,2}?[\p{L}]+)/gu)) {
    const facts = extractNumbers(m[1]);
    if (facts.length === 0) continue;
    const noun = m[2].split(/\s+/).find((w) => !DETERMINERS.has(w.toLowerCase()));
    if (noun) out.push({ key: facts[facts.length - 1].key, number: facts[facts.length - 1].text, noun });
  }
  return out;
}

/**
 * The sentence's share whose number the cited text has as a share of something else, or null.
 * @example changedShare('FN sier at 2/3 av kommunene må bidra.', 'FN sier at 2/3 av bærekraftsmålene kun kan løses lokalt.')
 *   // → { number: '2/3', said: 'kommunene', source: 'bærekraftsmålene' }
 */
export function changedShare(sentence: string, cited: string): { number: string; said: string; source: string } | null {
  const shares = sharesOf(sentence);
  if (shares.length === 0) return null;
  const theirs = sharesOf(cited);
  for (const mine of shares) {
    const same = theirs.filter((t) => t.key === mine.key);
    if (same.length === 0 || same.some((t) => stem(t.noun.toLowerCase()) === stem(mine.noun.toLowerCase()))) continue;
    return { number: mine.number, said: mine.noun, source: same[0].noun };
  }
  return null;
}
