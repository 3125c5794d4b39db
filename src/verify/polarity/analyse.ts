/** Reading a text for the polarity check: which of its words negate, given what the other text says. */
import { stem } from '../../text/stem.js';
import { STOPWORDS } from '../../text/words.js';
import { splitSentences } from '../../text/sentences.js';
import { negatedAntonym } from '../antonyms.js';
import { negationsInTerms } from '../lexicon.js';
import type { Text } from './text.js';
import { NEGATIONS } from './negatingWords.js';
import { DEMAND_IN, LACKS, MANGEL_NOUNS, TOO, defectsNoun } from './lack.js';
import { INSTEAD_IN, ratherThan } from './insteadOf.js';
import { CEASES, NO_LONGER_IN, lapses } from './noLonger.js';
import { BOUNDS, BOUND_COMPOUND, boundAfter } from './bounds.js';
import { ONLY, UNLESS, exceptiveAfter, otherThan } from './exceptives.js';
import { doubleNegations } from './cancellingNegations.js';
import { LIST_ITEM, inCondition } from './conditions.js';
import { EARLIEST_IN, NOT_NEGATING_AFTER, WHEN_IN, WHETHER_IN, notNegating } from './notNegating.js';
import { NOT_IN, otherFlags, sameAs, tokensOf } from './tokens.js';

/** «faller utenfor», «holdes utenfor» (is not covered) carry a negation. */
const FALLS_OUTSIDE = new Set(['faller', 'falle', 'fell', 'holdes', 'haldast']);

/** «vente med X til Y» (wait with X until Y) says «ikke X før Y». */
const WAIT = new Set(['vente', 'venta', 'venter', 'ventar', 'ventet']);

/** Modal and light verbs the stop-word list lacks; they say nothing about what is negated. */
const LIGHT = new Set(['må', 'bør', 'får', 'gjør', 'går', 'tar', 'gir', 'kr']);

/**
 * `other` holds the other text's stems. NOTE: «X er ikke fravikelig med mindre Y» and «X kan bare fravikes der Y»
 * say the same: where the other text says «bare»/«kun», a negation followed in its clause by «med mindre» or
 * «unntatt» is that construction and not counted.
 */
export function analyse(text: string, other?: Set<string>, otherText = ''): Text {
  const tokens: string[] = [];
  const seg: number[] = [];
  // NOTE: tokens sentence by sentence, so that a window or bracket never reaches into the next sentence: «… er god,
  // men den mangler kraft. Medlemmene etterspør …» must not make «mangler» about the members.
  const spans = /[.!?]\s/.test(text) ? splitSentences(text) : [];
  const flags = otherFlags(otherText);
  const cond: boolean[] = [];
  (spans.length ? spans.map((x) => text.slice(x.start, x.end)) : [text]).forEach((part, k) => {
    const t = negatedAntonym(tokensOf(part, other, otherText, flags), otherText);
    const item = LIST_ITEM.test(part);
    t.forEach((_, i) => cond.push(inCondition(t, i, item)));
    tokens.push(...t);
    for (const _ of t) seg.push(k);
  });
  const only = other !== undefined && [...ONLY].some((w) => other.has(stem(w)));
  const bounded =
    other !== undefined &&
    ([...BOUNDS].some((w) => other.has(stem(w))) || [...other].some((w) => BOUND_COMPOUND.test(w)));
  const instead = INSTEAD_IN.test(otherText);
  const exceptionElsewhere = NOT_IN.test(otherText) || UNLESS.test(otherText);
  const notUntil = !NOT_IN.test(otherText) && WHEN_IN.test(otherText);
  const notBefore = !NOT_IN.test(otherText) && EARLIEST_IN.test(otherText);
  const otherTokens = otherText !== '' ? tokensOf(otherText) : [];
  const negationElsewhere = otherTokens.some((w) => NEGATIONS.has(w));
  const noLonger = NO_LONGER_IN.test(otherText);
  // The same word in the other text is the same statement, no negation to pair: «oppheves» against «oppheves ikke»
  // is the «ikke» added, as before.
  const ceases = (i: number) => CEASES.has(tokens[i]) && negationElsewhere && !otherTokens.includes(tokens[i]);
  const lapsed = (i: number) =>
    lapses(tokens, i) && noLonger && !otherTokens.some((w, k) => w === tokens[i] && lapses(otherTokens, k));
  const whetherElsewhere = WHETHER_IN.test(otherText);
  const demanded = (i: number) =>
    DEMAND_IN.test(otherText) && tokens.slice(i + 1, i + 4).some((w) => other?.has(stem(w)) === true);
  // Most texts have no negation at all; the stance terms are looked up only where one is.
  const inTerms = tokens.some((w) => NEGATIONS.has(w))
    ? negationsInTerms(tokens, tokensOf(otherText))
    : new Set<number>();
  // The other text is read for negations only where this one has a pair to cancel (rare).
  const pairs = otherText !== '' ? doubleNegations(tokens, seg) : new Set<number>();
  const double = pairs.size > 0 && !tokensOf(otherText).some((w) => NEGATIONS.has(w)) ? pairs : new Set<number>();
  const negated = tokens.map(
    (w, i) =>
      (NEGATIONS.has(w) &&
        !inTerms.has(i) &&
        !double.has(i) &&
        !(MANGEL_NOUNS.has(w) && tokens[i + 1] !== 'på') &&
        !defectsNoun(tokens, i) &&
        !(LACKS.has(w) && demanded(i)) &&
        !((w === 'uten' || w === 'utan') && otherThan(tokens, i)) &&
        !((w === 'ikke' || w === 'ikkje') && NOT_NEGATING_AFTER.has(tokens[i + 1])) &&
        !(
          (w === 'ikke' || w === 'ikkje') &&
          notNegating(tokens, seg, i, { only, exceptionElsewhere, notUntil, notBefore, whetherElsewhere })
        ) &&
        !(only && exceptiveAfter(tokens, i)) &&
        !(bounded && boundAfter(tokens, i))) ||
      (w === 'stedet' && tokens[i - 1] === 'i' && tokens[i + 1] === 'for') ||
      (instead && ratherThan(tokens, i)) ||
      (w === 'for' && TOO.has(tokens[i + 1] ?? '')) ||
      (w === 'utenfor' && FALLS_OUTSIDE.has(tokens[i - 1] ?? '')) ||
      (WAIT.has(w) && tokens[i + 1] === 'med') ||
      ceases(i) ||
      lapsed(i),
  );
  const content = tokens.map(
    (t, i) =>
      !negated[i] &&
      !(TOO.has(t) && tokens[i - 1] === 'for') &&
      t.length > 1 &&
      !STOPWORDS.has(t) &&
      !LIGHT.has(t) &&
      !NEGATIONS.has(t) &&
      !/^\d+$/.test(t),
  );
  // Synonyms share one stem, so «ikke nok» and «ikke tilstrekkelig» bracket the same word.
  const stems = tokens.map(sameAs);
  return { tokens, stems, content, negated, stemSet: new Set(stems), seg, cond };
}
