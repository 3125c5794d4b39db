/**
 * A comparison turned around (issue 15, first blind set opened as development data): «handler mer om teknologi enn om
 * mennesker» for «handler mer om mennesker enn om teknologi». Both sides of «enn» are the source's words, so overlap is
 * perfect, and the pivot «enn» is no verb for the transposition check. The check reads the content word just before
 * «enn» and the first one after it, in the sentence and in the cited text: when the sentence has them the other way
 * round, the comparison is reversed. A finding asks for review.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

/** Comparative words before «enn» (they say which way, not what is compared): «mer», «bedre», «heller». */
const COMPARATIVE = new Set([
  'mer',
  'meir',
  'mindre',
  'heller',
  'snarere',
  'bedre',
  'verre',
  'større',
  'færre',
  'flere',
]);
const isSide = (w: string) => w.length > 1 && !STOPWORDS.has(w) && !COMPARATIVE.has(w) && !/^\d+$/.test(w);

/** Each «enn» in the text: the stem of the content word before it and of the first one after it. */
function sides(text: string): { before: string; after: string; words: [string, string] }[] {
  const t = lexiconTokens(text);
  const out: { before: string; after: string; words: [string, string] }[] = [];
  t.forEach((w, i) => {
    if (w !== 'enn') return;
    const before = t
      .slice(Math.max(0, i - 4), i)
      .filter(isSide)
      .at(-1);
    const after = t.slice(i + 1, i + 5).find(isSide);
    if (before && after) out.push({ before: stem(before), after: stem(after), words: [before, after] });
  });
  return out;
}

/**
 * The two sides the sentence compares the other way round to the cited text, or null.
 * @example turnedComparison('Tilliten betyr mer for kommunene enn for staten.', 'Tilliten betyr mer for staten enn for kommunene.')
 *   // → { first: 'kommunene', second: 'staten' }
 */
export function turnedComparison(sentence: string, cited: string): { first: string; second: string } | null {
  const theirs = sides(cited);
  for (const s of sides(sentence))
    if (s.before !== s.after && theirs.some((c) => c.before === s.after && c.after === s.before))
      return { first: s.words[0], second: s.words[1] };
  return null;
}
