/** Stemmed content words as the restriction and condition checks count them. */
import { lexiconTokens } from '../lexicon.js';
import { stem } from '../../text/stem.js';
import { STOPWORDS } from '../../text/words.js';

/**
 * A text's content words as stems: Nynorsk read in Bokmål, stop words and words under three letters out (figures
 * stay, unlike lexicon.ts's contentStems).
 */
export const contentWords = (text: string) =>
  lexiconTokens(text)
    .filter((w) => w.length > 2 && !STOPWORDS.has(w))
    .map(stem);
