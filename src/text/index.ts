/**
 * The Norwegian text toolkit at the floor of `src/`: one sentence splitter, one slug, one normaliser, one stemmer
 * and compound splitter. It imports nothing else from `src/`, so every stage can use it.
 */
export { BEFORE_NUMBER, NEVER_FINAL } from './abbreviations.js';
export { compoundCuts, splitCompound } from './compounds.js';
export { canonicalLine, looseTokens, normalise, normaliseQuote, type Normalised, type Token } from './normalise.js';
export { everyForm, standardForms } from './questionForms.js';
export { isTooShort, MIN_QUOTE_CHARS, MIN_QUOTE_CONTENT_WORDS } from './quoteLength.js';
export { sentenceStarts, splitSentences, type SentenceSpan } from './sentences.js';
export {
  NAME_GROUPS,
  NAME_WORDS,
  differentGroups,
  nameKey,
  organisationAliases,
  otherSpelling,
  readAlike,
  shortFormSlugs,
  spellingClash,
  type SpellingClash,
} from './organisationNames.js';
export { slug, slugify, titleFromFileName } from './slug.js';
export { stem } from './stem.js';
export {
  parseSynonyms,
  spellingVariants,
  synonymLexicon,
  synonymsOf,
  wordForms,
  type SynonymLexicon,
} from './synonyms.js';
export { contentStems, STOPWORDS, words } from './words.js';
