/**
 * Every form a text may use for a word of a question, in one place for the two stages that look for them: the
 * relevance decision (src/draft/questionTerms.ts: does one passage use the question's words?) and the text leg of
 * retrieval (src/retrieve/textTerms.ts: which passages to rank). The word in the other written standard (whole
 * word, inflected, inside a compound), two hops through Nynorsk, then its synonyms and spelling variants.
 */
import { bokmalForms, compoundBokmalForms, inflectedBokmalForms, nynorskForms } from './nynorsk.js';
import { wordForms } from './synonyms.js';

/**
 * The word and its forms in the other written standard: its Bokmål forms (also inflected, and inside a Nynorsk
 * compound: «skyløysing» → «skyløsning»), its Nynorsk forms, and their Bokmål forms — two hops through Nynorsk give
 * Bokmål synonyms the lexicon pairs: driftes → driftast → drives.
 * @example standardForms('driftes') // includes 'drives'
 */
export function standardForms(word: string): string[] {
  const w = word.toLowerCase();
  const nn = nynorskForms(w);
  return [
    ...new Set([w, ...inflectedBokmalForms(w), ...compoundBokmalForms(w), ...nn, ...nn.flatMap((f) => bokmalForms(f))]),
  ];
}

/**
 * `standardForms` with every form's synonyms and spelling variants (src/text/synonyms.ts).
 * @example everyForm('ferdigheter') // includes 'kompetanse'
 */
export function everyForm(word: string): string[] {
  return [...new Set(standardForms(word).flatMap((f) => wordForms(f)))];
}
