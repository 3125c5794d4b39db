/**
 * A defining relative clause dropped: «For rett … til bruk som ikkje viser seg av ei fast tilstelling, er hevdstida
 * 50 år» restricts the rule to one kind of use; «Hevdstida for bruksrett … er 50 år» keeps the noun and drops the
 * clause, so it widens the rule to every use. quantifierNoun.ts does this after a quantifier («alle leiere som …»);
 * this reads any noun whose clause carries a restriction (a negation, a condition or a limit word), since a clause
 * that only describes («kommunene som eier skolene») is often left out of a faithful summary.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens, writtenForm } from './lexicon.js';
import { synonymKey } from './overlap.js';

const key = (w: string) => synonymKey(stem(w));
const isContent = (w: string | undefined) => w !== undefined && w.length > 2 && !STOPWORDS.has(w) && !/^\d+$/.test(w);
/** Words that make a relative clause restrict, not describe (Bokmål, as lexiconTokens gives them). */
const RESTRICTING = new Set([
  'ikke',
  'ingen',
  'aldri',
  'bare',
  'kun',
  'uten',
  'dersom',
  'hvis',
  'minst',
  'høyst',
  'over',
  'under',
  'mer',
  'mindre',
  'særlig',
  'særskilt',
  'fast',
  'varig',
]);
/** How far a relative clause is read: to a comma or sentence end, at most this many words. */
const CLAUSE = 10;

/** Whether the sentence's token is the noun or a compound ending or starting with it («bruksrett» has «bruk»). */
const hasNoun = (tokens: readonly string[], noun: string) =>
  tokens.some((t) => key(t) === key(noun) || (t.length >= noun.length + 3 && (t.startsWith(noun) || t.endsWith(noun))));

/**
 * The cited «noun som …» stretch whose restricting clause the sentence drops while keeping the noun, or null.
 * @example droppedRestrictiveClause('Hevdstida for bruksrett er 50 år.', 'For bruk som ikkje viser seg, er hevdstida 50 år.')
 *   // → 'bruk som ikkje viser seg' (as the cited text writes it)
 */
export function droppedRestrictiveClause(sentence: string, cited: string): string | null {
  const raw = cited.toLowerCase();
  const s = lexiconTokens(sentence);
  if (s.includes('som')) return null;
  const mine = new Set(s.map(key));
  // «noun som …» with no comma before «som» (a comma makes the clause a comment on the noun, not a restriction of
  // it), the clause read to the next comma or sentence end.
  for (const m of raw.matchAll(/([\p{L}-]+)\s+som\s+([^,.;:!?]+)/gu)) {
    const noun = lexiconTokens(m[1])[0];
    if (!isContent(noun)) continue;
    const clause = lexiconTokens(m[2]).slice(0, CLAUSE);
    if (!clause.some((w) => RESTRICTING.has(w))) continue;
    const content = clause.filter(isContent);
    if (content.length === 0 || !hasNoun(s, noun)) continue;
    if (content.some((w) => mine.has(key(w)))) continue;
    return writtenForm(cited, [noun, 'som', ...clause.slice(0, 4)].join(' '));
  }
  return null;
}
