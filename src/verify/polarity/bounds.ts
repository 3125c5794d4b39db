/** Bounds: a negated comparison («ikke mer enn», «ikke tidligere enn») that states a limit the other text names. */
import { NUMBER_WORDS } from '../numbers.js';

/**
 * «ikke mer enn fire uker» is «høyst fire uker», «ikke tidligere enn» is «tidligst»: where the other text sets such
 * a bound, a negated comparison is that bound, not a negation.
 */
const BOUND_AFTER_NOT = new Set([
  'mer',
  'meir',
  'mindre',
  'flere',
  'fleire',
  'færre',
  'tidligere',
  'tidlegare',
  'senere',
  'seinare',
  'lenger',
  'over',
  'under',
  'større',
  'høyere',
  'lavere',
  'lengre',
  'kortere',
  'nærmere',
  'nærare',
  'tettere',
]);
/** Words a comparison may put between itself and «enn»: «ikke være nærmere naboeiendommen enn 4 meter». */
const BOUND_GAP = 2;
/** A negated comparison after negation i: «ikke (være datert) mer enn», «ikke nærmere (eiendommen) enn». */
export function boundAfter(tokens: readonly string[], i: number): boolean {
  for (let k = i + 1; k <= i + BOUND_REACH && k + 1 < tokens.length; k++) {
    if (!BOUND_AFTER_NOT.has(tokens[k])) continue;
    const enn = tokens.slice(k + 1, k + 2 + BOUND_GAP).indexOf('enn');
    if (enn < 0) continue;
    // NOTE (issue 15, third blind set opened): further than three words on only against a figure: «Det er ikke
    // adgang til å inngå tidsbestemt leieavtale for kortere tid enn tre år» is the bound «minst tre år».
    const figure = tokens.slice(k + enn + 2, k + enn + 4).some((w) => /^\d/.test(w) || Object.hasOwn(NUMBER_WORDS, w));
    if (k <= i + 3 || figure) return true;
  }
  return false;
}
/** How far after a negation a bound's comparative may stand when a figure follows its «enn». */
const BOUND_REACH = 10;
/** A compound naming a bound («minstetiden», «maksimalbeløpet»): the other text states one. */
export const BOUND_COMPOUND = /^(?:minst|minste|maksimal|høyest|høgast|lengst)\p{L}{3,}/u;
export const BOUNDS = [
  'minst',
  'høyst',
  'tidligst',
  'senest',
  'inntil',
  'opptil',
  'maksimalt',
  'minimum',
  'maksimum',
  'begrenset',
  'avgrenset',
  'avgrensa',
];
