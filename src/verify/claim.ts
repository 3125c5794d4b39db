/**
 * Which sentences claim something and so need a citation? All but greetings, thanks and pure transitions.
 *
 * The rule, kept simple on purpose so a person can predict it: a sentence is exempt when it has no digits, at
 * most two content words and states nothing ("Se nedenfor.", but not "Utenforskapet øker."), or when it opens with a formula of
 * courtesy or transition (data: `lexicons/courtesy.json`: "Vi takker for …", "Med vennlig hilsen", "Nedenfor
 * følger …", "Ta gjerne kontakt …", Bokmål and Nynorsk), has at most eight content words and no number but a date
 * or a year ("Vi viser til høringsbrev av 12. januar 2024.").
 */
import { lexiconData } from './lexiconData.js';
import { z } from 'zod';
import { MONTHS } from '../text/months.js';
import { contentStems, words } from '../text/words.js';

const CourtesySchema = z.object({
  about: z.string(),
  /** Who may open the line: «Vi», «Me», an organisation's name. */
  speaker: z.string().min(1),
  patterns: z.array(z.string().min(1)).min(1),
});

let compiled: { formulas: RegExp[]; speaker: RegExp } | undefined;

function courtesy(): { formulas: RegExp[]; speaker: RegExp } {
  if (!compiled) {
    const data = CourtesySchema.parse(lexiconData('courtesy'));
    compiled = {
      formulas: data.patterns.map((p) => new RegExp(`^(?:${data.speaker})?(?:${p})`, 'iu')),
      speaker: new RegExp(`^${data.speaker}`, 'iu'),
    };
  }
  return compiled;
}

/** The courtesy formulas, read and compiled once; each anchored at the start, after an optional speaker. */
export const courtesyFormulas = (): RegExp[] => courtesy().formulas;

/** Dates and years («12. januar 2024», «05.12.2024», «2023»): the only numbers a courtesy line may carry. */
const DATES = new RegExp(
  `\\b\\d{1,2}\\.\\s*(?:${MONTHS.join('|')})(?:\\s+\\d{4})?|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\b|\\b(?:19|20)\\d{2}\\b`,
  'giu',
);

/** Copulas and modals: «Dette er feil.», «Staten må betale.» state something however short. */
const FINITE = new Set(['er', 'var', 'blir', 'ble', 'vart', 'har', 'hadde', 'må', 'skal', 'bør', 'vil', 'kan']);
/** Words that open a pointer or an instruction, not a statement: «Se vedlegg.», «Les mer nedenfor.» */
const IMPERATIVE = new Set(['se', 'sjå', 'les', 'merk', 'jf', 'sml', 'kontakt', 'ring']);

/**
 * Does a short sentence state something? Norwegian puts the finite verb second in a main clause, so a word in
 * the present or past tense (-er, -ar, -te, -de) right after the first word, or a copula or modal, makes it a
 * statement: «Utenforskapet øker.», «Vi støtter forslaget.», «Dette er feil.» A lead-in ending in a colon is not.
 */
function statesSomething(text: string): boolean {
  if (/:\s*$/u.test(text)) return false;
  const ws = words(text);
  if (ws.length < 2 || IMPERATIVE.has(ws[0])) return false;
  return ws.some((w) => FINITE.has(w)) || (ws[1].length > 3 && /(?:er|ar|te|de)$/u.test(ws[1]));
}

/**
 * NOTE (issue 15): a short claim is still a claim. A sentence with at most two content words is exempt only when
 * it states nothing (see statesSomething): «Se nedenfor.», «Innledning», «Med hilsen» are; «Utenforskapet øker.»
 * is not.
 * @example isClaim('Vi takker for muligheten til å gi innspill.') === false
 * @example isClaim('Utenforskapet øker.') === true
 */
export function isClaim(sentence: string): boolean {
  const text = sentence.trim();
  const content = contentStems(text).length;
  if (!/\d/.test(text) && content <= 2 && (content === 0 || !statesSomething(text))) return false;
  if (/\d/.test(text.replace(DATES, ''))) return true;
  return !courtesyLine(text);
}

/**
 * NOTE (issue 15, tenth and eleventh blind sets opened): a courtesy line is often two courtesies joined by «og»
 * («KS ser fram til den videre dialogen med departementet og bidrar gjerne i det videre arbeidet», «NTL takkar for
 * høvet til å kome med innspel og stiller gjerne opp på eit møte»), and a claim hides behind thanks the same way
 * («Vi takker for muligheten til å uttale oss, og viser til at uttalelsen ble vedtatt enstemmig …»). So each part
 * joined by «og» is judged on its own: the first must open with a formula, a later one that opens a new predicate
 * (a verb: COORDINATED_VERB) must be a courtesy too, and each is held to the limit of eight content words. The
 * speaker («Fagforbundet takker …») is who says it, not what is said: its words are not counted.
 */
function courtesyLine(text: string): boolean {
  if (ATTACHED_CLAUSE.test(text)) return false;
  const parts: string[] = [];
  for (const piece of text.split(/,?\s+og\s+/u)) {
    const courtesy = courtesyFormulas().some((f) => f.test(piece));
    if (parts.length === 0 || courtesy || COORDINATED_VERB.test(piece)) {
      if (!courtesy) return false;
      parts.push(piece);
    } else parts[parts.length - 1] += ` og ${piece}`;
  }
  return parts.every((part, i) => courtesyLength(i === 0 ? withoutSpeaker(part) : part) <= 8);
}

/**
 * A clause hung on the courtesy after a comma states something of its own: «KS takker for et godt samarbeid om
 * strategien, som alle landets kommuner allerede har sluttet seg til», «NTL bidrar gjerne videre, slik vi også gjorde
 * da …». (An offer's closing condition, «dersom …», «om det er behov for det», is no such clause: OFFER_CONDITION.)
 */
const ATTACHED_CLAUSE = /,\s+(?:som|slik|da|fordi|ettersom|siden|sidan|der|mens|medan)\s/iu;

/** A part after «og» that opens a new predicate: a finite verb («viser til at …», «stiller gjerne opp …»). */
const COORDINATED_VERB = /^\p{L}{2,}(?:er|ar|te|de)\s+\S+\s+\S+/u;

/** The line without its opening speaker («Fagforbundet», «Vi»), when a formula follows it. */
function withoutSpeaker(text: string): string {
  const m = courtesy().speaker.exec(text);
  return m && courtesyFormulas().some((f) => f.test(text.slice(m[0].length))) ? text.slice(m[0].length) : text;
}

/**
 * NOTE (issue 15, sixth blind set opened): an offer closing a response ends with the condition it is made on («Vi
 * står gjerne til disposisjon dersom departementet ønsker å drøfte innspillene nærmere», «… om det er behov for
 * det», «… dersom dere har spørsmål til høringssvaret»). That condition is part of the courtesy: its words (at most
 * OFFER_TAIL_MAX) are not counted against the limit of eight.
 */
const OFFER_CONDITION =
  /\s(?:dersom|hvis|viss|om|når)\s[^.!?]*?(?<!\p{L})(?:ønsk\p{L}*|behov|treng\p{L}*|spørsmål|spurnad\p{L}*)(?!\p{L})[^.!?]*[.!?]?\s*$/iu;
const OFFER_TAIL_MAX = 7;

/** The content words a courtesy line is measured by: all of them, less an offer's closing condition. */
function courtesyLength(text: string): number {
  const content = contentStems(text).length;
  const head = text.replace(OFFER_CONDITION, '');
  if (head === text) return content;
  const kept = contentStems(head).length;
  return content - kept <= OFFER_TAIL_MAX ? kept : content;
}
