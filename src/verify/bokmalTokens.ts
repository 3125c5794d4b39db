/**
 * Nynorsk words in Bokmål for the verifier's comparisons, inflected nouns included: the shared word list
 * (text/data/nynorsk-bokmal.tsv) holds «seljar» → «selger» and «kjøpar» → «kjøper», but not their definite forms,
 * so «seljaren» passed unchanged and a Bokmål sentence's «selgeren» was «not in the source» (issue 15, fourth blind
 * set opened). A word the list lacks whose base is listed takes the Bokmål base with the same definite ending:
 * «seljaren» → «selgeren», «leigarane» → «leierne».
 *
 * NOTE: kept in the verifier, not in text/nynorsk.ts's `toBokmalWords`, which retrieval and the relevance decision
 * share (an entry there moves abstention pairs). Only the endings spelt alike in both standards (-en, -et) and the
 * definite plural of an agent noun (-arane → -erne); the base must keep 4+ letters, so short words are never cut.
 */
import { nynorskLexicon } from '../text/nynorsk.js';

/**
 * Nynorsk statute words the shared list lacks, word for word (not by stem: «berast» stems to «ber», the «ber om» of
 * a request): «kostnadene skal berast av …» is «… bæres av …», «meklaren» is «megleren», and the older spelling
 * «skjøn» is «skjønn».
 */
const STATUTE_FORMS: Record<string, string> = {
  bera: 'bære',
  berast: 'bæres',
  meklar: 'megler',
  meklaren: 'megleren',
  meklarar: 'meglere',
  meklarane: 'meglerne',
  skjøn: 'skjønn',
};

/**
 * One word (lower case) in its first Bokmål form; unchanged when neither it nor its base is listed.
 * @example bokmalToken('seljaren') // → 'selgeren'
 */
export function bokmalToken(word: string): string {
  const w = word.toLowerCase();
  if (Object.hasOwn(STATUTE_FORMS, w)) return STATUTE_FORMS[w];
  const { toBokmal } = nynorskLexicon();
  const listed = toBokmal.get(w)?.[0];
  if (listed) return listed;
  for (const ending of ['en', 'et']) {
    if (!w.endsWith(ending) || w.length - ending.length < 4) continue;
    const base = toBokmal.get(w.slice(0, -ending.length))?.[0];
    // A base whose Bokmål form is a phrase or already inflected is left alone.
    if (base && /^\p{L}+$/u.test(base) && !base.endsWith(ending)) return base + ending;
  }
  if (w.endsWith('arane') && w.length >= 9) {
    const base = toBokmal.get(w.slice(0, -3))?.[0];
    if (base?.endsWith('er')) return `${base}ne`;
  }
  return w;
}

/** Each word in its first Bokmål form, as `bokmalToken`. */
export const toBokmalTokens = (words: readonly string[]): string[] => words.map(bokmalToken);
