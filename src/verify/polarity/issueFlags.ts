/** What an issue says beside its kind: the words it is about, and whether it is unplaced or in a condition. */
import type { Negation, Text } from './text.js';
import { NEGATIONS } from './negatingWords.js';
import { ratherThan } from './insteadOf.js';
import { BOUNDS } from './bounds.js';

/**
 * NOTE: «uten oppsigelse» left out whole, with the noun it governs, is a detail dropped (the overlap and condition
 * checks' business), not a reversal: an «uten» counts only where the other text names what it is without.
 */
export const omitted = (n: Negation, other: Text) =>
  (n.word === 'uten' || n.word === 'utan') && n.after.length > 0 && !other.stemSet.has(n.after[0]);

/**
 * `unplaced` for a negation the bracket test could not place, where the other text has a negation, a «fremfor» or a
 * bound of its own, which it may restate in words the pairing does not see («minst 4 meter» for «ikke nærmere enn 4
 * meter»). A negation against a text with none of them is a plain reversal, placed or not.
 */
export const unplacedIn = (other: Text) =>
  other.tokens.some((w, i) => NEGATIONS.has(w) || ratherThan(other.tokens, i) || w === 'stedet' || BOUNDS.includes(w))
    ? { unplaced: true }
    : {};

/**
 * NOTE (issue 15, fifth blind set opened): `unplaced` too for a negation the bracket test placed in a stretch of the
 * other text without one, where that stretch's sentence has a negation elsewhere. Whether that negation governs the
 * stretch is a reading of its scope («det er ingen automatikk i at gevinstene fordeles jevnt»; «… av
 * oppmålingsforretning som ikkje er fullført …» against «Blir ikkje oppmålingsforretninga fullført …»): ≈, not ✗.
 * Against a sentence with no negation at all, a placed one stays a plain reversal.
 */
export const negatedSentence = (other: Text, seg: number) =>
  other.negated.some((x, k) => x && other.seg[k] === seg) ? { unplaced: true } : {};

/**
 * NOTE (issue 15, sixth blind set opened): «dårlig tilpasset», «lite egnet», «svakt begrunnet» restate «ikke tilpasset»
 * as a matter of degree. Where the other text puts such a word right before the word a negation governs, the two may
 * say the same or not quite: `unplaced` (≈ with a «kontroller» reason), never ✗.
 */
const WEAKLY = new Set([
  'dårlig',
  'dårleg',
  'dårlige',
  'dårlege',
  'lite',
  'svakt',
  'mangelfullt',
  'utilstrekkelig',
  'utilstrekkeleg',
  'utilstrekkelige',
]);
export const weakened = (n: Negation, other: Text) =>
  n.after.length > 0 && other.stems.some((x, j) => x === n.after[0] && WEAKLY.has(other.tokens[j - 1] ?? ''))
    ? { unplaced: true }
    : {};

/** `inCondition` for a negation in a condition of its own text (only then, so most issues stay as they were). */
export const conditionOf = (n: Negation, t: Text) => (t.cond[n.index] ? { inCondition: true } : {});

/** The words around a negation (as written) whose stems the other text has. */
export const about = (n: Negation, other: Text) =>
  [...n.around].filter(([x]) => other.stemSet.has(x)).map(([, w]) => w);
