/**
 * What every support check reads, built once per sentence: the sentence as the checks compare it, the cited text
 * around its quotes, who holds the position, and the comparisons several checks share. Read-only to the checks.
 */
import type { PolarityIssue, SupportChecks, Verdict } from '../../domain/verification.js';
import { echoedWe, findHolder, namedIn, sameOrganisation, type Holder } from '../holder.js';
import { compare } from '../lexicon.js';
import { extractNumbers, missingNumbers } from '../numbers.js';
import { contentOverlap, type Overlap } from '../overlap.js';
import { checkPolarity } from '../polarity.js';
import { roleSwaps, type RoleSwap } from '../roles.js';
import { swappedParts } from '../transposition.js';
import { antonymWords } from '../antonyms.js';
import { alignDurations } from '../durations.js';
import { restateNegations } from '../doubleNegation.js';
import { contextOf, spokenDate, type UsableCitation } from './citedText.js';
import { MINIMAL_PAIR } from './thresholds.js';

/** One check's finding: which check, the verdict it gives, and the reason shown to people (Norwegian). */
export interface Flag {
  check: string;
  verdict: Verdict;
  reason: string;
}

/** A finding: `flag('number', 'contradicted', REASONS.numberContradicted(…))`. */
export const flag = (check: string, verdict: Verdict, reason: string): Flag => ({ check, verdict, reason });

/** A support check: the findings it has on a sentence, in the order they are reported; [] when none. */
export type Check = (input: SupportInput) => Flag[];

export interface SupportInput {
  /** The sentence as written, for the words a reason quotes. */
  written: string;
  /** The sentence the checks compare: lengths of time and double negations in the cited text's terms. */
  sentence: string;
  usable: readonly UsableCitation[];
  /** The cited passages' sentences the quotes touch (citedText.ts). */
  context: string;
  /** The quoted words alone, pooled, for the checks that compare against what is quoted and not its sentence. */
  quotes: string;
  /** `context` and the cited documents' titles and dates (what they say about themselves): all the cited text backs. */
  cited: string;
  /** The sentence is a question. */
  question: boolean;
  /** The cited organisations, and the words of their names. */
  orgs: string[];
  orgWords: string[];
  /** Numbers in the sentence that the cited text (with its metadata) lacks. */
  numbers: ReturnType<typeof missingNumbers>;
  /** The holder of the position the sentence names, if any (holder.ts). */
  found: Holder | null;
  /** The holder as the report gives it: who it is and whether the citations back it. */
  holder: SupportChecks['holder'];
  /** The sentence speaks as a cited organisation or as "vi"; `opener` is the cited organisation it opens with. */
  own: boolean;
  opener: string | null;
  /** The sentence with the cited organisation's name it names as holder blanked, for the lexicons. */
  unnamed: string;
  /** The lexicons' comparison of the sentence with the context. */
  lexical: ReturnType<typeof compare>;
  /** Words the overlap checks do not count: who says it, numbers, words a lexicon or an antonym already checked. */
  exclude: string[];
  /** Whether the rest of the sentence, without the flagged words, is covered as a ✓ needs (MINIMAL_PAIR). */
  minimalPair: (flagged: string) => boolean;
  polarity: PolarityIssue[];
  /** The sentence's content overlap with the cited text (and its metadata), without `exclude`. */
  overlap: Overlap;
  /** Paired roles swapped (roles.ts), and two stretches in the opposite order when none are (transposition.ts). */
  swaps: RoleSwap[];
  swapped: { first: string; second: string } | null;
}

/** «slår fast» (states as settled), Bokmål and Nynorsk. */
const SETTLES = /(?<![\p{L}])(?:slår|slo|slått|slær)\s+(?:\p{L}+\s+)?fast(?![\p{L}])/iu;
/** What makes a cited text hedged (as lexicons/hedges.json, and «bør»): a settled statement of it would add certainty. */
const HEDGED =
  /(?<![\p{L}])(?:kan|kunne|trolig|truleg|sannsynlig\p{L}*|sannsynleg\p{L}*|mulig\p{L}*|mogleg\p{L}*|kanskje|antakelig\p{L}*|risiko|fare\s+for|tyder\s+på|ser\s+ut\s+til|bør|burde)(?![\p{L}])/iu;

