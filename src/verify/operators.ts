/**
 * An operator word the sentence adds: overlap lets a ✓ sentence have a word or two the cited text lacks (a
 * paraphrase's own words), but a word that says how far, how often, in which order or how soon («heile», «aldri»,
 * «deretter», «så snart», «som regel») is a claim of its own unless the cited text says that kind of thing too.
 * Data: lexicons/operators.json.
 */
import { lexiconData } from './lexiconData.js';
import { z } from 'zod';
import { phrasesPattern } from './lexicon.js';

const Schema = z.object({
  about: z.string(),
  classes: z.record(
    z.string(),
    z.object({ words: z.array(z.string().min(1)).min(1), backedBy: z.array(z.string().min(1)).min(1) }),
  ),
});

/** A comparative formed with an ending («forsiktigere», «høgare»): the cited text compares too. */
const SYNTHETIC_COMPARATIVE = /(?<![\p{L}])\p{L}{4,}(?:ere|are)(?![\p{L}])/iu;

let classes: { name: string; words: Set<string>; backed: RegExp }[] | undefined;
function load() {
  classes ??= Object.entries(Schema.parse(lexiconData('operators')).classes).map(([name, c]) => ({
    name,
    words: new Set(c.words),
    backed: phrasesPattern(c.backedBy),
  }));
  return classes;
}

/**
 * The first of `missing` (the sentence's content words the cited text lacks, as overlap gives them) that is an
 * operator the cited text does not back, or null.
 * @example unbackedOperator(['hele'], 'I den mon tingen er bruka i strid med retten, fell den retten bort.') // → 'hele'
 */
export function unbackedOperator(missing: readonly string[], cited: string): string | null {
  for (const word of missing) {
    const c = load().find((x) => x.words.has(word.toLowerCase()));
    if (c && !c.backed.test(cited) && !(c.name === 'comparison' && SYNTHETIC_COMPARATIVE.test(cited))) return word;
  }
  return null;
}
