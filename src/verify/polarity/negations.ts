/** Each negation of a text with the content words around it: what the bracket test and the pairing compare. */
import type { Negation, Text } from './text.js';
import { insteadLabel } from './insteadOf.js';

/** How many content words each side of a negation its window takes in. */
export const WINDOW = 4;

export function negations(t: Text): Negation[] {
  const found: Negation[] = [];
  t.negated.forEach((isNeg, i) => {
    if (!isNeg) return;
    const around = new Map<string, string>();
    const before = new Set<string>();
    const after: string[] = [];
    let [from, to] = [i, i];
    // Up to WINDOW content words each side, looking past stop words (at most 2 × WINDOW + 2 tokens).
    for (const step of [-1, 1] as const) {
      for (
        let k = i + step, got = 0, seen = 0;
        k >= 0 && k < t.tokens.length && t.seg[k] === t.seg[i] && got < WINDOW && seen < 2 * WINDOW + 2;
        k += step, seen++
      ) {
        if (!t.content[k]) continue;
        got++;
        [from, to] = [Math.min(from, k), Math.max(to, k)];
        if (!around.has(t.stems[k])) around.set(t.stems[k], t.tokens[k]);
        if (step < 0) before.add(t.stems[k]);
        else after.push(t.stems[k]);
      }
    }
    found.push({ index: i, word: insteadLabel(t.tokens[i]), around, before, after, extent: to - from });
  });
  return found;
}
