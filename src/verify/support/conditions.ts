/**
 * Conditions in Norwegian text, and whether a sentence keeps one a quote states: «dersom», «med samtykke frå …», a
 * condition put by word order («Har leieren protestert, …»), an exclusive «bare», and the words a sentence may
 * restate one with.
 */
import { contentWords } from './contentWords.js';
import { limitIn } from './limits.js';

/** Conditions; a cited condition the sentence drops widens the claim. */
export const CONDITION =
  /\b(dersom|hvis|viss|forutsatt at|føresett at|med mindre|om ikke|om ikkje|så lenge|på vilkår|under forutsetning|bare(?! fordi)|berre(?! fordi)|kun|unntatt|unntak)\b/iu;
/**
 * Consent as a condition: «har med samtykke frå styret rett til …», «kan etter godkjenning fra kommunen …». A sentence
 * that names no consent at all («har rett til …») drops it (issue 15, third blind set opened); «krever styrets
 * samtykke» or «hvis styret godkjenner» keeps it.
 */
export const CONSENT =
  /(?<![\p{L}])(?:med|etter|uten|utan)\s+(?:[\p{L}]+\s+)?(?:samtykke|godkjenning|tillatelse|tillating|løyve)(?![\p{L}])/iu;
export const CONSENT_NAMED = /(?<![\p{L}])(?:samtykk|godkjen|tillat|løyv)/iu;
/**
 * A condition put by word order (issue 15, third blind set opened): «Fastsetter takstnemnda en lavere leie …, er det
 * utleieren som …», «Har leieren protestert …, faller oppsigelsen bort». The sentence opens with a finite verb and its
 * main clause, after the comma, with another (V2); a noun opening a list («Kommuner, fylker og staten må …») or a
 * subject with a relative clause («Utleier som …, kan …») does not.
 */
export const V1_CONDITION =
  /^\s*(?:har|er|blir|får|kan|skal|vil|må|\p{L}{2,}r)\s(?![^,]*\s(?:som|der)\s)[^,]{3,},\s+(?:er|har|skal|kan|må|blir|får|vil|bør|gjelder|faller|bortfaller|plikter|kreves|skjer)\s/iu;
/**
 * Exceptions and provisos a sentence may restate a cited condition with (issue 15, fourth blind set opened): «bortsett
 * fra» is «med unntak av», «om ikke annet er avtalt» is «dersom ikke …». The sentence's side only: a cited «om ikke»
 * is not read as a condition the sentence must keep.
 */
export const EXCEPTION_SAID = /(?<![\p{L}])(?:bortsett\s+fr[aå]|om\s+(?:ikke|ikkje))(?![\p{L}])/iu;
/**
 * A condition put by word order (V1_CONDITION) at the start of the sentence or of a main clause joined to it: «Ved
 * feil kan kjøperen kreve prisavslag, og er feilen vesentlig, kan han heve kjøpet» (issue 15, fourth blind set).
 */
export const v1Condition = (sentence: string) =>
  sentence
    .split(/,\s+(?=(?:og|men)\s)|;\s*/u)
    .some((part, i) => V1_CONDITION.test(i ? part.replace(/^(?:og|men)\s+/iu, '') : part));
/** «når» and «såfremt» restate a condition («dersom gode grunner taler for det» → «når gode grunner taler for det»). */
export const IF_RESTATED = /(?<![\p{L}])(?:når|såfremt|så\s+fremt|i\s+tilfelle)(?![\p{L}])/iu;

/** «bare», «kun» restricting (not «ikke bare … men også»). */
export const ONLY_ADDED = /(?<![\p{L}])(?<!(?:ikke|ikkje)\s+)(bare|kun|berre|utelukkende)(?![\p{L}])/iu;
/** What in a cited text may back an exclusive «bare»: the same word, «ingen», or «ikke … uten/før» (only with). */
export const EXCLUSIVE =
  /(?<![\p{L}])(?:bare|kun|berre|utelukkende|alene|eneste|forbeholdt|med mindre|unntatt|unntak|ingen|(?:ikke|ikkje)\s+(?:[\p{L}\p{N}-]+\s+){0,6}?(?:uten|utan|før|unntatt))(?![\p{L}])/iu;

/** Whether the sentence restricts its claim as a frame's condition, limit or «bare» does (in any words of the kind). */
export function restrictionKept(kind: 'condition' | 'limit' | 'only', sentence: string): boolean {
  if (kind === 'limit') return limitIn(sentence) !== null;
  if (kind === 'only') return EXCLUSIVE.test(sentence);
  return (
    CONDITION.test(sentence) ||
    EXCEPTION_SAID.test(sentence) ||
    IF_RESTATED.test(sentence) ||
    CONSENT_NAMED.test(sentence) ||
    v1Condition(sentence)
  );
}

/** Whether the sentence's condition says at least half of the first content words of a cited one (after «dersom»). */
export function conditionKept(condition: string, sentence: string): boolean {
  const wanted = contentWords(condition.split(/[,.;:]/u)[0]).slice(0, 6);
  const mine = new Set(contentWords(sentence));
  return wanted.length > 0 && wanted.filter((w) => mine.has(w)).length * 2 >= wanted.length;
}
/**
 * Whether every part of a cited condition (to the end of its sentence, split at commas, semicolons and «og») has at
 * least half of its first content words somewhere in the sentence: a condition whose first part the sentence puts in
 * its main clause («for sokkelbolig i enebolig … når utleieren bor i samme hus» for «hvis avtalen gjelder sokkelbolig
 * i enebolig …, og utleieren bor i samme hus») is kept whole (issue 15, fourth blind set opened).
 */
export function everyPartKept(condition: string, sentence: string): boolean {
  const parts = condition
    .split(/[.;:](?:\s|$)/u)[0]
    .split(/,|(?<![\p{L}])og(?![\p{L}])/u)
    .filter((p) => contentWords(p).length > 0);
  return parts.length > 0 && parts.every((p) => conditionKept(p, sentence));
}
