/**
 * An elided quote that joins two sentences of its source into one claim: «Teknologisk innovasjon vil skape …
 * økte forskjeller», «markedet raskere klarer å tilby digitale tjenester … fordi de mest ressurssterke brukerne vil
 * migrere». Each piece is verbatim, so the quote is found; but the sentence ties the pieces together (a cause, a
 * purpose, one predicate) where the source kept them apart. A sentence that keeps them apart itself («…, og at …»,
 * «…, men …») reports two things and is left alone. Cannot tell a fair join from an unfair one, so it asks for review.
 */
import { elisionGaps, quotePieces } from './elision.js';

/** A sentence end inside skipped text: a full stop, «!» or «?» before a capital letter, or a line break. */
const SENTENCE_END = /[.!?][»”"]?\s+(?=[\p{Lu}«“"\d•-])|\n/u;
/**
 * Words that tie a piece to what comes before it: a cause, a purpose, a consequence. A piece of a later sentence that
 * opens with one, put after a piece of an earlier sentence, makes a link the source did not make. (A piece that opens
 * on its own, «Dette er nødvendig for å …», reports that sentence and is left alone.)
 */
const CONNECTIVE =
  /^(?:fordi|for å|slik at|så at|derfor|difor|dermed|som følge av|noe som|noko som|og derfor|da)(?![\p{L}])/iu;
/** Words and marks by which a sentence keeps two reported things apart. */
const KEPT_APART = /(?<![\p{L}])(?:og|men|samt|mens|medan|dessuten|i tillegg|også|òg)(?![\p{L}])|;/iu;

/**
 * Whether the quote's elision skips a sentence end in the passage before a piece that opens with a connective, while
 * the sentence makes one claim of the pieces.
 * @example joinedAcrossSentences('Markedet klarer raskere å tilby tjenester fordi brukerne vil migrere.',
 *   'markedet raskere klarer å tilby tjenester … fordi brukerne vil migrere',
 *   'Det er sannsynlig at markedet raskere klarer å tilby tjenester. Det skader helheten, fordi brukerne vil migrere.')
 *   // → true
 */
export function joinedAcrossSentences(sentence: string, quote: string, passage: string): boolean {
  if (KEPT_APART.test(sentence)) return false;
  const pieces = quotePieces(quote);
  return elisionGaps(quote, passage).some((gap, i) => SENTENCE_END.test(gap) && CONNECTIVE.test(pieces[i + 1] ?? ''));
}
