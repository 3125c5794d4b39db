/**
 * How much text a quote must hold to back a claim. Here, below the drafters and the verifier, because both apply it:
 * the extractive drafter never offers a quote the verifier would reject as too short.
 */
import { normaliseQuote } from './normalise.js';
import { contentStems } from './words.js';

/**
 * NOTE: a quote shorter than this backs nothing: "digitalt utenforskap" is in many passages and says nothing on its
 * own. A decision, not a measurement: 3 content words and 15 characters let any clause through ("bekjempe digitalt
 * utenforskap") and stop bare terms and numbers ("850 000").
 */
export const MIN_QUOTE_CONTENT_WORDS = 3;
export const MIN_QUOTE_CHARS = 15;

/** True when a quote is too short to count as support (fewer than 3 content words or 15 normalised characters). */
export function isTooShort(quote: string): boolean {
  return contentStems(quote).length < MIN_QUOTE_CONTENT_WORDS || normaliseQuote(quote).length < MIN_QUOTE_CHARS;
}
