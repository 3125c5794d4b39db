/**
 * Which sentences claim something and so need a citation? All but greetings, thanks and pure transitions.
 *
 * The rule, kept simple on purpose so a person can predict it: a sentence is exempt when it has no digits and
 * either has at most two content words ("Se nedenfor.", "Vi viser til høringsbrevet.") or opens with a formula of
 * courtesy or transition ("Vi takker for …", "Med vennlig hilsen", "Nedenfor følger …") and has at most eight.
 */
import { contentStems } from '../text/words.js';

const FORMULAS = [
  /^(med )?vennlig hilsen/i,
  /^(vi |\p{Lu}[\p{L} ]{0,60} )?takker (for|fo)/iu,
  /^takk for/i,
  /^(vi )?(ser|sjå|ser vi) (fram|frem) til/iu,
  // «Vi viser til at regjeringen har kuttet …» reports a claim; only «viser til» + a document is courtesy.
  /^(vi )?viser (her )?til (?!at\b)/iu,
  /^(nedenfor|under) (følger|kommer|gir)/i,
  /^i det følgende/i,
  /^(vi )?vil (i det følgende|nedenfor|under) /i,
  /^(se|sjå) (nedenfor|under|over|vedlegg)/i,
  /^(vi )?(har (følgende|disse) (innspill|merknader|kommentarer))/i,
  /^(innledningsvis|avslutningsvis|til slutt|oppsummert)[,:]?$/i,
];

/** @example isClaim('Vi takker for muligheten til å gi innspill.') === false */
export function isClaim(sentence: string): boolean {
  if (/\d/.test(sentence)) return true;
  const content = contentStems(sentence).length;
  if (content <= 2) return false;
  return !(content <= 8 && FORMULAS.some((f) => f.test(sentence.trim())));
}
