/**
 * Elided quotes: «… » / «[…]» / «(…)» inside a quote joins pieces of one passage in order. The pieces are matched
 * one by one (each at the strictest tier it meets), and the text left out between them is kept so the verifier
 * can say when a skipped «ikke», «uten», «dersom», «forutsatt at» or «bare» may change the meaning.
 */
import { matchQuote, type QuoteMatch } from './quote.js';
import { TIERS } from '../domain/verification.js';

// NOTE: a plain «...» is not an elision: it reads as the writer's own punctuation, as in the case files' policy.
const ELISION = /\s*(?:\[…\]|\(…\)|\[\.\.\.\]|\(\.\.\.\)|…)\s*/u;

/** The verbatim pieces of a quote, in order (one piece when it has no elision mark). */
export function quotePieces(quote: string): string[] {
  return quote
    .split(ELISION)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function hasElision(quote: string): boolean {
  return quotePieces(quote).length > 1;
}

/**
 * Match an elided quote piece by piece, in order, within one passage. The result spans the first piece's start to
 * the last piece's end, at the loosest tier any piece needed; null when a piece is missing or out of order.
 * @example matchElided('Vi støtter … satsinga', 'Vi støtter fullt ut satsinga.') // → { tier: 'exact', start: 0, end: 29 }
 */
export function matchElided(
  quote: string,
  passage: string,
): (QuoteMatch & { gaps: string[]; spans: QuoteMatch[] }) | null {
  const pieces = quotePieces(quote);
  if (pieces.length < 2) return null;
  let from = 0;
  let tier = 0;
  const spans: QuoteMatch[] = [];
  for (const piece of pieces) {
    const rest = passage.slice(from);
    const m = matchQuote(piece, rest, 0);
    if (!m) return null;
    spans.push({ tier: m.tier, start: from + m.start, end: from + m.end });
    tier = Math.max(tier, TIERS.indexOf(m.tier));
    from += m.end;
  }
  const gaps = spans.slice(1).map((s, i) => passage.slice(spans[i].end, s.start));
  return { tier: TIERS[tier], start: spans[0].start, end: spans[spans.length - 1].end, gaps, spans };
}

/** The texts an elided quote leaves out in this passage ([] when it has no elision or does not match). */
export function elisionGaps(quote: string, passage: string): string[] {
  return hasElision(quote) ? (matchElided(quote, passage)?.gaps ?? []) : [];
}
