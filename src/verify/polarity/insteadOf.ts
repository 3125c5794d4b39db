/** «i stedet for» and the words that say it («istedenfor», «fremfor», «heller enn»): one negation, one label. */

/**
 * «fremfor», «framfor» and «heller enn» (rather than) say what «i stedet for» says. NOTE: they count as its negation
 * only where the other text has one of these: «framfor» is also «in front of» and «fremfor alt» «above all», so a
 * text with «fremfor» against one with none of them keeps being read word by word, as before.
 */
const RATHER_THAN = new Set(['fremfor', 'framfor']);
export const INSTEAD_IN =
  /(?<![\p{L}])(?:i\s+stedet\s+for|i\s+staden\s+for|istedenfor|isteden|fremfor|framfor|heller\s+enn)(?![\p{L}])/iu;
/** Is token i «fremfor», «framfor» (not «fremfor alt») or the «heller» of «heller enn»? */
export const ratherThan = (tokens: readonly string[], i: number) =>
  (RATHER_THAN.has(tokens[i]) && tokens[i + 1] !== 'alt') || (tokens[i] === 'heller' && tokens[i + 1] === 'enn');
/** The label every «i stedet for» form carries, so that they pair as the same word. */
export const insteadLabel = (w: string) =>
  w === 'stedet' || w === 'istedenfor' || w === 'isteden' || w === 'heller' || RATHER_THAN.has(w) ? 'i stedet for' : w;
