/**
 * A time limit counted from another event: «innen fire uker etter at kommunen vedtok forkjøpet» for «innen fire uker
 * etter at melding om forkjøpsvedtaket er mottatt». The length matches, so the number check passes, and most words
 * are shared, so overlap does too; what moved is the start. Where both texts give a length of time followed by
 * «etter (at)» or «fra», a start that is a notice or its receipt on one side and the event itself on the other is
 * moved. (Comparing the starts' words flagged faithful paraphrases: «leietiden er ute» for «utløpet av den avtalte
 * leietid».) Review only.
 */

const DEADLINE =
  /(?<![\p{L}])(?:dager|dagar|døgn|uker|veker|måneder|månader|måned|månad|år|timer|uke|veke|dag)\s+(?:regnet\s+|rekna\s+)?(?:etter|fra|frå)\s+(?:at\s+)?([^,.;:!?()]+?)(?=\s+(?:uten|utan|og|men|eller|dersom|hvis|når)\s|[,.;:!?()]|$)/giu;
/**
 * Words that make a start a notice or its receipt («etter at melding er mottatt», «frå han fekk varsel») rather
 * than the event itself («etter at kommunen vedtok»): a time limit from the one is not a time limit from the other.
 */
const NOTICE =
  /(?<![\p{L}])(?:melding\p{L}*|varsel\p{L}*|varsl\p{L}*|underretning\p{L}*|kunngj\p{L}*|forkyn\p{L}*|mott\p{L}*|motteke|fått|fekk|fikk|får|kjennskap|kjent|kunnskap|beskjed|brev\p{L}*|skriftlig\p{L}*|skriftleg\p{L}*|tilsendt|sendt|sende|fram\p{L}*\s+krav|krav|(?:kom|kommet|komme|kjem)\s+(?:inn|fram|frem)|nådde|nådd)(?![\p{L}])/iu;
/** The cited start a sentence's deadline does not keep, as the cited text writes it, or null. */
export function deadlineStartMoved(sentence: string, cited: string): { said: string; source: string } | null {
  const mine = [...sentence.matchAll(DEADLINE)].map((m) => m[1].trim());
  const theirs = [...cited.matchAll(DEADLINE)].map((m) => m[1].trim());
  if (mine.length === 0 || theirs.length === 0) return null;
  for (const said of mine) {
    const notice = NOTICE.test(said);
    if (theirs.some((t) => NOTICE.test(t) === notice)) continue;
    return { said, source: theirs[0] };
  }
  return null;
}
