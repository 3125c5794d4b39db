/**
 * Nynorsk words in Bokmål for the verifier's comparisons, inflected nouns included: the shared word list
 * (text/data/nynorsk-bokmal.tsv) holds «seljar» → «selger» and «kjøpar» → «kjøper», but not their definite forms,
 * so «seljaren» passed unchanged and a Bokmål sentence's «selgeren» was «not in the source» (issue 15, fourth blind
 * set opened). An agent noun in -ar the list lacks in its definite forms, whose base is listed with a Bokmål -er,
 * takes that base with the Bokmål ending: «seljaren» → «selgeren», «leigarane» → «leierne».
 *
 * NOTE: kept in the verifier, not in text/nynorsk.ts's `toBokmalWords`, which retrieval and the relevance decision
 * share (an entry there moves abstention pairs). Agent nouns only: a rule for every -en/-et ending read Bokmål words
 * as Nynorsk ones («gjelden», the debt, became «gjelderen» by the listed verb «gjeld»).
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
  // An agent noun («seljar», «kjøpar», «eigar») in the definite singular.
  if (w.endsWith('aren') && w.length >= 7) {
    const base = toBokmal.get(w.slice(0, -2))?.[0];
    if (base?.endsWith('er')) return `${base}en`;
  }
  if (w.endsWith('arane') && w.length >= 9) {
    const base = toBokmal.get(w.slice(0, -3))?.[0];
    if (base?.endsWith('er')) return `${base}ne`;
  }
  return w;
}

/**
 * Words that open the clause after a «kvar» meaning «where» («kvar det er», «kvar dei bur»); before anything else
 * («100 000 kroner kvar», «kvar andel», «kvar av dei») Nynorsk «kvar» is «hver» (each), not the list's first «hvor».
 */
const WHERE_NEXT = new Set(
  'det dei han ho vi me eg du ein den dette desse som er var skal kan må vil finst ligg bur kjem går'.split(' '),
);

/** Each word in its first Bokmål form, as `bokmalToken`; Nynorsk «kvar» read by the word after it. */
export const toBokmalTokens = (words: readonly string[]): string[] =>
  words.map((w, i) =>
    w.toLowerCase() === 'kvar' ? (WHERE_NEXT.has(words[i + 1]?.toLowerCase() ?? '') ? 'hvor' : 'hver') : bokmalToken(w),
  );
