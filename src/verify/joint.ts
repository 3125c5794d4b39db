/**
 * A joint act made someone's own (issue 15, fifth blind set opened): «risikoanalyser bør utformes i samarbeid med de
 * tillitsvalgte» restated as «… bør utformes av de tillitsvalgte» gives the partner the whole act; «sammen med
 * kommunen» dropped before the same partner does the same. The sentence keeps the partner and loses every word of
 * the joint act. A finding asks for review (≈): «i fellesskap» may be said in words this list lacks.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

/** «i samarbeid med», «sammen med», «i samråd med», «i dialog med», «i lag med» (Bokmål and Nynorsk). */
const JOINT =
  /(?<![\p{L}])(?:i\s+samarbeid\s+med|i\s+samarbeid\s+mellom|sammen\s+med|saman\s+med|i\s+samråd\s+med|i\s+dialog\s+med|i\s+lag\s+med|i\s+fellesskap\s+med)\s+((?:\p{L}+\s+){0,2}\p{L}+)/giu;
/** Words that keep a joint act in the sentence, however it is worded. */
const KEPT =
  /(?<![\p{L}])(?:samarbeid\p{L}*|sammen|saman|samråd\p{L}*|dialog\p{L}*|felles\p{L}*|involver\p{L}*|medvirk\p{L}*|i\s+lag|samhandl\p{L}*|partssamarbeid\p{L}*|trepartssamarbeid\p{L}*|drøft\p{L}*|medbestemm\p{L}*)(?![\p{L}])/iu;

/**
 * The joint phrase of the cited text whose partner the sentence names without any word of the joint act; null when
 * there is none.
 * @example jointDropped('Planen bør lages av de ansatte.', 'Planen bør lages i samarbeid med de ansatte.')
 *   // → 'i samarbeid med de ansatte'
 */
export function jointDropped(sentence: string, cited: string): string | null {
  if (KEPT.test(sentence)) return null;
  const mine = new Set(lexiconTokens(sentence).map(stem));
  for (const m of cited.matchAll(JOINT)) {
    const partner = lexiconTokens(m[1]).filter((w) => w.length > 1 && !STOPWORDS.has(w));
    if (partner.length > 0 && mine.has(stem(partner[0]))) return m[0].replace(/\s+/g, ' ');
  }
  return null;
}
