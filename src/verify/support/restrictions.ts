/**
 * Restrictions: one the cited text makes that the sentence drops (a «mange», a majority, a defining clause, a hedge),
 * and an exclusive «bare» the sentence adds.
 */
import { splitSentences } from '../../text/sentences.js';
import { droppedHedge } from '../hedge.js';
import { lexiconTokens } from '../lexicon.js';
import { droppedMajority } from '../majority.js';
import { droppedDefining, movedQuantifier } from '../quantifierNoun.js';
import { droppedRestrictiveClause } from '../defining.js';
import { REASONS } from '../reasons.js';
import { EXCLUSIVE, ONLY_ADDED } from './conditions.js';
import { contentWords } from './contentWords.js';
import { flag, type Flag, type SupportInput } from './input.js';

/** A sentence giving examples («blant annet», «for eksempel», «eksempler på»), Bokmål and Nynorsk. */
const EXAMPLES =
  /(?<![\p{L}])(?:blant\s+annet|bl\.\s*a\.|for\s+eksempel|til\s+dømes|mellom\s+anna|eksempelvis|eksempler|eksempel|døme)(?![\p{L}])/iu;
const MANY = /^(?:mange|flere|fleire|en\s+rekke|ulike)$/iu;

/**
 * A restricting term (lexicons), a majority, a quantifier's noun or a defining clause the quote has and the sentence
 * drops.
 */
export function checkDroppedRestrictions({ sentence, usable, lexical, quotes }: SupportInput): Flag[] {
  const flags: Flag[] = [];
  // Only a restriction inside what the sentence quotes binds it.
  // NOTE (issue 15, first blind set opened): and only in a quoted sentence the sentence restates (two content words
  // in common): «For flertallet … kan dette gjøres digitalt. De som ikke behersker disse må få tilbud …» restated as
  // its second sentence keeps no restriction of the first.
  // A quoted sentence sharing no more than half as much with the sentence as the one it restates most is context.
  const mine = new Set(contentWords(sentence));
  const quotedSentences = usable
    .flatMap((u) => splitSentences(u.citation.quote).map((x) => u.citation.quote.slice(x.start, x.end)))
    .map((q) => ({ q, shared: contentWords(q).filter((w) => mine.has(w)).length }));
  const most = Math.max(0, ...quotedSentences.map((x) => x.shared));
  const quoted = lexiconTokens(
    quotedSentences
      .filter((x) => x.shared >= 2 && x.shared * 2 > most)
      .map((x) => x.q)
      .join(' '),
  ).join(' ');
  // «mange» or «flere» (there are many) is restated by a sentence that gives what follows as examples.
  const examples = EXAMPLES.test(sentence);
  const restriction = lexical.dropped.find(
    (d) => ` ${quoted} `.includes(` ${d.source} `) && !(examples && MANY.test(d.source)),
  );
  if (restriction)
    flags.push(flag('restriction-dropped', 'partly_supported', REASONS.restrictionDropped(restriction.source)));
  const majority = droppedMajority(sentence, quotes);
  if (majority) flags.push(flag('restriction-dropped', 'partly_supported', REASONS.restrictionDropped(majority)));
  const moved = movedQuantifier(sentence, quotes);
  if (moved) flags.push(flag('quantifier-noun', 'partly_supported', REASONS.quantifierMoved(moved.said, moved.noun)));
  const defining = droppedDefining(sentence, quotes) ?? droppedRestrictiveClause(sentence, quotes);
  if (defining) flags.push(flag('restriction-dropped', 'partly_supported', REASONS.restrictionDropped(defining)));
  return flags;
}

/** A hedge of the cited text («kan», «trolig») the sentence states as settled (hedge.ts). */
export function checkDroppedHedge({ sentence, context }: SupportInput): Flag[] {
  const hedge = droppedHedge(sentence, context);
  return hedge ? [flag('hedge-dropped', 'partly_supported', REASONS.hedgeDropped(hedge))] : [];
}

/**
 * «bare utleieren kan kreve» claims that no one else can: an exclusive restriction the cited text does not make is
 * the sentence's own (a source saying «begge parter» would otherwise back it word for word).
 */
export function checkAddedOnly({ sentence, context }: SupportInput): Flag[] {
  const only = sentence.match(ONLY_ADDED);
  return only && !EXCLUSIVE.test(context)
    ? [flag('restriction-added', 'partly_supported', REASONS.restrictionAdded(only[1]))]
    : [];
}

/** A negation a qualifier makes partial: «ikke alltid», «ikke nødvendigvis», «ikkje utan vidare». */
const PARTIAL_NEGATION =
  /(?<![\p{L}])(?:ikke|ikkje)\s+(?:alltid|bestandig|nødvendigvis|naudsynleg|automatisk|uten\s+videre|utan\s+vidare|i\s+alle\s+tilfeller|i\s+alle\s+tilfelle)(?![\p{L}])/iu;
