/** Ceasing and lapsing («opphører», «uteblir», «faller bort», «avvikles»): «ikke lenger» said in one word. */
import type { Text } from './text.js';

/**
 * NOTE (issue 15, sixth blind set opened): verbs of ceasing and staying away carry a negation: «eiendommen opphører å
 * regnes som leiegård» is «regnes ikke lenger som leiegård», «framdriften uteblir» is «manglende framdrift». They count
 * as negations only where the other text has one (`negationElsewhere` in analyse.ts), so that they pair with it, and
 * does not have the same word (then the two say the same, and a negation beside one of them is added or dropped as
 * before); against a text with no negation, they are words like any other, as before.
 */
export const CEASES = new Set([
  'opphører',
  'opphøre',
  'opphørte',
  'opphørt',
  'opphøyrer',
  'opphøyre',
  'opphøyrde',
  'uteblir',
  'utebli',
  'uteblei',
  'uteblitt',
  'utebleiv',
]);
/**
 * «retten faller bort» (lapses) is «retten gjelder ikke lenger», and so are «ordningen avvikles», «kravet oppheves»,
 * «kommunen har sluttet å brøyte», «mister retten til»: these words (and the «bort» of «faller bort») count as
 * negations where the other text says «ikke lenger» and not the same word (see CEASES). Only there: «avvikles»
 * against «avvikles ikke» is the «ikke» added, as before.
 */
const LAPSES = new Set([
  'bortfaller',
  'bortfalle',
  'bortfalt',
  'bortfell',
  'bortfalla',
  'avvikles',
  'avvikle',
  'avviklet',
  'avvikla',
  'avviklast',
  'oppheves',
  'oppheve',
  'opphevet',
  'oppheva',
  'opphevast',
  'mister',
  'miste',
  'mistet',
  'mista',
]);
const FALLS = new Set(['faller', 'falle', 'falt', 'falla']);
const STOPS = new Set(['slutter', 'slutte', 'sluttet', 'sluttar', 'slutta']);
/** «ikke lenger», also with the subject between after a fronted clause («gjelder ikke retten lenger»). */
export const NO_LONGER_IN = /(?<![\p{L}])(?:ikke|ikkje)\s+(?:\p{L}+\s+){0,2}?(?:lenger|lengre)(?![\p{L}])/iu;
export const lapses = (tokens: readonly string[], i: number) =>
  LAPSES.has(tokens[i]) ||
  (tokens[i] === 'bort' && FALLS.has(tokens[i - 1] ?? '')) ||
  (STOPS.has(tokens[i]) && tokens[i + 1] === 'å');
/** Where `t` has a verb of ceasing next to the stretch i…j: before it with «å» between, or up to three words after it. */
export const ceasingNear = (t: Text, i: number, j: number) =>
  [i - 2, j + 2, j + 3].filter(
    (k) =>
      (CEASES.has(t.tokens[k] ?? '') || lapses(t.tokens, k)) &&
      t.seg[k] === t.seg[j] &&
      (k > j || t.tokens[i - 1] === 'å'),
  );
