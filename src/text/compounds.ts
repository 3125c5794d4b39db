/**
 * Norwegian compound words ("digitaliseringsstrategi", "skyløsning"): the parts join directly or with a linking
 * -s- or -e-. Two ways in: `splitCompound` finds the known parts of one word (the verifier, relevance), and
 * `compoundCuts` lists every plausible modifier + head cut of a lexeme (retrieval looks the heads up in the corpus).
 */
import { stem } from './stem.js';

/**
 * Split a compound word into known parts. Norwegian writes compounds as one word, joining the parts directly or with
 * a linking -s- or -e- ("digitalisering|s|strategi", "kommune|sektor"); the caller says which stems are known (for
 * the verifier: the words of the texts being compared), so no lexicon is needed. Each part is returned stemmed.
 * Returns `[stem(word)]` when no split into known parts (at most three) exists.
 * @example splitCompound('digitaliseringsstrategien', (s) => ['digitalisering', 'strategi'].includes(s))
 *   // → ['digitalisering', 'strategi']
 */
export function splitCompound(word: string, isKnown: (stem: string) => boolean, minPart = 3): string[] {
  const w = word.toLowerCase();
  return splitInto(w, isKnown, minPart, 3) ?? [stem(w)];
}

function splitInto(w: string, isKnown: (stem: string) => boolean, minPart: number, maxParts: number): string[] | null {
  // Prefer the longest tail: the head of a Norwegian compound is the modifier, the tail carries the meaning.
  for (let i = minPart; i <= w.length - minPart; i++) {
    const tail = stem(w.slice(i));
    if (tail.length < minPart || !isKnown(tail)) continue;
    const rawHead = w.slice(0, i);
    const heads = [rawHead];
    if (/[se]$/.test(rawHead) && rawHead.length - 1 >= minPart) heads.push(rawHead.slice(0, -1));
    for (const head of heads) {
      const h = stem(head);
      if (isKnown(h) || isKnown(head)) return [isKnown(h) ? h : head, tail];
      if (maxParts > 2) {
        const inner = splitInto(head, isKnown, minPart, maxParts - 1);
        if (inner) return [...inner, tail];
      }
    }
  }
  return null;
}

/** Shortest lexeme split into modifier + head, and the shortest modifier and head. */
const MIN_COMPOUND = 7;
const MIN_MODIFIER = 3;
const MIN_HEAD = 4;
/**
 * Word-forming prefixes, not topics: "forbund" is no compound of "for", nor "overgang" of "over". Cutting them
 * off would make siblings of every for-/be-/over- word (and cost a scan of hundreds of lexemes).
 */
const NOT_MODIFIERS = new Set(
  'for fore bak be er ge til over under mot med opp ned inn ut av på om gjen sam mis u van all'.split(' '),
);

/**
 * Ways to read a lexeme as modifier + head ("skyløsning" → sky + løsning; "digitaliseringsstrategi" →
 * digitalisering + s + strategi): every cut leaving a modifier of MIN_MODIFIER+ letters and a head of MIN_HEAD+,
 * with or without a linking s/e.
 * @example compoundCuts('skyløsning') // includes { modifier: 'sky', head: 'løsning' }
 */
export function compoundCuts(lexeme: string): { modifier: string; head: string }[] {
  const letters = [...lexeme];
  if (letters.length < MIN_COMPOUND || !/^\p{L}+$/u.test(lexeme)) return [];
  const cuts: { modifier: string; head: string }[] = [];
  for (let i = MIN_MODIFIER; i + MIN_HEAD <= letters.length; i++) {
    const modifier = letters.slice(0, i).join('');
    if (NOT_MODIFIERS.has(modifier)) continue;
    cuts.push({ modifier, head: letters.slice(i).join('') });
    if ((letters[i] === 's' || letters[i] === 'e') && i + 1 + MIN_HEAD <= letters.length)
      cuts.push({ modifier, head: letters.slice(i + 1).join('') });
  }
  return cuts;
}
