/**
 * Negations that say the same as the cited text in other words (issue 15, first blind set opened as development
 * data), rewritten in the cited text's terms before the checks read the sentence:
 * - «kan ikke unnlate å opplyse» (cannot fail to) is «må opplyse»: a negated negative verb is a duty;
 * - «kan ikke nekte … uten at …» (not without) is «kan bare nekte … dersom …» where the cited text says «bare»;
 * - «savner» (misses) is «mangler» where the cited text says «mangler».
 * Without this the negation check reads an added «ikke» and calls a faithful sentence contradicted (✗).
 */

/** «(kan|skal) [subject] ikke [adverb] unnlate å» / «la være å»: a duty. */
const NOT_FAIL_TO =
  /(?<![\p{L}])(?:kan|skal|må|bør)((?:\s+[\p{L}’'-]+){0,3}?)\s+(?:ikke|ikkje)((?:\s+[\p{L}’'-]+){0,2}?)\s+(?:unnlate|unnlata|la\s+være|la\s+vere)\s+å(?![\p{L}])/giu;
/** «ikke X uten (at) Y», X at most five words: «only X if Y». */
const NOT_WITHOUT = /(?<![\p{L}])(?:ikke|ikkje)((?:\s+[\p{L}’'-]+){1,5}?)\s+(?:uten|utan)(?:\s+at)?(?![\p{L}])/giu;
const ONLY = /(?<![\p{L}])(?:bare|kun|berre)(?![\p{L}])/iu;
const MISSES = /(?<![\p{L}])(?:savner|savnar|saknar)(?![\p{L}])/giu;
const LACKS = /(?<![\p{L}])(?:mangler|manglar)(?![\p{L}])/iu;

/**
 * The sentence with double negations and negative verbs in the cited text's terms (unchanged when none applies).
 * @example restateNegations('Kommunen kan ikke unnlate å svare.', 'Kommunen må svare.') // → 'Kommunen må svare.'
 * @example restateNegations('Styret kan ikke avvise saken uten at den er utredet.', 'Styret kan bare avvise saken dersom den er utredet.')
 *   // → 'Styret kan bare avvise saken dersom den er utredet.'
 */
export function restateNegations(sentence: string, cited: string): string {
  let s = sentence.replace(NOT_FAIL_TO, (_m, between: string, adverb: string) => `må${between}${adverb}`);
  if (ONLY.test(cited) && !ONLY.test(s)) s = s.replace(NOT_WITHOUT, (_m, what: string) => `bare${what} dersom`);
  if (LACKS.test(cited)) s = s.replace(MISSES, 'mangler');
  return s;
}
