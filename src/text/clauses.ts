/**
 * Clauses of a Norwegian sentence: the parts a reader checks one by one. A sentence is cut before a coordinating
 * or causal connective that follows a comma («…, og derfor bør …», «…, men …», «…, fordi …»), at a semicolon,
 * colon or dash, and before «og derfor / og dermed / noe som». A part with fewer than two content words stays with
 * the part before it, so «X og Y» lists are not cut.
 * @example splitClauses('Det er behov for flere studieplasser, og staten bør fullfinansiere disse.')
 *   // → ['Det er behov for flere studieplasser', 'og staten bør fullfinansiere disse.']
 */
import { contentStems } from './words.js';

const CUT =
  /\s*;\s*|\s*:\s+|\s+[–—]\s+|,\s+(?=(?:og|men|fordi|for|så|slik at|noe som|mens|ettersom|siden|derfor|dermed|samtidig som|sånn at|og derfor|og dermed|og dette|og det|og at)\b)|\s+(?=(?:og derfor|og dermed|noe som|fordi|ettersom|slik at)\b)/giu;

export function splitClauses(sentence: string): string[] {
  const parts = sentence
    .split(CUT)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const out: string[] = [];
  for (const p of parts) {
    if (out.length && contentStems(p).length < 2) out[out.length - 1] += ` ${p}`;
    else if (out.length && contentStems(out[out.length - 1]).length < 2) out[out.length - 1] += ` ${p}`;
    else out.push(p);
  }
  return out.length ? out : [sentence.trim()];
}
