/**
 * Steps in the wrong order: «… melder laget oppløyst til Føretaksregisteret og legg deretter oppgjeret fram for
 * generalforsamlinga» where the cited text has the settlement put to the meeting first and the notice after. A
 * sentence that orders two steps with «deretter», «etterpå», «dernest», «og så» or «til slutt» claims an order; where
 * both steps' words stand in the cited text the other way round, the order is turned. transposition.ts compares
 * stretches within one sentence; this reads the cited text's order, across its sentences. Review only.
 */
import { contentStems } from './lexicon.js';

const THEN = /(?<![\p{L}])(?:deretter|derefter|etterpå|dernest|og\s+så|til\s+slutt|seinare|senere)(?![\p{L}])/iu;
const keys = contentStems;

/** The middle position of the words in the cited tokens (first occurrence of each), or null with under two found. */
function middle(words: readonly string[], cited: readonly string[]): number | null {
  const at = words.map((w) => cited.indexOf(w)).filter((i) => i >= 0);
  if (at.length < 2) return null;
  at.sort((a, b) => a - b);
  return at[Math.floor(at.length / 2)];
}

/** The two steps («first», «then»), as the sentence writes them, when the cited text has them the other way round. */
export function stepsTurned(sentence: string, cited: string): { first: string; then: string } | null {
  const m = sentence.match(THEN);
  if (!m) return null;
  const before = sentence.slice(0, m.index);
  const after = sentence.slice(m.index! + m[0].length);
  const a = keys(before);
  const b = keys(after);
  const shared = new Set(a.filter((w) => b.includes(w)));
  const first = a.filter((w) => !shared.has(w));
  const then = b.filter((w) => !shared.has(w));
  const c = keys(cited);
  const pa = middle(first, c);
  const pb = middle(then, c);
  if (pa === null || pb === null || pa <= pb) return null;
  // «… og legg deretter …»: the verb before the ordering word belongs to the second step.
  const trim = (t: string) =>
    t
      .replace(/^[\s,]+|[\s,.;:!?]+$/gu, '')
      .split(/\s+/u)
      .slice(-6)
      .join(' ');
  return {
    first: trim(before.replace(/\s+og(?:\s+\p{L}+)?\s*$/iu, '')),
    then:
      after
        .replace(/^[\s,]+|[\s,.;:!?]+$/gu, '')
        .split(/\s+/u)
        .slice(0, 6)
        .join(' ') || trim(after),
  };
}
