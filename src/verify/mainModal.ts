/**
 * The main modal verb: how binding the sentence's claim is against how binding its quote is. The modality lexicon
 * (lexicon.ts) stays silent when the sentence repeats any of the cited text's modal groups, which it often does by
 * accident («det må opprettes et tilsyn som kan overvåke» against «det bør opprettes et tilsyn som kan overvåke»:
 * the «kan» of the relative clause is echoed). The first auxiliary of each, read as the claim's own, does not
 * have that blind spot.
 */
import { lexiconTokens } from './lexicon.js';

/**
 * NOTE: auxiliaries only, by strength; grammar, not vocabulary, so they live here rather than in a data file.
 * «vil» is left out (future or wish, «Oslo Ap vil at …» is the holder's verb), and so is «krav» (a noun as often).
 */
const STRENGTH: Record<string, number> = {
  må: 3,
  skal: 3,
  plikter: 3,
  krever: 3,
  bør: 2,
  burde: 2,
  kan: 1,
  kunne: 1,
};

/** The first auxiliary of a text and its strength, or null. «kan vurdere» / «kan vurderes» is weak. */
export function mainModal(text: string): { word: string; strength: number } | null {
  for (const w of lexiconTokens(text)) if (STRENGTH[w]) return { word: w, strength: STRENGTH[w] };
  return null;
}

/**
 * The sentence's and the quote's first auxiliaries when they differ in strength, or null (also when either has none).
 * @example modalShift('NTL krever at virksomhetene skal gjøre det.', 'Virksomhetene bør gjøre det.') // → { said: 'krever', source: 'bør' }
 */
export function modalShift(sentence: string, quote: string): { said: string; source: string } | null {
  const s = mainModal(sentence);
  const q = mainModal(quote);
  return s && q && s.strength !== q.strength ? { said: s.word, source: q.word } : null;
}