/** The input of the support checks on one sentence and its usable citations (at least one). */
export function supportInput(
  written: string,
  usable: readonly UsableCitation[],
  opts: { organisation?: string },
): SupportInput {
  const context = contextOf(usable);
  const quotes = usable.map((u) => u.citation.quote).join('\n');
  // A length of time the cited text gives in other words («tolv måneder» for «ett år») is read in its words.
  // Double negations and negative verbs in the cited text's terms («kan ikke unnlate å» is «må»: doubleNegation.ts).
  const sentence = restateNegations(alignDurations(written, context), context);
  // NOTE (issue 15, first blind set opened): a question asserts nothing plainly; its «ikke» («Er det ikke på tide at
  // …?», «… om ikke med kompetansereform?») is rhetorical, so a negation finding in it needs review, never ✗.
  const question = /\?[\s»”"')]*$/u.test(written);
  const orgs = [...new Set(usable.map((u) => u.passage.document.organisation))];
  const orgWords = orgs.flatMap((o) => o.split(/[\s()]+/));
  // Facts the cited document itself carries (its date, a period in its title) count as said by it.
  const metadata = usable.map((u) => `${u.passage.document.title} ${spokenDate(u.passage.document.date)}`).join('\n');
  const cited = `${context}\n${metadata}`;

  // NOTE: the name of a cited organisation is who speaks, not whom the claim is about: «Kommunesektorens
  // organisasjon (KS) …» names no actor («kommune*») for the actors lexicon. Other holders («Staten mener …») stay.
  const found = findHolder(sentence) ?? echoedWe(sentence, quotes);
  const ownName = found?.kind === 'named' && orgs.some((o) => sameOrganisation(found.text, o));
  const unnamed = ownName ? withoutName(sentence, found.text) : sentence;
  const lexical = compare(unnamed, context);
  // The holder's name and the cited organisations' names are who says it, not what is said.
  const exclude = [
    ...(found?.kind === 'named' ? found.text.split(/\s+/) : []),
    ...orgWords,
    // A cited organisation's other names («Kommunesektorens organisasjon» for «KS»: text/data/organisations.json).
    ...(sentence.match(/\p{Lu}[\p{L}’'-]*/gu) ?? []).filter((w) => orgs.some((o) => sameOrganisation(w, o))),
    // Words a lexicon already found in agreement with the source («kritisk» against «bekymret»).
    ...lexical.agreed,
    // Numbers («to tredjedeler» for «2/3») are the number check's business, not overlap's.
    ...extractNumbers(sentence).flatMap((f) => f.text.split(/\s+/)),
    // A negated opposite the cited text backs («ikke god nok» for «for svak»: antonyms.ts).
    ...antonymWords(sentence, context),
    // NOTE (issue 15, first blind set opened): «slår fast» frames what the cited text states without a hedge
    // («Husleieloven slår fast at oppsigelse skal være skriftlig»); against a hedged text it stays content.
    ...(SETTLES.test(sentence) && !HEDGED.test(context) ? ['slår', 'slo', 'slått', 'fast'] : []),
  ];
  // NOTE (issue 15, precision of ✗): see MINIMAL_PAIR. A finding of a reading is ✗ only when the rest of the
  // sentence, without the flagged word, is covered as a ✓ needs (the same overlap as the coverage check's).
  const minimalPair = (flagged: string) =>
    contentOverlap(sentence, cited, [...exclude, ...flagged.split(/\s+/)]).score >= MINIMAL_PAIR;
  const swaps = roleSwaps(sentence, context);

  // NOTE (issue 15, first blind set opened): a sentence whose subject is the cited organisation («Fagforbundet har
  // selv formulert målet …») speaks as it even with no position verb the holder check knows.
  const opener = found ? null : openingName(sentence, orgs);
  const own = Boolean(
    (found && (found.kind === 'we' || orgs.some((o) => sameOrganisation(found.text, o)))) || opener !== null,
  );
  return {
    written,
    sentence,
    usable,
    context,
    quotes,
    cited,
    question,
    orgs,
    orgWords,
    numbers: missingNumbers(sentence, cited),
    found,
    holder: holderOf(found, opts.organisation, orgs, context, usable),
    own,
    opener,
    unnamed,
    lexical,
    exclude,
    minimalPair,
    polarity: checkPolarity(sentence, context),
    // The document's title and date are what it says about itself («Husleieloven av 1999», «uttalelsen fra 2018»).
    overlap: contentOverlap(sentence, cited, exclude),
    swaps,
    swapped: swaps.length ? null : swappedParts(sentence, context),
  };
}

/** Who holds the position the sentence names, and whether a citation backs them: "vi" is the draft's organisation. */
function holderOf(
  found: Holder | null,
  organisation: string | undefined,
  orgs: readonly string[],
  context: string,
  usable: readonly UsableCitation[],
): SupportChecks['holder'] {
  if (found?.kind === 'we' && organisation)
    return { name: organisation, ok: orgs.some((o) => sameOrganisation(organisation, o)) };
  if (found?.kind !== 'named') return undefined;
  // A statute speaks for itself: «Geodataloven krever …» cited to the act is held by its title.
  const titles = usable.map((u) => u.passage.document.title).join('\n');
  const ok =
    orgs.some((o) => sameOrganisation(found.text, o)) || namedIn(found.text, context) || namedIn(found.text, titles);
  return { name: found.text, ok };
}

/** The sentence with the words of a name (and their inflections: «Kommunesektorens») blanked. */
function withoutName(sentence: string, name: string): string {
  const parts = (name.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (parts.length === 0) return sentence;
  return sentence.replace(new RegExp(`(?<![\\p{L}])(?:${parts.join('|')})\\p{L}*`, 'giu'), (m) => ' '.repeat(m.length));
}

/** The name of one of the organisations the sentence opens with (its first one to four words), or null. */
function openingName(sentence: string, orgs: readonly string[]): string | null {
  const first = sentence.trim().split(/\s+/).slice(0, 4);
  for (let k = 1; k <= first.length; k++) {
    const name = first
      .slice(0, k)
      .join(' ')
      .replace(/[,:;]$/, '');
    if (/^\p{Lu}/u.test(name) && orgs.some((o) => sameOrganisation(name, o))) return name;
  }
  return null;
}
