/**
 * Two things the cited text names trade places (issue 15, third misses round), in the two forms transposition.ts
 * does not see:
 * - across a stretch of words, not one verb: «blir fagpersoner brukt som beslutningsstøtte, mens kunstig intelligens
 *   fatter …» for «blir kunstig intelligens brukt som beslutningsstøtte, hvor fagpersoner fatter …»; «av innleide
 *   konsulenter framfor egne ansatte» for «av egne ansatte, framfor ved innleie av konsulenter»;
 * - by a passive with «av»: «arbeidsgiver blir involvert av konsulentselskap» for «arbeidsgiver involverer
 *   konsulentselskap» (same word order, opposite roles).
 * Every word is the source's, so overlap is perfect. A free but faithful reordering can look the same, so a finding
 * asks for review.
 */
import { stem } from '../text/stem.js';
import { lexiconTokens } from './lexicon.js';
// The same word rules as swapped parts: auxiliaries and adverbs move with word order, list words make items.
import { inOrder, isContent, outOfOrder, PASSIVE_AGENT } from './transposition.js';

/** The longest thing (in content words) that may trade places, and the longest stretch between the two. */
const PART = 2;
const MIDDLE = 7;

/**
 * The two things (as the sentence words them) that the sentence has on the wrong sides of a stretch of the cited
 * text's words, or null. Only when every content word of the sentence but one is in the cited text (after its frame),
 * the sentence is not in the cited order, and exchanging two short parts (one or two words, not list items) around a
 * stretch of one to seven words puts it in order, leaving out at most one word that sits elsewhere («flere digitale
 * systemer» for «egne digitale systemer, og flere av disse»).
 * @example exchangedParts('Tiltakene må rettes mot symptomene og ikke kun rotårsakene.',
 *   'Det er viktig at det er rotårsakene tiltakene rettes mot og ikke kun symptomene.')
 *   // → { first: 'symptomene', second: 'rotårsakene' }
 */
export function exchangedParts(sentence: string, cited: string): { first: string; second: string } | null {
  // A passive with its agent turned active (or back) reorders the parts by design («Vederlaget fastsettes av retten»
  // / «Retten fastsetter vederlaget»), as in transposition.ts; who does what is then the roles check's business.
  if (PASSIVE_AGENT.test(sentence) !== PASSIVE_AGENT.test(cited)) return null;
  const read = outOfOrder(sentence, cited);
  if (!read) return null;
  const { c, mine, s, listed } = read;
  const have = new Set(c);
  for (let skip = -1; skip < s.length; skip++) {
    const found = exchange(
      skip < 0 ? s : s.filter((_, i) => i !== skip),
      c,
      skip < 0 ? mine : mine.filter((_, i) => i !== skip),
      listed,
    );
    // NOTE: an exchange puts each thing in the other's slot: the word before the first part in the sentence is the
    // word before the second part in the source («blir fagpersoner brukt» / «blir kunstig intelligens brukt»). A
    // subject traded with an adverbial («senest ved inngåelsen») is a faithful reordering and has different slots.
    if (found && sameSlot(slotBefore(sentence, found.first, have), citedSlots(cited, found.second, have))) return found;
  }
  return null;
}

/** Articles and possessives skipped when looking for a part's slot. */
const DETERMINERS = new Set(['det', 'den', 'de', 'dei', 'en', 'et', 'ei', 'ein', 'eit', 'sin', 'sitt', 'sine']);
const PUNCTUATION = /^[.,;:!?]$/u;
const rawTokens = (text: string) =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+|[.,;:!?]/gu) ?? []).map((w) =>
    PUNCTUATION.test(w) ? w : (lexiconTokens(w)[0] ?? w),
  );

/** The function word before position `at` (articles and words the cited text lacks skipped), or «^» at a start. */
function slotAt(tokens: readonly string[], at: number, have: ReadonlySet<string>): string {
  for (let i = at - 1; i >= 0; i--) {
    const w = tokens[i];
    if (PUNCTUATION.test(w)) return '^';
    if (DETERMINERS.has(w) || (isContent(w) && !have.has(stem(w)))) continue;
    return w;
  }
  return '^';
}

function slotBefore(sentence: string, part: string, have: ReadonlySet<string>): string {
  const tokens = rawTokens(sentence);
  const at = tokens.indexOf(part.split(' ')[0]);
  return at < 0 ? '' : slotAt(tokens, at, have);
}

/** The slots of every place the part's first word stands in the cited text. */
function citedSlots(cited: string, part: string, have: ReadonlySet<string>): string[] {
  const tokens = rawTokens(cited);
  const first = stem(part.split(' ')[0]);
  return tokens.flatMap((w, i) => (stem(w) === first ? [slotAt(tokens, i, have)] : []));
}

/** Prepositions that open adverbials (time, place, manner): those move freely («I september arrangerte KS …»). */
const ADVERBIAL = new Set(['i', 'på', 'ved', 'om', 'under', 'etter', 'før', 'innen', 'fra', 'med', 'til', 'gjennom']);
const sameSlot = (slot: string, slots: readonly string[]) =>
  slot !== '' && !ADVERBIAL.has(slot) && slots.includes(slot);

