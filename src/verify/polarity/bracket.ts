/** The bracket test: is a negation's place in one text negated in the other, the same number of times? */
import type { Negation, Text } from './text.js';
import { WINDOW } from './negations.js';
import { ceasingNear } from './noLonger.js';

/** Negative subjects: «ingen kan …» says «… kan ikke …». */
const NO_ONE = new Set(['ingen', 'inga', 'ingenting', 'intet', 'inkje']);
/** Finite verbs a sentence negation («ikke») follows in a main clause. */
const FINITE = new Set(['kan', 'skal', 'må', 'får', 'bør', 'vil', 'er', 'blir', 'har', 'kunne', 'skulle', 'fikk']);
/** Extra words a one-sided bracket may span in the other text. */
export const SLACK = 2;

/** Outcome of the bracket test, with the negations of `b` in the stretch compared (and so accounted for). */
type Bracket = { kind: 'negated' | 'plain'; at: number[]; key: string; seg: number } | { kind: 'absent' };

/**
 * NOTE (issue 15, fourth blind set opened): the two words the other text has of a negated stretch may stand together
 * elsewhere in `a` too, without the negation («opplæringa i digitale verktøy … er mangelfull» beside «opplæring som
 * ikke er tilpasset … digitale ferdighetsnivå»): the other text restates that place, not the negated one. Only a place
 * in one sentence, no wider than the other text's stretch (give or take SLACK words), with no negation in it, counts.
 */
export function elsewhere(a: Text, n: Negation, first: string, last: string, width: number): boolean {
  return a.stems.some((x, p) => {
    if (x !== first || (p < n.index && n.index - p <= n.extent)) return false;
    for (let q = p + 1; q < a.stems.length && q - p <= width + SLACK; q++)
      if (a.stems[q] === last && a.seg[p] === a.seg[q] && !(p < n.index && n.index < q))
        return !a.negated.some((neg, k) => neg && k > p && k < q);
    return false;
  });
}

/**
 * The bracket test: take the content words nearest before and after negation `n` in `a` that `b` also has (so an
 * added filler word does not get in the way); where they occur in `b` about as close together, is the number of
 * negations between them the same, odd or even (so "er ikke mangel på" is caught against "er mangel på")?
 * Where `a` has no content words on one side at all ("Han er ikke en …"), the stretch of the same width next to
 * the one word is compared. 'absent' when `b` has no such place.
 */
export function bracket(n: Negation, a: Text, b: Text): Bracket {
  const near = (step: 1 | -1) => {
    for (
      let k = n.index + step, seen = 0;
      k >= 0 && k < a.tokens.length && a.seg[k] === a.seg[n.index] && seen < 2 * WINDOW + 2;
      k += step, seen++
    ) {
      if (a.content[k] && b.stemSet.has(a.stems[k])) return k;
    }
    return -1;
  };
  const l = near(-1);
  const r = near(1);
  // NOTE: a side that `b` merely lacks means `b` stops short of it (a sentence cut at a comma): no verdict.
  const mine = (k: number) => a.seg[k] === a.seg[n.index];
  const bareBefore = !a.content.some((x, k) => x && k < n.index && mine(k));
  const bareAfter = !a.content.some((x, k) => x && k > n.index && mine(k));
  if ((l < 0 && (r < 0 || !bareBefore)) || (r < 0 && !bareAfter)) return { kind: 'absent' };
  const count = (t: Text, i: number, j: number) => t.negated.flatMap((x, k) => (x && k > i && k < j ? [k] : []));
  let odd: number;
  const stretches: [number, number][] = [];
  if (l >= 0 && r >= 0) {
    odd = count(a, l, r).length % 2;
    const span = r - l + 2;
    b.stems.forEach((x, i) => {
      if (x !== a.stems[l]) return;
      for (let j = i + 1; j < b.stems.length && j - i <= span; j++)
        if (b.stems[j] === a.stems[r]) stretches.push([i, j]);
    });
  } else {
    const anchor = l >= 0 ? l : r;
    const w = Math.abs(anchor - n.index) + 1;
    odd = (l >= 0 ? count(a, l, l + w + 1) : count(a, r - w - 1, r)).length % 2;
    // NOTE: the other text may put a word or two more between («ingen av landets innbyggere» for «ingen
    // innbyggere»): the stretch of the same width is tried first, then one of SLACK more words.
    for (const extra of [0, SLACK])
      b.stems.forEach(
        (x, i) => x === a.stems[anchor] && stretches.push(l >= 0 ? [i, i + w + 1 + extra] : [i - w - 1 - extra, i]),
      );
  }
  // A stretch of the other text that runs over a sentence's end is no place for the same statement.
  const inOne = stretches.filter(([i, j]) => b.seg[Math.max(i, 0)] === b.seg[Math.min(j, b.seg.length - 1)]);
  stretches.length = 0;
  stretches.push(...inOne);
  if (stretches.length === 0) return { kind: 'absent' };
  const key = `${l}:${r}`;
  for (const [i, j] of stretches) {
    const at = count(b, i, j);
    if (at.length % 2 === odd) return { kind: 'negated', at, key, seg: b.seg[Math.max(i, 0)] };
  }
  // NOTE: Norwegian moves the negation before the verb in a subordinate clause («som ikke utveksler data» for
  // «utveksler ikke data»): a negation right next to the stretch's end word counts as inside it; so does a verb of
  // ceasing before an infinitive marker («opphører å regnes som …» for «regnes ikke lenger som …») or ending the
  // clause a few words on («at utbyggingen av barnehager uteblir» for «manglende utbygging av barnehager»).
  for (const [i, j] of stretches) {
    for (const k of [i - 1, j + 1, ...ceasingNear(b, i, j)]) {
      if (!b.negated[k]) continue;
      const at = [...count(b, i, j), k];
      if (at.length % 2 === odd) return { kind: 'negated', at, key, seg: b.seg[Math.max(i, 0)] };
    }
  }
  // NOTE (issue 15, fourth blind set opened): a negative subject opening its clause («Ingen kan kalle seg …») is the
  // other text's «ikke» after the finite verb («Tittelen … kan ikke benyttes»), put first: a negation right after a
  // finite verb in the other text, within a window of the stretch and in its sentence, counts as inside it.
  if (NO_ONE.has(a.tokens[n.index]) && !a.content.some((x, k) => x && k < n.index && a.seg[k] === a.seg[n.index])) {
    for (const [i, j] of stretches) {
      const k = b.negated.findIndex(
        (x, k) =>
          x &&
          FINITE.has(b.tokens[k - 1] ?? '') &&
          b.seg[k] === b.seg[Math.max(i, 0)] &&
          k > i - 2 * WINDOW &&
          k < j + 2 * WINDOW,
      );
      if (k >= 0 && (count(b, i, j).length + (k > i && k < j ? 0 : 1)) % 2 === odd) {
        return { kind: 'negated', at: [...count(b, i, j), k], key, seg: b.seg[Math.max(i, 0)] };
      }
    }
  }
  if (l >= 0 && r >= 0 && stretches.some(([i, j]) => elsewhere(a, n, a.stems[l], a.stems[r], j - i))) {
    return { kind: 'absent' };
  }
  return { kind: 'plain', at: count(b, ...stretches[0]), key, seg: b.seg[Math.max(stretches[0][0], 0)] };
}
