/**
 * Typographic and whitespace normalisation of Norwegian text.
 *
 * `normalise` is for quote matching and keeps a map back to the original offsets, so a match found in normalised
 * text can be reported at its TRUE position in the passage: Unicode NFKC per character cluster (ligatures from PDFs,
 * decomposed å), soft hyphens and zero-width characters removed, typographic quotes «» “” „ ‹› → ", ‘’ ‚ → ', dashes
 * – — ‒ ― − and U+2011 → -, every run of whitespace (line breaks, no-break and narrow spaces included) → one space.
 * `looseTokens`: the normalised text's words (letters and digits) in lower case, for matching that ignores case and
 * punctuation.
 * `canonicalLine` is the one-line form of a draft's sentences and headings: lighter, it keeps no-break spaces.
 */

const DROPPED = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const DOUBLE_QUOTES = /[«»“”„‟‹›]/u;
const SINGLE_QUOTES = /[‘’‚‛]/u;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/u;
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

export interface Normalised {
  text: string;
  /** starts[i]: offset in the original of the character that produced text[i]. */
  starts: number[];
  /** ends[i]: offset just after it (a collapsed whitespace run ends after the whole run). */
  ends: number[];
}

/** @example normalise('a\u00ADb\n\n«c»').text === 'ab "c"' */
export function normalise(original: string): Normalised {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of original.matchAll(CLUSTER)) {
    const cluster = m[0];
    const at = m.index;
    const end = at + cluster.length;
    if (DROPPED.test(cluster)) continue;
    for (const ch of cluster.normalize('NFKC')) {
      const out = /\s/u.test(ch)
        ? ' '
        : DOUBLE_QUOTES.test(ch)
          ? '"'
          : SINGLE_QUOTES.test(ch)
            ? "'"
            : DASHES.test(ch)
              ? '-'
              : ch;
      if (out === ' ' && text.endsWith(' ')) {
        ends[ends.length - 1] = end;
        continue;
      }
      text += out;
      for (let k = 0; k < out.length; k++) {
        starts.push(at);
        ends.push(end);
      }
    }
  }
  return { text, starts, ends };
}

/** The normalised form of a quote, trimmed (a quote's surrounding whitespace never matters). */
export function normaliseQuote(quote: string): string {
  return normalise(quote).text.trim();
}

export interface Token {
  word: string;
  /** Offsets in the ORIGINAL text. */
  start: number;
  end: number;
}

/** Lower-cased words of the text with their original offsets. */
export function looseTokens(original: string, n: Normalised = normalise(original)): Token[] {
  const tokens: Token[] = [];
  for (const m of n.text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const last = m.index + m[0].length - 1;
    tokens.push({ word: m[0].toLowerCase(), start: n.starts[m.index], end: n.ends[last] });
  }
  return tokens;
}

/** Runs of ASCII whitespace and line breaks; deliberately not \s, which would also eat U+00A0 and U+202F. */
const COLLAPSIBLE = /[ \t\r\n\f\v]+/g;

/**
 * The canonical single-line form of a sentence or heading: runs of spaces, tabs and line breaks become one space,
 * no-break and narrow spaces are kept (they matter in numbers like "850 000").
 * @example canonicalLine('  Vi mener\n at  dette ') === 'Vi mener at dette'
 */
export function canonicalLine(text: string): string {
  return text.replace(COLLAPSIBLE, ' ').trim();
}
