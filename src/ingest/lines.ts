/**
 * Small line predicates shared by PDF repair and passage cutting, so both agree on what a sentence
 * end, a list item and a continuation look like in Norwegian text.
 */

/** Ends with sentence-final (or clause-final) punctuation, optionally followed by closing quotes. */
export function endsSentence(line: string): boolean {
  return /[.!?…:;]["»”’)\]]*$/u.test(line);
}

/** Ends a full sentence: like endsSentence but a colon or semicolon does not count. */
export function endsFullSentence(line: string): boolean {
  return /[.!?…]["»”’)\]]*$/u.test(line);
}

/** Bullets, dashes and enumerations: "• x", "- x", "– x", "1. x", "a) x". */
export function isListItem(line: string): boolean {
  return /^(?:[•▪◦●·*–-]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)/u.test(line.trimStart());
}

/**
 * Starts like the rest of a sentence: a lower-case letter or a digit (after an opening quote or
 * bracket), or a suspended compound part such as "-endring".
 */
export function startsAsContinuation(line: string): boolean {
  return /^[«"“(]?[\p{Ll}\p{N}]/u.test(line) || /^-\p{Ll}/u.test(line);
}

// "fag- og høyskole": a hyphen before a conjunction marks a shared compound part, not a line break.
const SUSPENDED_FOLLOWER = /^(?:og|eller|samt|enn|til|som|men)\b|^,/u;

/**
 * Join two lines that the source broke inside a sentence, undoing line-end hyphenation.
 * @example joinLines('kompetanse-', 'heving') === 'kompetanseheving'
 * @example joinLines('IKT-', 'sikkerhet') === 'IKT-sikkerhet'
 * @example joinLines('kompetanseheving eller', '-endring') === 'kompetanseheving eller -endring'
 */
export function joinLines(a: string, b: string): string {
  if (a.endsWith('-') && !/\s-$/u.test(a)) {
    if (SUSPENDED_FOLLOWER.test(b)) return `${a} ${b}`; // "fag-" + "og" → "fag- og"
    const before = a.at(-2) ?? '';
    // Acronyms and numbers ("IKT-sikkerhet", "2019-2022") and one-letter prefixes ("e-helse") keep
    // their hyphen; so does a hyphen before a capital ("Nord-Norge").
    if (/[\p{Lu}\p{N}]/u.test(before) || /(?:^|[\s(«"“])\p{L}-$/u.test(a) || !/^\p{Ll}/u.test(b)) return a + b;
    return a.slice(0, -1) + b; // "kompetanse-" + "heving"
  }
  return `${a} ${b}`;
}

/** The p-th quantile (0..1) of a list of numbers; 0 for an empty list. */
export function quantile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(p * (sorted.length - 1))];
}
