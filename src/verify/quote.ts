/**
 * Does a quote stand in a passage, and how faithfully? Three tiers, strictest first:
 * - `exact`: a verbatim substring;
 * - `normalised`: equal after normalise() (whitespace and line breaks, soft hyphens, typographic quotes, dashes);
 * - `loose`: the same words in the same order, ignoring case and punctuation.
 * Offsets are always the TRUE ones in the passage text, mapped back through normalisation.
 */
import type { Tier } from '../domain/verification.js';
import { looseTokens, normalise, normaliseQuote, type Normalised, type Token } from '../text/normalise.js';
import { isTooShort } from '../text/quoteLength.js';

export { isTooShort };

export { TIERS } from '../domain/verification.js';
export type { Tier } from '../domain/verification.js';

export interface QuoteMatch {
  tier: Tier;
  start: number;
  end: number;
}

/** A passage text prepared once for matching many quotes. */
class PreparedText {
  private normalised?: Normalised;
  private tokens?: Token[];
  constructor(readonly text: string) {}
  get norm(): Normalised {
    return (this.normalised ??= normalise(this.text));
  }
  get words(): Token[] {
    return (this.tokens ??= looseTokens(this.text, this.norm));
  }
}

/**
 * Find a quote in a passage at the strictest tier that matches; null when it is not there at all.
 * With several occurrences, the one nearest `near` (the offset the citation claims) wins.
 * @example matchQuote('tatt et stort skritt', 'har tatt et stort\nskritt i riktig retning')
 *   // → { tier: 'normalised', start: 4, end: 24 }
 */
export function matchQuote(quote: string, passage: string | PreparedText, near?: number): QuoteMatch | null {
  const p = typeof passage === 'string' ? new PreparedText(passage) : passage;
  const q = quote.trim();
  if (!q) return null;
  const exact = nearest(occurrences(p.text, q), near);
  if (exact !== undefined) return { tier: 'exact', start: exact, end: exact + q.length };

  const nq = normaliseQuote(q);
  const n = p.norm;
  const at = nearest(occurrences(n.text, nq), near === undefined ? undefined : n.starts.findIndex((s) => s >= near));
  if (nq && at !== undefined) return { tier: 'normalised', start: n.starts[at], end: n.ends[at + nq.length - 1] };

  const qw = looseTokens(q).map((t) => t.word);
  if (qw.length === 0) return null;
  const starts: number[] = [];
  const pw = p.words;
  for (let i = 0; i + qw.length <= pw.length; i++) {
    if (qw.every((w, k) => pw[i + k].word === w)) starts.push(i);
  }
  const first = nearest(
    starts.map((i) => pw[i].start),
    near,
  );
  if (first === undefined) return hyphenated(q, p, near);
  const i = starts[starts.map((k) => pw[k].start).indexOf(first)];
  return { tier: 'loose', start: pw[i].start, end: pw[i + qw.length - 1].end };
}

/**
 * NOTE: a quote pasted from a PDF keeps its line-break hyphenation («profesjons- utdanninger», «digi- tale»). Where
 * a hyphen, a space and a lower-case word follow each other (not «etter- og videreutdanning»), the word joined, or
 * joined with its hyphen («IKT- sikkerhet»), is tried; a match is reported as `normalised` at best, never `exact`.
 */
const LINE_BREAK_HYPHEN = /(\p{L})-\s+(?!(?:og|eller|samt|til|enn|som|and|or)(?![\p{L}]))(?=\p{Ll})/gu;
function hyphenated(q: string, p: PreparedText, near?: number): QuoteMatch | null {
  if (!new RegExp(LINE_BREAK_HYPHEN.source, 'u').test(q)) return null;
  for (const joined of [q.replace(LINE_BREAK_HYPHEN, '$1'), q.replace(LINE_BREAK_HYPHEN, '$1-')]) {
    const m = matchQuote(joined, p, near);
    if (m) return { ...m, tier: m.tier === 'exact' ? 'normalised' : m.tier };
  }
  return null;
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function nearest(candidates: number[], near: number | undefined): number | undefined {
  if (candidates.length === 0) return undefined;
  if (near === undefined || near < 0) return candidates[0];
  return candidates.reduce((best, c) => (Math.abs(c - near) < Math.abs(best - near) ? c : best));
}
