/** Deadlines and bounds in a text: «minst», «senest», «innan ein månad», «har én måned på seg til». */
import { lexiconData } from '../lexiconData.js';
import { z } from 'zod';

/** Deadlines and bounds (data: lexicons/limits.json). */
const LIMITS = z
  .object({
    about: z.string(),
    bounds: z.array(z.string().min(1)),
    within: z.array(z.string().min(1)),
    time: z.array(z.string().min(1)),
    negatedComparatives: z.array(z.string().min(1)),
  })
  .parse(lexiconData('limits'));
const asPattern = (w: string) => (w.endsWith('*') ? `${w.slice(0, -1)}[\\p{L}]*` : w);
const LIMIT = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${LIMITS.bounds.join('|')})|(?:${LIMITS.within.join('|')})(?=(?:\\s+[\\p{L}\\p{N}]+){0,2}?\\s+(?:${LIMITS.time.map(asPattern).join('|')})(?![\\p{L}\\p{N}])))(?![\\p{L}\\p{N}])`,
  'iu',
);

/**
 * The first deadline or bound in a text, or null: «minst», «senest», «innan ein månad» (not «innen IKT»).
 * @example limitIn('Leieren kan innen én måned protestere.') // → 'innen'
 */
export function limitIn(text: string): string | null {
  // «ikke minst» (not least) emphasises; it sets no bound.
  const t = text.replace(/(?<![\p{L}])(?:ikke|ikkje)\s+minst(?![\p{L}])/giu, ' ');
  return t.match(LIMIT)?.[0] ?? t.match(NEGATED_COMPARISON)?.[0] ?? t.match(TIME_GIVEN)?.[0] ?? null;
}
/**
 * A deadline given as time to act: «har én måned (fra …) på seg til å protestere» is «kan innen én måned protestere»
 * (issue 15, fourth blind set opened). A time word must follow «har» within three words.
 */
const TIME_GIVEN = new RegExp(
  `(?<![\\p{L}])(?:har|hadde|får|fikk|fekk)\\s+(?:[\\p{L}\\p{N}]+\\s+){0,2}?(?:${LIMITS.time.map(asPattern).join('|')})\\s+(?:[\\p{L}\\p{N}]+\\s+){0,6}?på\\s+seg\\s+til(?![\\p{L}])`,
  'iu',
);
const NEGATED_COMPARISON = new RegExp(
  `(?<![\\p{L}])(?:ikke|ikkje)\\s+(?:[\\p{L}]+\\s+){0,2}?(?:${LIMITS.negatedComparatives.join('|')})\\s+enn(?![\\p{L}])`,
  'iu',
);
