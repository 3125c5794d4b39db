/**
 * The rejected alternative asserted: «… er at innbyggernes behov er utgangspunktet, ikke forvaltningens ønske om å
 * digitalisere» rejects what follows «, ikke»; a sentence saying that «forvaltningens ønske … skal være
 * utgangspunktet», with no negation of its own, asserts what the cited text rejects. The negation check pairs a
 * negation with the words around it; a verbless «, ikke …» tail at the end of a clause has none of its own.
 */
import { contentStems } from './lexicon.js';

/** «ikke minst» (not least) and «ikke bare» (not only) stress; they reject nothing. */
const IDIOM = /^\s*(?:minst|bare|berre|alltid|lenger|lengre)(?![\p{L}])/iu;
/** «, ikke X» closing a clause (no verb follows the comma). */
const REJECTED_TAIL = /,\s+(?:men\s+)?(?:ikke|ikkje)\s+([^,.;:!?]+)[.;:!?]?\s*$/iu;
const NEGATION =
  /(?<![\p{L}])(?:ikke|ikkje|ingen|inga|aldri|uten|utan|fremfor|framfor|istedenfor|i\s+stedet\s+for|heller\s+enn)(?![\p{L}])/iu;
const content = contentStems;

/**
 * The rejected alternative («ikke forvaltningens ønske …») when the sentence has most of its content words and no
 * negation or preference word of its own; null otherwise.
 */
export function rejectedAsserted(sentence: string, cited: string): string | null {
  if (NEGATION.test(sentence)) return null;
  const mine = new Set(content(sentence));
  for (const part of cited.split(/(?<=[.;!?])\s+/u)) {
    const m = part.match(REJECTED_TAIL);
    if (!m) continue;
    const rejected = content(m[1]);
    if (rejected.length === 0 || IDIOM.test(m[1])) continue;
    const shared = rejected.filter((w) => mine.has(w)).length;
    // One word is enough when it is the whole tail («må styrkes, ikke svekkes» → «må styrkes, svekkes»).
    if (shared >= Math.min(2, rejected.length) && shared / rejected.length >= 0.6)
      return `ikke ${m[1].trim().split(/\s+/u).slice(0, 5).join(' ')}`;
  }
  return null;
}
