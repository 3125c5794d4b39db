/**
 * Elision marks at a quote's edges: «Leieren må finne seg i forandringer av husrommet (…)» cuts the rest of the
 * sentence, which may hold the condition («dersom arbeidet kan utføres uten nevneverdig ulempe …»). elision.ts keeps
 * the text between pieces; this keeps the text a leading or trailing mark leaves out of the quoted sentence, so the
 * same words (negations, conditions, «bare») are looked for there.
 */
import { splitSentences } from '../text/sentences.js';
import { quotePieces } from './elision.js';
import { matchQuote } from './quote.js';

const LEADING = /^\s*(?:\[…\]|\(…\)|\[\.\.\.\]|\(\.\.\.\)|…)/u;
const TRAILING = /(?:\[…\]|\(…\)|\[\.\.\.\]|\(\.\.\.\)|…)\s*$/u;

/** Whether the quote marks a cut at its start («… kan utleieren») and at its end («kan utleieren …»). */
export const markedEdges = (quote: string) => ({ lead: LEADING.test(quote), trail: TRAILING.test(quote) });

/**
 * The parts of the quoted sentences that a leading or trailing elision mark leaves out ([] when it has none).
 * @example edgeGaps('Leieren må finne seg i endringer (…)', 'Leieren må finne seg i endringer dersom de er små. Neste.')
 *   // → [' dersom de er små.']
 */
export function edgeGaps(quote: string, passage: string): string[] {
  const { lead, trail } = markedEdges(quote);
  if (!lead && !trail) return [];
  const pieces = quotePieces(quote);
  if (pieces.length === 0) return [];
  const first = matchQuote(pieces[0], passage);
  const last = pieces.length > 1 ? matchQuote(pieces[pieces.length - 1], passage, first?.end) : first;
  if (!first || !last) return [];
  const sentences = splitSentences(passage);
  const out: string[] = [];
  if (lead) {
    const s = sentences.find((x) => x.start <= first.start && first.start < x.end);
    if (s && s.start < first.start) out.push(passage.slice(s.start, first.start));
  }
  if (trail) {
    const s = sentences.find((x) => x.start < last.end && last.end <= x.end);
    if (s && last.end < s.end) out.push(passage.slice(last.end, s.end));
  }
  return out;
}
