/**
 * Where Norwegian sentences start, so long paragraphs are only ever split between sentences.
 * A boundary is sentence-final punctuation, optional closing quotes, whitespace, then something that
 * can open a sentence (capital, digit, opening quote, dash). Abbreviations and initials are not ends.
 */

// Lower-cased tokens that end in a full stop without ending a sentence ("f.eks.", "bl.a.", "jf.").
const ABBREVIATIONS = new Set([
  'f.eks', 'bl.a', 'jf', 'jfr', 'kap', 'nr', 'pkt', 'ca', 'mv', 'm.v', 'osv', 'dvs', 'd.v.s', 'mht', 'm.h.t', 'evt',
  'inkl', 'ekskl', 'm.m', 'mm', 'o.l', 'ol', 'etc', 'st', 'prop', 'meld', 'nou', 'mill', 'mrd', 'kr', 'dr', 'prof',
  'ref', 's', 'ss', 'mfl', 'm.fl', 'iht', 'i.h.t', 'vedr', 'avd', 'tlf', 'pr', 'ift', 'bl', 'adm', 'stip',
]);

const BOUNDARY = /[.!?…]+["»”’)\]]*\s+(?=[«"“(–-]?\s?[\p{Lu}\p{N}])/gu;

/** The run of non-whitespace that `text` ends with ('' when it ends in whitespace), as /(\S+)$/ finds it. */
function lastToken(text: string): string {
  // NOTE: scanned backwards; the regex tried every start position of the text before it (cost grew with the
  // paragraph's length for every full stop in it).
  let i = text.length;
  while (i > 0 && !/\s/u.test(text[i - 1])) i--;
  return text.slice(i);
}

function isAbbreviation(before: string): boolean {
  const token = lastToken(before);
  const bare = token.replace(/^[«"“(]+/u, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return true;
  // A single capital before the stop is an initial ("Tri N. Dinh"), not a sentence end.
  return /^\p{Lu}$/u.test(token.replace(/^[«"“(]+/u, ''));
}

/**
 * Offsets (into `text`) where a new sentence starts, excluding 0.
 * @example sentenceStarts('Vi mener dette. Kommunene f.eks. Oslo må med.') → [16]
 */
export function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  for (const match of text.matchAll(BOUNDARY)) {
    const index = match.index ?? 0;
    if (match[0].startsWith('.') && isAbbreviation(text.slice(0, index))) continue;
    starts.push(index + match[0].length);
  }
  return starts;
}
