/**
 * An elided quote that joins two sentences of its source into one claim: «Teknologisk innovasjon vil skape …
 * økte forskjeller», «markedet raskere klarer å tilby digitale tjenester … fordi de mest ressurssterke brukerne vil
 * migrere». Each piece is verbatim, so the quote is found; but the sentence ties the pieces together (a cause, a
 * purpose, one predicate) where the source kept them apart. A sentence that keeps them apart itself («…, og at …»,
 * «…, men …») reports two things and is left alone. Cannot tell a fair join from an unfair one, so it asks for review.
 */
import { elisionGaps } from './elision.js';

/** A sentence end inside skipped text: a full stop, «!» or «?» before a capital letter, or a line break. */
const SENTENCE_END = /[.!?][»”"]?\s+(?=[\p{Lu}«“"\d•-])|\n/u;
/** Words and marks by which a sentence keeps two reported things apart. */
const KEPT_APART = /(?<![\p{L}])(?:og|men|samt|mens|medan|dessuten|i tillegg|også|òg)(?![\p{L}])|;/iu;

/**
 * Whether the quote's elision skips a sentence end in the passage while the sentence makes one claim of the pieces.
 * @example joinedAcrossSentences('Oslo Ap mener innovasjon vil skape økte forskjeller.',
 *   'Innovasjon vil skape … økte forskjeller.', 'Innovasjon vil skape økt velferd. Det krever at det ikke skapes økte forskjeller.')
 *   // → true
 */
export function joinedAcrossSentences(sentence: string, quote: string, passage: string): boolean {
  if (KEPT_APART.test(sentence)) return false;
  return elisionGaps(quote, passage).some((gap) => SENTENCE_END.test(gap));
}
