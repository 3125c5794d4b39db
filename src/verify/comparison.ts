/**
 * A comparison turned around (issue 15, first blind set opened as development data): «handler mer om teknologi enn om
 * mennesker» for «handler mer om mennesker enn om teknologi». Both sides of «enn» are the source's words, so overlap is
 * perfect, and the pivot «enn» is no verb for the transposition check. The check reads the content word just before
 * «enn» and the first one after it, in the sentence and in the cited text: when the sentence has them the other way
 * round, the comparison is reversed. A finding asks for review.
 */
import { lexiconData } from './lexiconData.js';
import { z } from 'zod';
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

const Comparatives = z.object({
  about: z.string(),
  pairs: z.array(z.tuple([z.array(z.string().min(1)).min(1), z.array(z.string().min(1)).min(1)])).min(1),
});

/** Each comparative form with the forms of its opposite (data: lexicons/comparatives.json). */
export function parseComparatives(json: unknown): Map<string, Set<string>> {
  const opposite = new Map<string, Set<string>>();
  for (const [a, b] of Comparatives.parse(json).pairs)
    for (const [from, to] of [
      [a, b],
      [b, a],
    ])
      for (const w of from) opposite.set(w, new Set([...(opposite.get(w) ?? []), ...to]));
  return opposite;
}
let shipped: Map<string, Set<string>> | undefined;
const comparatives = () => (shipped ??= parseComparatives(lexiconData('comparatives')));

/** How far before «enn» a comparative may stand («et lavere beløp enn»), and how far its standard reaches after. */
const BEFORE = 4;
const STANDARD = 6;

/** Each «enn» with a comparative before it: the comparative, and the content stems around it (what and against what). */
function comparisons(text: string): { word: string; about: Set<string> }[] {
  const opposite = comparatives();
  const t = lexiconTokens(text);
  const out: { word: string; about: Set<string> }[] = [];
  t.forEach((w, i) => {
    if (w !== 'enn') return;
    let k = i - 1;
    while (k >= Math.max(0, i - BEFORE) && !opposite.has(t[k])) k--;
    if (k < Math.max(0, i - BEFORE)) return;
    const around = [...t.slice(k + 1, i), ...t.slice(i + 1, i + 1 + STANDARD)];
    out.push({ word: t[k], about: new Set(around.filter(isSide).map(stem)) });
  });
  return out;
}

/**
 * The sentence's comparative and the cited text's, when the sentence compares the same thing against the same
 * standard the other way: «fastsetter en høyere leie enn utleieren har krevd» for «fastsetter et lavere beløp enn det
 * utleieren har krevd i leie» (issue 15, third blind set opened). The cited comparison sharing the most content words
 * with the sentence's (two at least, and more than any other) is the one it restates; a finding asks for review.
 * @example oppositeComparison('Leien kan bli høyere enn det utleieren har krevd.', 'Leien kan bli lavere enn det utleieren har krevd.')
 *   // → { said: 'høyere', source: 'lavere' }
 */
export function oppositeComparison(sentence: string, cited: string): { said: string; source: string } | null {
  const opposite = comparatives();
  const theirs = comparisons(cited);
  for (const s of comparisons(sentence)) {
    const scored = theirs
      .map((c) => ({ c, n: [...s.about].filter((x) => c.about.has(x)).length }))
      .sort((a, b) => b.n - a.n);
    const [best, next] = scored;
    if (!best || best.n < 2 || (next && next.n === best.n)) continue;
    if (opposite.get(s.word)?.has(best.c.word)) return { said: s.word, source: best.c.word };
  }
  return null;
}
