/**
 * Which written standard a Norwegian text is in, read from the small words that differ between them («ikkje/ikke»,
 * «eit/et», «frå/fra», «kva/hva» …). For the language of an uploaded document the user did not give: a Nynorsk
 * høyringsnotat stored as Bokmål gets Bokmål labels and spelling help. Only a clear majority decides; a text with few
 * such words, or a mix, gives undefined and the caller keeps its default.
 * @example writtenStandard('Departementet meiner at kommunane ikkje skal ha eit slikt ansvar.') // → 'nn'
 */
import { words } from './words.js';

const NYNORSK = new Set(
  'ikkje eit dei frå korleis kva vere berre ho kvifor mykje nokon noko nokre fleire desse medan dykk dykkar eg meiner ynskjer'.split(
    ' ',
  ),
);
const BOKMAL = new Set(
  'ikke et de fra hvordan hva være bare hun hvorfor mye noen noe flere disse mens dere deres jeg mener ønsker'.split(
    ' ',
  ),
);
/** At least this many marker words of the winning standard, and this many times the other's. */
const LEAST = 5;
const RATIO = 3;

export function writtenStandard(text: string): 'nb' | 'nn' | undefined {
  let nn = 0;
  let nb = 0;
  for (const w of words(text)) {
    if (NYNORSK.has(w)) nn++;
    else if (BOKMAL.has(w)) nb++;
  }
  if (nn >= LEAST && nn >= RATIO * nb) return 'nn';
  if (nb >= LEAST && nb >= RATIO * nn) return 'nb';
  return undefined;
}
