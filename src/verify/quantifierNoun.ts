/**
 * Which noun a quantifier is about. «Alle andelseigarar kan …» against a cited text whose only universal is «heile
 * bustaden», or «alle utdanninger» against «alle profesjonsutdanninger»: the sentence keeps a quantifier of the
 * cited text's group but puts it on another, wider noun (issue 15, fourth blind set opened: misses that «keep nearly
 * every word of the quote and change how widely it holds»). The quantity lexicon lists the determiners
 * (`determiners` in lexicons/quantity.json); the cited text backs one only with a term of the same group standing
 * before the same noun, or a synonym of it.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexicons, lexiconTokens } from './lexicon.js';
import { synonymKey } from './overlap.js';

/** Content words looked at after a determiner: «alle [norske] kommuner», «hele [det offentlige] Norge». */
const NOUN_REACH = 3;

/** A word's stem, or the first stem of its synonym group. */
const sameAs = (word: string) => synonymKey(stem(word));

const isContent = (w: string | undefined) => w !== undefined && w.length > 1 && !STOPWORDS.has(w) && !/^\d+$/.test(w);

/**
 * The content words within NOUN_REACH tokens after position `i`, as stems (two written apart, «profesjons-
 * utdanninger», also as one). None where the quantifier stands alone, as a pronoun («de fleste har …», «for alle»).
 */
function nounsAfter(tokens: readonly string[], i: number): string[] {
  if (!isContent(tokens[i])) return [];
  const out: string[] = [];
  for (let k = i; k < tokens.length && k < i + NOUN_REACH; k++) {
    if (!isContent(tokens[k])) continue;
    out.push(sameAs(tokens[k]));
    if (isContent(tokens[k + 1])) out.push(sameAs(tokens[k] + tokens[k + 1]));
  }
  return out;
}

function occurrences(term: readonly string[], tokens: readonly string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i + term.length <= tokens.length; i++) if (term.every((w, k) => tokens[i + k] === w)) at.push(i);
  return at;
}

/**
 * The first determiner of the sentence that the cited text has a term of its group for, but never before the noun
 * the sentence puts it on.
 * @example movedQuantifier('Alle eiere kan leie ut.', 'En eier kan leie ut hele boligen.')
 *   // → { said: 'alle', noun: 'eiere' }
 */
export function movedQuantifier(sentence: string, cited: string): { said: string; noun: string } | null {
  const quantity = lexicons().find((l) => l.lexicon.name === 'quantity');
  const determiners = new Set(quantity?.lexicon.determiners ?? []);
  if (!quantity || determiners.size === 0) return null;
  const s = lexiconTokens(sentence);
  const c = lexiconTokens(cited);
  for (const scale of quantity.scales)
    for (const group of scale) {
      const mine = group.filter((t) => determiners.has(t.text));
      const theirs = group.flatMap((t) => occurrences(t.words, c).map((j) => j + t.words.length));
      if (mine.length === 0 || theirs.length === 0) continue;
      // A cited quantifier used as a pronoun («de fleste har tillit») is about people the text does not name.
      if (theirs.some((j) => nounsAfter(c, j).length === 0)) continue;
      const cited = new Set(theirs.flatMap((j) => nounsAfter(c, j)));
      for (const term of mine)
        for (const i of occurrences(term.words, s)) {
          const after = i + term.words.length;
          const nouns = nounsAfter(s, after);
          if (nouns.length === 0 || nouns.some((n) => cited.has(n))) continue;
          const noun = s[after];
          return { said: term.text, noun };
        }
    }
  return null;
}

/**
 * NOTE (issue 15, fourth blind set opened): a quantifier's noun restricted by a defining relative clause, right after
 * it and with no comma («alle innbyggere som kan», «alle leiere som bor i boligen»), restated with the same
 * quantifier and noun but without the clause widens the claim to the whole group. Returns the cited stretch
 * («alle innbyggere som kan») or null.
 * @example droppedDefining('Alle leiere kan kreve det.', 'Alle leiere som bor i boligen, kan kreve det.')
 *   // → 'alle leiere som bor'
 */
export function droppedDefining(sentence: string, cited: string): string | null {
  const quantity = lexicons().find((l) => l.lexicon.name === 'quantity');
  const determiners = new Set(quantity?.lexicon.determiners ?? []);
  if (!quantity || determiners.size === 0) return null;
  const raw = cited.toLowerCase();
  const s = lexiconTokens(sentence);
  const c = lexiconTokens(cited);
  for (const d of determiners) {
    const term = d.split(' ');
    for (const j of occurrences(term, c)) {
      const noun = j + term.length;
      if (!isContent(c[noun]) || c[noun + 1] !== 'som') continue;
      // A comma before «som» makes the clause a comment on the whole group, not a restriction of it.
      if (new RegExp(`${c[noun]}\\s*,\\s*som(?![\\p{L}])`, 'u').test(raw)) continue;
      const mine = occurrences(term, s).find((i) => sameAs(s[i + term.length] ?? '') === sameAs(c[noun]));
      if (mine === undefined) continue;
      if (s.slice(mine + term.length + 1, mine + term.length + 3).includes('som')) continue;
      return c.slice(j, noun + 3).join(' ');
    }
  }
  return null;
}