/** S = P + X + M + Y + Q, tried as P + Y + M + X + Q. */
function exchange(
  s: readonly string[],
  c: readonly string[],
  mine: readonly string[],
  listed: ReadonlySet<string>,
): { first: string; second: string } | null {
  if (inOrder(s, c)) return null;
  for (let a = 0; a < s.length; a++)
    for (let p = a + 1; p <= Math.min(a + PART, s.length); p++)
      for (let m = p + 1; m <= Math.min(p + MIDDLE, s.length); m++)
        for (let b = m + 1; b <= Math.min(m + PART, s.length); b++) {
          const x = s.slice(a, p);
          const y = s.slice(m, b);
          if (x.join(' ') === y.join(' ')) continue;
          if ([...mine.slice(a, p), ...mine.slice(m, b)].some((w) => listed.has(w))) continue;
          if (
            inOrder([...s.slice(0, a), ...y, ...s.slice(p, m), ...x, ...s.slice(b)], c) &&
            tight([...y, ...s.slice(p, m), ...x], c)
          )
            return { first: mine.slice(a, p).join(' '), second: mine.slice(m, b).join(' ') };
        }
  return null;
}

/**
 * Whether `seq` occurs in `within` as a close run: at most SLACK other words inside it. An exchange is two things
 * trading places around the same stretch; words far apart in the source are a reordering, not an exchange.
 */
function tight(seq: readonly string[], within: readonly string[]): boolean {
  for (let start = 0; start < within.length; start++) {
    if (within[start] !== seq[0]) continue;
    let k = 1;
    let end = start;
    for (let i = start + 1; i < within.length && k < seq.length && i - start < seq.length + SLACK; i++)
      if (within[i] === seq[k]) {
        k++;
        end = i;
      }
    if (k === seq.length && end - start + 1 <= seq.length + SLACK) return true;
  }
  return false;
}
const SLACK = 2;

/** «A blir/ble/er … <participle> av … B»: a passive with its agent. */
const PASSIVE =
  /(\p{L}{3,})\s+(?:blir|ble|blei|bli|blitt|vert|vart|er|var)\s+(?:\p{L}+\s+){0,2}?(\p{L}{4,}?)(?:et|t|d|dd)\s+av\s+(?:\p{L}+\s+){0,2}?(\p{L}{3,})/iu;
const PASSIVE_AUX = new Set(['blir', 'ble', 'blei', 'bli', 'blitt', 'vert', 'vart']);

/**
 * A passive in the sentence whose roles the cited text has the other way round, or null: the sentence says «A blir
 * V-t av B», the cited text says A before an active form of V before B («A V-er B»).
 * @example reversedPassive('Arbeidsgiver blir involvert av konsulentene.', 'Arbeidsgiver involverer konsulentene.')
 *   // → { subject: 'arbeidsgiver', agent: 'konsulentene' }
 */
export function reversedPassive(sentence: string, cited: string): { subject: string; agent: string } | null {
  const m = PASSIVE.exec(sentence);
  if (!m) return null;
  const [, subject, verbRoot, agent] = m;
  const tokens = cited.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const si = tokens.findIndex((w) => stem(w) === stem(subject.toLowerCase()));
  if (si < 0) return null;
  const root = verbRoot.toLowerCase();
  for (let v = si + 1; v < Math.min(si + 6, tokens.length); v++) {
    if (!tokens[v].startsWith(root) || /s$/u.test(tokens[v])) continue;
    if (tokens.slice(Math.max(si, v - 3), v).some((w) => PASSIVE_AUX.has(w))) return null;
    const after = tokens.slice(v + 1, v + 6);
    if (after.includes('av')) return null;
    if (after.some((w) => stem(w) === stem(agent.toLowerCase()))) return { subject, agent };
  }
  return null;
}

/** An s-passive («påklages», «behandles», «vedtas») and, within four words, its agent after «av». */
const S_PASSIVE_AGENT =
  /(?<![\p{L}])\p{L}{3,}(?:es|as)\s+(?:\p{L}+\s+){0,4}?av\s+(?:den\s+|det\s+|de\s+)?(\p{L}{3,})/iu;

/**
 * NOTE (issue 15, fourth blind set opened): the owner made the agent. «Et vedtak om seksjonering kan påklages … av
 * kommunen» for «Kommunens vedtak om seksjonering kan påklages …»: the cited text names the municipality only as whose
 * decision it is (a genitive); the sentence makes it the one who appeals. The sentence's passive agent, where the
 * cited text has that word only in the genitive; null otherwise.
 * @example ownerAsAgent('Søknaden behandles av styret.', 'Styrets søknad behandles av årsmøtet.') // → { agent: 'styret', owner: 'styrets' }
 */
export function ownerAsAgent(sentence: string, cited: string): { agent: string; owner: string } | null {
  const m = S_PASSIVE_AGENT.exec(sentence) ?? PASSIVE.exec(sentence);
  if (!m) return null;
  const agent = (m.length > 3 ? m[3] : m[1]).toLowerCase();
  const tokens = cited.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const owner = tokens.find((w) => w === `${agent}s` || w === `${agent}es`);
  if (!owner) return null;
  return tokens.some((w) => w !== owner && stem(w) === stem(agent)) ? null : { agent, owner };
}
