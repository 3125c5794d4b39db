/**
 * Speaker shift: a view or act the cited text gives to someone else is made the draft's own. «Forkjemperne for
 * private løsninger vil bruke en slik utvikling …» → «Vi vil bruke en slik utvikling …»; «Topplederorganet Skate har
 * pekt på …» → «Vi har pekt på …»; «Personopplysninger anses som verdifulle» → «Vi anser …»; «Et hovedperspektiv er
 * dessverre at …» → «Vi mener …». The holder check (holder.ts) compares names; this compares who does the verb.
 * Data: lexicons/speakers.json.
 */
import { lexiconData } from './lexiconData.js';
import { z } from 'zod';
import { splitSentences } from '../text/sentences.js';
import { stem } from '../text/stem.js';
import { STOPWORDS, words } from '../text/words.js';

const Data = z
  .object({
    about: z.string(),
    attitude: z.array(z.string().min(1)),
    frames: z.array(z.string().min(1)),
    wishes: z.array(z.string().min(1)),
    subjectSkip: z.array(z.string().min(1)),
  })
  .parse(lexiconData('speakers'));
const ATTITUDE = new Set(Data.attitude);
const WISHES = new Set(Data.wishes);
const SKIP = new Set(Data.subjectSkip);
const MODALS = new Set(['må', 'skal', 'bør', 'kan', 'burde', 'skulle', 'kunne']);
const FIRST_PERSON = new Set(['vi', 'me', 'vår', 'vårt', 'våre', 'oss', 'vår', 'vårs', 'våres']);

/**
 * The cited text's own subject for the verb the sentence gives to «vi», or null: the sentence says «vi» + verb, the
 * quote has the same verb with content words before it in its sentence and no «vi» or organisation name among them.
 * @example speakerShift('Vi har pekt på utfordringer.', 'Skate har pekt på utfordringer.', ['KS']) // → 'skate'
 */
export function speakerShift(sentence: string, quote: string, organisations: readonly string[]): string | null {
  const tokens = words(sentence);
  const own = new Set([...FIRST_PERSON, ...organisations.flatMap((o) => words(o))]);
  const wished = wishShift(tokens, quote, own);
  if (wished) return wished;
  const at = tokens.indexOf('vi') >= 0 ? tokens.indexOf('vi') : tokens.indexOf('me');
  if (at < 0) return null;
  let k = at + 1;
  while (k < tokens.length && SKIP.has(tokens[k])) k++;
  const verb = tokens[k];
  if (!verb || ATTITUDE.has(verb) || STOPWORDS.has(verb)) return null;
  for (const s of splitSentences(quote)) {
    const ws = words(quote.slice(s.start, s.end));
    const v = ws.findIndex((w) => stem(w) === stem(verb));
    if (v < 0) continue;
    const before = ws.slice(0, v);
    // «Fagforbundets medlemmer», «Våre tillitsvalgte»: the organisation's own people speak for it.
    if (before.some((w) => own.has(w) || [...own].some((o) => o.length > 3 && w.startsWith(o)))) return null;
    // «Kompetanseheving må gjennomføres» says what must be done, not by whom: «vi må gjennomføre» is no other speaker.
    if (/s$/u.test(ws[v]) && before.some((w) => MODALS.has(w))) return null;
    const subject = before.filter((w) => w.length > 1 && !STOPWORDS.has(w) && !SKIP.has(w));
    return subject.length ? subject.slice(0, 2).join(' ') : null;
  }
  return null;
}

/**
 * A wish or demand the cited text gives to a named third party, made the organisation's own (issue 15, third blind
 * set opened): «Oslo Arbeiderparti ønsker at personopplysninger skal brukes til markedsføring» for «… men også fordi
 * kommersielle aktører ønsker å bruke opplysningene til formål som markedsføring». The sentence opens with «vi» or
 * the cited organisation's name and one of the `wishes` verbs; the quote has that verb right after a noun that is
 * neither «vi» nor the organisation. Returns that holder (up to two words), or null.
 */
function wishShift(tokens: readonly string[], quote: string, own: ReadonlySet<string>): string | null {
  let k = 0;
  while (k < tokens.length && own.has(tokens[k])) k++;
  if (k === 0) return null;
  while (k < tokens.length && SKIP.has(tokens[k])) k++;
  const verb = tokens[k];
  if (!verb || !WISHES.has(verb)) return null;
  for (const part of quote.split(/[.,;:!?]/u)) {
    const ws = words(part);
    const v = ws.findIndex((w) => stem(w) === stem(verb));
    if (v < 1) continue;
    const before = ws.slice(Math.max(0, v - 2), v);
    const holder = before.filter((w) => w.length > 1 && !STOPWORDS.has(w) && !SKIP.has(w));
    const mine = (w: string) => own.has(w) || [...own].some((o) => o.length > 3 && w.startsWith(o));
    if (holder.length === 0 || !holder.includes(ws[v - 1]) || before.some(mine)) continue;
    return holder.join(' ');
  }
  return null;
}

const FRAME = new RegExp(`(?<![\\p{L}])(?:${Data.frames.join('|')})(?![\\p{L}])`, 'iu');

/**
 * The phrase by which the quote reports a view it does not hold («hovedperspektiv»), when the sentence does not
 * report it too; null otherwise. For sentences that speak as the organisation («vi mener», «Fagforbundet mener»).
 * @example reportFrame('Vi mener digitalisering er et lederansvar.', 'Et hovedperspektiv er at digitalisering er et lederansvar.')
 *   // → 'hovedperspektiv'
 */
export function reportFrame(sentence: string, quote: string): string | null {
  const frame = quote.match(FRAME)?.[0];
  return frame && !FRAME.test(sentence) ? frame.toLowerCase() : null;
}
