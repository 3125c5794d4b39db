/** Negations the bracket test could not settle: paired one to one by their windows, and a dropped one told apart. */
import type { Negation, Text } from './text.js';
import { SLACK, elsewhere } from './bracket.js';

/**
 * Pair sentence negations with source negations, one to one, best overlap first, so a sentence that keeps one of
 * two negations in its source ("ikke vil la … uten å ha") is still caught dropping the other. The same negation
 * word counts as one more shared word, so "i stedet for" pairs with "i stedet for" before a nearby "ikke".
 */
export function pair(sNeg: Negation[], cNeg: Negation[]): { s: Set<Negation>; c: Set<Negation> } {
  const common = (x: Negation, y: Negation) => [...x.around.keys()].filter((k) => y.around.has(k)).length;
  const candidates = sNeg
    .flatMap((n) =>
      cNeg.map((m) => ({ n, m, shared: common(n, m), score: common(n, m) + (n.word === m.word ? 1 : 0) })),
    )
    .filter((p) => p.shared > 0)
    .sort((x, y) => y.score - x.score);
  const s = new Set<Negation>();
  const c = new Set<Negation>();
  for (const { n, m } of candidates) {
    if (s.has(n) || c.has(m)) continue;
    s.add(n);
    c.add(m);
  }
  return { s, c };
}

/**
 * Does the sentence repeat what a source negation negates? Either a word from before it followed (later in the
 * sentence) by one from after it, or the word right after it and another after that ("dessverre ikke forvente en
 * endring" against "vi kan forvente en endring"). A sentence that stops at the comma before ", uten at den norske
 * modellen utvannes", or starts after ", men Y forventer …", is not blamed for it.
 */
export function spans(m: Negation, s: Text, c: Text): boolean {
  const has = (x: string) => s.stemSet.has(x);
  if (m.after.length >= 2 && has(m.after[0]) && m.after.filter(has).length >= 2) return true;
  const first = s.stems.findIndex((x, i) => s.content[i] && m.before.has(x));
  // A word on both sides of the negation («ansatte … ikke … medarbeidere», one synonym group) shows no span.
  const afterOnly = m.after.filter((x) => !m.before.has(x));
  // NOTE (issue 15, fourth blind set opened): the word after it stands near the word before it, as in the source; a
  // sentence that names the first in one clause and the second (or its synonym) in another, twenty words on
  // («norske språkmodeller utvikles …, og … veilede bruken av KI» against «… der internasjonale språkmodeller ikke kan
  // benyttes»), does not repeat the negated statement.
  const reach = first + m.extent + 2 * SLACK;
  const later = (x: string, j: number) => j > first && j <= reach && s.content[j] && afterOnly.includes(x);
  if (first >= 0 && s.stems.some((x, j) => later(x, j) && !elsewhere(c, m, s.stems[first], x, j - first))) return true;
  return m.after.length === 0 && [...m.before].filter(has).length >= Math.min(2, m.before.size);
}
