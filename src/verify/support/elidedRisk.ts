/** What a quote's elision («…») leaves out that may change what the quoted pieces say (data: lexicons/elision.json). */
import { lexiconData } from '../lexiconData.js';
import { z } from 'zod';

/** Words in elided text that change what the quoted pieces say when left out (data: lexicons/elision.json). */
const ELISION_WORDS = z
  .object({
    about: z.string(),
    anywhere: z.array(z.string().min(1)),
    nearPieces: z.array(z.string().min(1)),
    ignore: z.array(z.string().min(1)),
  })
  .parse(lexiconData('elision'));
const wordsPattern = (ws: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${ws.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const ELIDED_ANYWHERE = wordsPattern(ELISION_WORDS.anywhere);
const ELIDED_NEAR = wordsPattern(ELISION_WORDS.nearPieces);
const ELIDED_IGNORE = new RegExp(wordsPattern(ELISION_WORDS.ignore).source, 'giu');

/**
 * The word in a skipped stretch that may change the quoted pieces' meaning, or null. A negation or condition counts
 * anywhere in it; a quantifier or limit only where it shares a sentence with a piece (a whole sentence skipped
 * between two pieces does not narrow them) and when the sentence does not say it itself.
 * @example elidedRisk(' alle ', 'Kompetanse bør inn i profesjonsutdanningene.') // → 'alle'
 */
export function elidedRisk(skipped: string, sentence: string): string | null {
  const gap = skipped.replace(ELIDED_IGNORE, ' ');
  const any = gap.match(ELIDED_ANYWHERE);
  if (any) return any[0];
  const ends = [...gap.matchAll(/[.!?](?=\s)/g)].map((m) => m.index);
  // The piece before ended its sentence when the skipped text opens a new one (a capital letter first).
  const first = /^\s*\p{Lu}/u.test(gap) ? '' : gap.slice(0, ends.length ? ends[0] + 1 : gap.length);
  const edges = ends.length ? [first, gap.slice(ends[ends.length - 1] + 1)] : [first];
  for (const edge of edges) {
    const near = edge.match(ELIDED_NEAR);
    if (near && !new RegExp(`(?<![\\p{L}])${near[0]}(?![\\p{L}])`, 'iu').test(sentence)) return near[0];
  }
  return null;
}