const NEGATION = /(?<![\p{L}])(?:ikke|ikkje|aldri|ingen|inga|intet|inkje)(?![\p{L}])/iu;
/** The sentence's own partial negation, in the quote's words or others («ingen automatikk i», «ikke alltid»). */
const PARTIAL_IN_SENTENCE =
  /(?<![\p{L}])(?:(?:ikke|ikkje|ingen|inga)\s+(?:alltid|bestandig|nødvendigvis|naudsynleg|automatisk|automatikk|uten\s+videre|utan\s+vidare|i\s+alle)|ikke\s+\p{L}+\s+(?:alltid|nødvendigvis))(?![\p{L}])/iu;

/**
 * NOTE (issue 15, tenth blind set opened): a partial negation made whole. «Digitalisering trenger ikke alltid være en
 * erstatning for mennesker» says it sometimes is; «digitalisering kan ikke erstatte mennesker» says it never is.
 * When the quote negates with a qualifier («ikke alltid», «ikke nødvendigvis») and the sentence negates without
 * one, the sentence has dropped a restriction.
 */
export function checkDroppedPartialNegation({ sentence, quotes }: SupportInput): Flag[] {
  const partial = PARTIAL_NEGATION.exec(quotes);
  if (!partial || !NEGATION.test(sentence) || PARTIAL_IN_SENTENCE.test(sentence)) return [];
  return [flag('restriction-dropped', 'partly_supported', REASONS.restrictionDropped(partial[0]))];
}

/**
 * Emphatic «selv» right after a modal («NTL vil selv …», «kommunen må sjølv …»): who acts, by themselves. NOTE: only
 * there; after a noun («som offentlig sektor selv driver») it restates in-house work the quote may give in other words
 * («i egen regi», «virksomhetsinternt»), and «i seg selv», «selv om» are no actor at all.
 */
const SELF = /(?<![\p{L}])(?:vil|skal|må|kan|bør|ville|skulle|måtte)\s+(selv|sjølv)(?![\p{L}])(?!\s+om(?![\p{L}]))/iu;
/** The quote's own word for who does it by themselves: «selv», «egne ansatte», «eigen regi». */
const OWN = /(?<![\p{L}])(?:selv|sjølv|egen|eigen|eget|eige|egne|eigne|egenregi|eigenregi)(?![\p{L}])/iu;

/**
 * NOTE (issue 15, tenth and eleventh blind sets opened): «NTL vil selv sette i verk tiltak …» cited to «NTL skal jobbe
 * for at arbeidsgiverne iverksetter tiltak …» makes the organisation do what it only asks others to do. An emphatic
 * «selv» the quote does not back (no «selv», «egne», «eigen» in it) names who acts as surely as a subject does.
 */
export function checkAddedSelf({ sentence, quotes }: SupportInput): Flag[] {
  const self = SELF.exec(sentence);
  return self && !OWN.test(quotes) ? [flag('self-added', 'partly_supported', REASONS.selfAdded(self[1]))] : [];
}

/** A relative clause on a whole clause: «…, noe som gir …», «…, hvilket fører til …»; group 1 the clause, 2 the verb. */
const WHOLE_CLAUSE_RELATIVE = /([^.;:!?,]+),\s+(?:noe\s+som|noko\s+som|hvilket|som\s+igjen)\s+(\p{L}+)/giu;

/**
 * NOTE (issue 15, tenth blind set opened): «Gode risikoanalyser bør utformes i samarbeid med de tillitsvalgte, noe
 * som gir høykvalitetsprosesser …» says that analyses made with the union representatives give the gain; «risiko-
 * analyser gir høykvalitetsprosesser» drops that condition. «noe som» refers to the whole clause before it, so a
 * sentence giving its verb one word of that clause as subject, and little else of it, has dropped what the rest
 * said. ≈ when the sentence has the verb and at most half of the clause's content words.
 */
export function checkWholeClauseCause({ sentence, quotes }: SupportInput): Flag[] {
  const mine = contentWords(sentence);
  const mineSet = new Set(mine);
  for (const m of quotes.matchAll(WHOLE_CLAUSE_RELATIVE)) {
    const verb = contentWords(m[2])[0];
    if (!verb || !mineSet.has(verb)) continue;
    const clause = contentWords(m[1]);
    const kept = clause.filter((w) => mineSet.has(w));
    if (kept.length === 0 || kept.length * 2 > clause.length) continue;
    // The word of the clause the sentence makes the subject: one before the verb.
    const words = sentence.split(/\s+/);
    const at = words.findIndex((w) => contentWords(w)[0] === verb);
    const part = words.slice(0, at).find((w) => kept.includes(contentWords(w)[0] ?? ''));
    if (part) return [flag('condition-dropped', 'partly_supported', REASONS.wholeClauseCause(part, m[2]))];
  }
  return [];
}
