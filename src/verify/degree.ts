/**
 * Degree weakened or strengthened before the same thing: «reiser betydelige yrkesetiske spørsmål» → «reiser enkelte
 * yrkesetiske spørsmål», «ofte helt glemt» → «i noen grad oversett». Data: lexicons/degree.json.
 */
import { lexiconData } from './lexiconData.js';
import { z } from 'zod';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

const Data = z
  .object({ about: z.string(), high: z.array(z.string().min(1)), low: z.array(z.string().min(1)) })
  .parse(lexiconData('degree'));
const pattern = (terms: string[]) =>
  new RegExp(
    `(?<=^| )(?:${terms.map((t) => (t.endsWith('*') ? `${t.slice(0, -1)}\\p{L}*` : t)).join('|')})(?= |$)`,
    'gu',
  );
const HIGH = pattern(Data.high);
const LOW = pattern(Data.low);
/** Content words looked at after a degree word for the thing it grades (and one before it). */
const NEXT = 2;

/** Each degree term of a text with the stems of the content words right after it and right before it. */
function graded(text: string, terms: RegExp): { term: string; near: string[] }[] {
  const joined = lexiconTokens(text).join(' ');
  const content = (ws: string[]) => ws.filter((w) => w.length > 1 && !STOPWORDS.has(w)).map(stem);
  // A negated term («ikke godt nok samordnet») says the other end in other words: antonyms.ts and polarity.ts read it.
  const negated = (at: number) => /(?:^| )(?:ikke|ikkje)(?: \p{L}+)? $/u.test(joined.slice(0, at));
  return [...joined.matchAll(terms)]
    .filter((m) => !negated(m.index))
    .map((m) => ({
      term: m[0],
      // The word graded follows an adjective («betydelige spørsmål») and precedes an adverb («reduseres betraktelig»).
      near: [
        ...content(joined.slice(m.index + m[0].length).split(' ')).slice(0, NEXT),
        ...content(joined.slice(0, m.index).split(' ')).slice(-1),
      ],
    }));
}

/**
 * A degree term of the sentence with the opposite end in the cited text before the same word, or null; never when the
 * sentence also has the cited end's term before it.
 * @example degreeShift('Det reiser enkelte etiske spørsmål.', 'Det reiser betydelige etiske spørsmål.')
 *   // → { said: 'enkelte', source: 'betydelige' }
 */
export function degreeShift(sentence: string, cited: string): { said: string; source: string } | null {
  for (const [mineEnd, theirEnd] of [
    [LOW, HIGH],
    [HIGH, LOW],
  ] as const) {
    const mine = graded(sentence, mineEnd);
    if (mine.length === 0) continue;
    const kept = graded(sentence, theirEnd);
    for (const t of graded(cited, theirEnd)) {
      const m = mine.find((x) => x.near.some((w) => t.near.includes(w)));
      if (m && !kept.some((k) => k.near.some((w) => t.near.includes(w)))) return { said: m.term, source: t.term };
    }
  }
  return null;
}
