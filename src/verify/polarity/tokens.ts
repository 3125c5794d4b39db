/**
 * A text's words as the polarity check reads them: Bokmål, with a lack compound, «med mindre» and a u-prefixed
 * adjective spelled out where the other text calls for it; and the stems they are compared by.
 */
import { stem } from '../../text/stem.js';
import { STOPWORDS, words } from '../../text/words.js';
import { toBokmalWords } from '../../text/nynorsk.js';
import { synonymKey } from '../overlap.js';
import { FOR_THEN_COMMA, LACK_COMPOUND, TOO_IN } from './lack.js';
import { ONLY_IN, UNLESS } from './exceptives.js';

/** An adjective with the negating prefix u-: «utilstrekkelig» is «ikke tilstrekkelig», «ufravikelig» «kan ikke fravikes». */
const U_PREFIX_MIN = 7;

/**
 * The text's words in Bokmål (Nynorsk mapped), with a u-prefixed word written as «ikke» + the word without it where
 * the other text has the word without it and not the u-form: «utilstrekkelig» against «ikke tilstrekkelig».
 */
export function tokensOf(
  text: string,
  other?: Set<string>,
  otherText = '',
  flags: { tooInOther: boolean; unlessAsNot: boolean } = otherFlags(otherText),
): string[] {
  const out: string[] = [];
  const { tooInOther, unlessAsNot } = flags;
  // «for» ending a clause before «få» («som avgjerda får verknad for, få høve til …») is no «for få» (too few).
  const ws = toBokmalWords(words(text.replace(FOR_THEN_COMMA, 'for og ')));
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const base = w.slice(1);
    const lack = LACK_COMPOUND.exec(w);
    if (lack) out.push('mangel', 'på', lack[1]);
    else if (unlessAsNot && w === 'med' && ws[i + 1] === 'mindre') {
      out.push('hvis', 'ikke');
      i++;
    } else if (
      other &&
      w.length >= U_PREFIX_MIN &&
      w.startsWith('u') &&
      !other.has(stem(w)) &&
      (other.has(stem(base)) || (tooInOther && U_ADJECTIVE.test(w)))
    )
      out.push('ikke', base);
    else out.push(w);
  }
  return out;
}

/**
 * What the other text says that changes how this one is read. NOTE: «for lite opplæring» is «utilstrekkelig
 * opplæring»: where the other text says «for lite/få», a u-prefixed adjective here («utilstrekkelig», «ufullstendig»,
 * «urimeleg») carries the negation, as «ikke tilstrekkelig» does. «med mindre annet er avtalt» is «er ikke annet
 * avtalt»: where the other text has neither «med mindre» nor «bare/kun» (the exceptive construction handled in
 * `analyse`), «med mindre» is read as «hvis ikke».
 */
export function otherFlags(otherText: string): { tooInOther: boolean; unlessAsNot: boolean } {
  return {
    tooInOther: TOO_IN.test(otherText),
    unlessAsNot: NOT_IN.test(otherText) && !UNLESS.test(otherText) && !ONLY_IN.test(otherText),
  };
}

export const NOT_IN = /(?<![\p{L}])(?:ikke|ikkje)(?![\p{L}])/iu;
/** Adjective endings (Bokmål and Nynorsk) of a u-prefixed word that negates: «utilstrekkelig», «urimeleg». */
const U_ADJECTIVE = /(?:lig|leg|ig|eg|ende|ande|bar)e?t?$/u;

/** A word's stem, or the first stem of its synonym group (lexicons/synonyms.json). */
export function sameAs(word: string): string {
  // A verbal noun is its verb, as in overlap.ts: «en styrking, ikke en svekking» brackets like «styrkes, ikke svekkes».
  const s = verbOf(stem(word));
  // NOTE: a word that is no stop word never shares a stem with one: «innen» (within) stems to «inn», and «ikke er
  // fjernet innen rimelig tid» would then bracket against «stikker inn på eiendommen» in the sentence before.
  if (STOPWORDS.has(s) && !STOPWORDS.has(word)) return word;
  return synonymKey(s);
}

const verbOf = (s: string) => (s.length >= 7 && s.endsWith('ing') ? s.slice(0, -3) : s);
