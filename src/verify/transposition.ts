/**
 * Two parts of a sentence swapped around the word between them: «økt velferd vil skape teknologisk innovasjon» for
 * «teknologisk innovasjon vil skape økt velferd», «overvåkning fører til manglende involvering» for the reverse.
 * Every word is the source's, so overlap is perfect; only the order shows who does what to whom. The check asks
 * whether the sentence's content words, out of the source's order, fall into it once two stretches on either side
 * of a pivot word trade places. It cannot tell a reversal from a free but faithful reordering for certain, so a
 * finding asks for review.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

/** Auxiliaries move with word order (V2: «må personvernet sikres» / «personvernet må sikres»); they are not parts. */
export const MOVABLE = new Set([
  'må',
  'skal',
  'bør',
  'burde',
  'kunne',
  'får',
  'fikk',
  'derfor',
  'også',
  'dessuten',
  'likevel',
]);
export const isContent = (w: string) => w.length > 1 && !STOPWORDS.has(w) && !MOVABLE.has(w);
const content = (text: string) => lexiconTokens(text).filter(isContent).map(stem);
/** Words that make their neighbour an item of a list rather than a pivot between two parts. */
export const LISTING = new Set([',', 'og', 'eller', 'samt']);
/** Before an infinitive («vil skape», «å styrke»). */
const INFINITIVE_AFTER = new Set(['vil', 'skal', 'må', 'kan', 'bør', 'kunne', 'ville', 'skulle', 'å']);

/** The sentence and its cited text as swapped-parts checks read them (here and in exchange.ts). */
export interface OutOfOrder {
  /** The cited text's content stems, in order. */
  c: string[];
  /** The sentence's lower-case tokens, commas kept (a list item is known by its neighbour). */
  tokens: string[];
  /** The sentence's content words from the first one the cited text has (its frame left out) that the cited text has. */
  mine: string[];
  /** `mine` stemmed. */
  s: string[];
  /** Words next to «og», «eller» or a comma: items of a list. */
  listed: Set<string>;
}

/**
 * The sentence read against its cited text, or null when no swap can be in it: only when every content word of the
 * sentence but one is in the cited text (after its frame, such as «X skriver at»), there are 3 to `MAX_WORDS` of
 * them, and they are not in the cited text's order.
 */
export function outOfOrder(sentence: string, cited: string): OutOfOrder | null {
  const c = content(cited);
  const have = new Set(c);
  const raw = sentence.toLowerCase().match(/[\p{L}\p{N}]+|,/gu) ?? [];
  const tokens = raw.map((w) => (w === ',' ? w : (lexiconTokens(w)[0] ?? w)));
  const all = tokens.filter(isContent);
  const from = all.findIndex((w) => have.has(stem(w)));
  const rest = from < 0 ? [] : all.slice(from);
  const mine = rest.filter((w) => have.has(stem(w)));
  const s = mine.map(stem);
  if (s.length < 3 || s.length > MAX_WORDS || mine.length < rest.length - 1 || inOrder(s, c)) return null;
  const listed = new Set(
    tokens.filter((w, i) => isContent(w) && (LISTING.has(tokens[i - 1] ?? '') || LISTING.has(tokens[i + 1] ?? ''))),
  );
  return { c, tokens, mine, s, listed };
}

/** Whether `seq` occurs in `within` in order (not necessarily next to each other). */
export function inOrder(seq: readonly string[], within: readonly string[]): boolean {
  let k = 0;
  for (const w of within) if (k < seq.length && w === seq[k]) k++;
  return k === seq.length;
}

/** A passive verb (-es, -s) followed by «av» and its agent, at most three words between. */
export const PASSIVE_AGENT = /\p{L}{3,}(?:es|s)\s+(?:\p{L}+\s+){0,3}?av\s+\p{L}/u;

/** A sentence longer than this (in content words) is left alone: the search is cubic, and long ones are rewordings. */
const MAX_WORDS = 24;

/**
 * The two stretches (as the sentence words them) that the sentence has in the opposite order to its cited text, or
 * null: only when every content word of the sentence but one is in the cited text (after its frame, such as
 * «X skriver at»), the sentence is not in its order, and swapping two stretches around one pivot word
 * puts it in order.
 * @example swappedParts('Økt velferd vil skape teknologisk innovasjon.', 'Teknologisk innovasjon vil skape økt velferd.')
 *   // → { first: 'økt velferd', second: 'teknologisk innovasjon' }
 */
export function swappedParts(sentence: string, cited: string): { first: string; second: string } | null {
  // NOTE (issue 15, third round): a passive with its agent («skal koordineres av en nasjonal geodatakoordinator»)
  // turned active, or the other way round, puts the parts in the opposite order by design; who does what is then
  // the roles check's business (roles.ts), not this one's.
  if (PASSIVE_AGENT.test(sentence) !== PASSIVE_AGENT.test(cited)) return null;
  const read = outOfOrder(sentence, cited);
  if (!read) return null;
  const { c, tokens, mine, s, listed } = read;
  // NOTE: a pivot that swaps who does what to whom is a verb: a present tense («bidrar», «fører»), a passive
  // («utfordres») or an infinitive
  // («vil skape»). A noun between two moved words is a phrase reordered («med utleierens godkjenning framleie»).
  const verbs = new Set(
    tokens.filter((w, i) => isContent(w) && (/(?:r|es)$/u.test(w) || INFINITIVE_AFTER.has(tokens[i - 1] ?? ''))),
  );
  // S = P + X + [pivot] + Y + Q, tried as P + Y + [pivot] + X + Q.
  for (let a = 0; a < s.length; a++)
    for (let p = a + 1; p < s.length - 1; p++)
      for (let b = p + 2; b <= s.length; b++) {
        const x = s.slice(a, p);
        const y = s.slice(p + 1, b);
        // NOTE: a pivot next to «og», «eller» or a comma is an item of a list, and a list read backwards is no swap.
        if (listed.has(mine[p]) || !verbs.has(mine[p])) continue;
        if (inOrder([...s.slice(0, a), ...y, s[p], ...x, ...s.slice(b)], c))
          return { first: mine.slice(a, p).join(' '), second: mine.slice(p + 1, b).join(' ') };
      }
  return null;
}
