/**
 * Status shift: the cited text wants, proposes or sets a goal («Det bør opprettes et algoritmetilsyn», «Regjeringen
 * har som uttalt mål at …», «Tillitsreformen må få fullt gjennomslag»), and the sentence states the same thing as
 * done or as how things are («… har fått fullt gjennomslag», «Statlige virksomheter utvikler i dag …»). Every content
 * word may be the source's, so overlap is high; only the mood has changed. Data: lexicons/realis.json.
 *
 * NOTE: statutes are left out by the caller: a statute's «skal» and «må» state the rule, and «Oppsigelsesfristen er
 * tre måneder» is a faithful reading of «skal være tre måneder».
 */
import { lexiconData } from './lexiconData.js';
import { z } from 'zod';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

const Data = z
  .object({
    about: z.string(),
    demand: z.array(z.string().min(1)),
    irrealis: z.array(z.string().min(1)),
    opinion: z.array(z.string().min(1)),
    done: z.array(z.string().min(1)),
    decided: z.array(z.string().min(1)),
  })
  .parse(lexiconData('realis'));

/** A term as a pattern on space-joined lexicon tokens; a trailing * matches any ending. */
const termPattern = (terms: string[]) =>
  new RegExp(
    `(?<=^| )(?:${terms.map((t) => (t.endsWith('*') ? `${t.slice(0, -1)}\\p{L}*` : t)).join('|')})(?= |$)`,
    'gu',
  );
const DEMAND = termPattern(Data.demand);
const IRREALIS = termPattern(Data.irrealis);
const OPINION = termPattern(Data.opinion);
const DONE = termPattern(Data.done);
const DECIDED = termPattern(Data.decided);
/** Content words after a demand that count as what is wanted. */
const GOVERNED = 6;
/**
 * A light infinitive right after a demand carries no content of its own: «må komme på plass» wants «på plass», and
 * «er på plass» states it done (issue 15, second blind set opened). Only right after it: «som kommer» is content.
 */
const LIGHT = new Set(['komme', 'bli']);
/** Adverbs between a demand and what it wants («må derfor på plass»). */
const ADVERBS = new Set(['derfor', 'difor', 'også', 'òg', 'snarest', 'raskt', 'straks', 'uansett']);
/** Content words before a demand at its sentence's end that count as its subject. */
const BEFORE = 4;

/**
 * The cited text's demand word whose wanted words the sentence states as a fact, or null: the sentence has no
 * demand, wish, goal or need word of its own, and says at least two of the words the demand governs.
 * @example statusShift('Tillitsreformen har fått fullt gjennomslag.', 'Tillitsreformen må få fullt gjennomslag.')
 *   // → { source: 'må' }
 */
export function statusShift(sentence: string, quote: string): { source: string } | null {
  const said = ` ${lexiconTokens(sentence).join(' ')} `;
  const joined = said.trim();
  IRREALIS.lastIndex = 0;
  if (IRREALIS.test(joined)) return null;
  // NOTE: after «mener» the rest is a view, and a view may state as fact what the source demands («NTL mener
  // forvaltningen er en kjerneoppgave»); only a sign of completion then makes it a claim that the demand is met.
  OPINION.lastIndex = 0;
  DONE.lastIndex = 0;
  if (OPINION.test(joined) && !DONE.test(joined)) return null;
  const mine = new Set(
    lexiconTokens(sentence)
      .filter((w) => w.length > 1 && !STOPWORDS.has(w))
      .map(stem),
  );
  const cited = lexiconTokens(quote).join(' ');
  for (const m of cited.matchAll(DEMAND)) {
    const after = cited
      .slice(m.index + m[0].length)
      .split(' ')
      .filter((w, k) => w.length > 1 && !STOPWORDS.has(w) && !(k <= 1 && LIGHT.has(w)))
      .slice(0, GOVERNED)
      .map(stem);
    if (after.filter((w) => mine.has(w)).length >= 2) return { source: m[0] };
    // NOTE (issue 15, third blind set opened): a demand whose wanted state is one word after it («må derfor på
    // plass for å sikre …») names what is wanted in its subject: the sentence stating that subject (two of its words)
    // with the same predicate («skyløsningen er på plass») states the demand met, whatever the purpose clause says.
    const predicate = after.find((w) => !ADVERBS.has(w));
    const subject = cited
      .slice(0, m.index)
      .split(' ')
      .filter((w) => w.length > 1 && !STOPWORDS.has(w))
      .slice(-BEFORE)
      .map(stem);
    if (predicate && mine.has(predicate) && subject.filter((w) => mine.has(w)).length >= 2) return { source: m[0] };
    // NOTE (issue 15, first blind set opened): a demand near the end of its sentence («Løftet av kompetansen må
    // starte nå») governs its subject before it: with fewer than two content words after it, every one of them
    // (the wanted verb) and one of the few words before it must be the sentence's.
    if (after.length > 0 && after.length < 2 && after.every((w) => mine.has(w)) && subject.some((w) => mine.has(w)))
      return { source: m[0] };
  }
  return null;
}

/**
 * NOTE (issue 15, fourth blind set opened): a decision the cited text does not report. «Topplederorganet har pekt på
 * utfordringer ved finansieringen» restated as «… har vedtatt nye regler for finansieringen»: the sentence keeps the
 * body and the topic and makes what it pointed to, proposed or recommended a decision. The sentence's decision word
 * (`decided` in lexicons/realis.json), where the cited text has none of them.
 * @example decisionAdded('Styret har vedtatt nye husordensregler.', 'Styret har pekt på behovet for nye husordensregler.')
 *   // → { said: 'vedtatt' }
 */
export function decisionAdded(sentence: string, quote: string): { said: string } | null {
  const said = lexiconTokens(sentence).join(' ');
  DECIDED.lastIndex = 0;
  const m = DECIDED.exec(said);
  if (!m) return null;
  const cited = lexiconTokens(quote);
  DECIDED.lastIndex = 0;
  if (DECIDED.test(cited.join(' '))) return null;
  // The cited text's own form of the verb («det bør opprettes», «vedtaket», «løse utfordringene») names the act:
  // whether it is done is the status check's business.
  const root = m[0].slice(0, Math.max(3, m[0].length - 2));
  return cited.some((w) => w.startsWith(root)) ? null : { said: m[0] };
}
