/**
 * Uses of «ikke» that negate nothing a sentence could reverse: «ikke minst», «ikke bare», «ikke annet er avtalt»,
 * «enten … eller ikke», «ikke … før» (not until, or the bound «tidligst»).
 */
import { ONLY, OTHER_THAN } from './exceptives.js';

/**
 * "ikke minst" (not least) emphasises, it does not negate, and a paraphrase may drop it.
 * NOTE: "ikke bare" (not only) and "ikke uten" (not without) count as negations on both sides: a source's
 * "ikke bare … men også" then pairs with the sentence's, and the bracket test's parity catches "uten feil"
 * written for "ikke uten feil".
 */
export const NOT_NEGATING_AFTER = new Set(['minst']);

/**
 * NOTE (issue 15, fifth blind set opened): three uses of «ikke» that negate nothing a sentence could reverse.
 * - «ikke bare X» (not only X) adds; a sentence that names more than X says it too. It counts as a negation only
 *   where the other text restricts with «bare»/«kun» (`only`), so «ikke bare … men også» still pairs with its own.
 * - «(så langt / om) ikke annet følger av / er avtalt» is an exception (unless agreed otherwise), as «med mindre annet
 *   er avtalt» is; against a text that words it with no «ikke» or «med mindre» at all («avtalar går føre lova»),
 *   what the sentence does with it is the condition check's business. Where the other text has either, the two
 *   pair as negations, as before.
 * - «enten/anten/om … eller ikke» (whether or not) is a disjunction, against a text that does not word it as one
 *   («uansett skyld»); where the other text has «enten … eller» too, a negation dropped from it is still caught.
 * - «X er ikke oppretta før Y» (not until) is «X er oppretta når Y»: against a text with no «ikke» that says when
 *   («når», «så snart», «straks», «først»), the «ikke» with a «før» a few words on is that time, not a reversal.
 * - (issue 15, seventh blind set opened) «X kan ikke falle bort før det har gått 20 år» is the bound «X faller
 *   tidligst bort etter 20 år»: against a text with no «ikke» that says «tidligst», an «ikke» with a «før» up to
 *   EARLIEST_REACH words on in its sentence is that bound (whose figure the number check compares).
 */
export function notNegating(
  tokens: readonly string[],
  seg: readonly number[],
  i: number,
  other: {
    only: boolean;
    exceptionElsewhere: boolean;
    notUntil: boolean;
    notBefore: boolean;
    whetherElsewhere: boolean;
  },
): boolean {
  const { only, exceptionElsewhere, notUntil, notBefore, whetherElsewhere } = other;
  const next = tokens[i + 1] ?? '';
  if (ONLY.has(next) && !only) return true;
  const exception = OTHER_THAN.has(next) && (FOLLOWS.has(tokens[i + 2] ?? '') || AGREED.has(tokens[i + 3] ?? ''));
  if (exception && !exceptionElsewhere) return true;
  if (notUntil && UNTIL_REACH.some((d) => tokens[i + d] === 'før' && seg[i + d] === seg[i])) return true;
  // «X kan ikke falle bort før det har gått 20 år» is «X faller tidligst bort etter 20 år».
  if (notBefore)
    for (let k = i + 1; k <= i + EARLIEST_REACH && seg[k] === seg[i]; k++) if (tokens[k] === 'før') return true;
  if (tokens[i - 1] === 'eller' && !whetherElsewhere)
    for (let k = i - 2; k >= 0 && seg[k] === seg[i]; k--) if (WHETHER.has(tokens[k])) return true;
  return false;
}
export const WHEN_IN = /(?<![\p{L}])(?:når|så\s+snart|straks|først)(?![\p{L}])/iu;
export const EARLIEST_IN = /(?<![\p{L}])(?:tidligst|tidlegast|tidligast)(?![\p{L}])/iu;
/** How far after «ikke» the «før» of «ikke … før» (the bound «tidligst») may stand: «ikke kan føre til at X faller bort før». */
const EARLIEST_REACH = 10;
const UNTIL_REACH = [1, 2, 3, 4, 5, 6];
const FOLLOWS = new Set(['følger', 'følgjer', 'fylgjer', 'følge', 'fylgje', 'framgår', 'fremgår']);
const AGREED = new Set(['avtalt', 'avtala', 'bestemt', 'fastsatt', 'fastsett', 'sagt', 'vedtatt', 'vedteke']);
const WHETHER = new Set(['enten', 'anten', 'om', 'uansett']);
export const WHETHER_IN = /(?<![\p{L}])(?:enten|anten)(?![\p{L}])[^.!?]*?(?<![\p{L}])eller(?![\p{L}])/iu;
