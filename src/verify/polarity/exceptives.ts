/**
 * Exceptives and restrictions («bare … med mindre», «ikke … unntatt», «uten annen … enn»): they narrow a rule, they
 * do not reverse it.
 */

/**
 * «uten annen endring av leien enn …», «uten andre krav enn …» restrict (only this), they do not negate: a sentence
 * that leaves the restriction out drops a condition (support.ts), it does not reverse the rule.
 */
export const OTHER_THAN = new Set(['annen', 'anna', 'annet', 'andre']);

export const UNLESS = /(?<![\p{L}])med\s+mindre(?![\p{L}])/iu;
export const ONLY_IN = /(?<![\p{L}])(?:bare|kun|berre|utelukkende|unntatt|unntak)(?![\p{L}])/iu;

/** «bare», «kun», «berre», «utelukkende»: the positive side of «ikke … med mindre». */
export const ONLY = new Set(['bare', 'kun', 'berre', 'utelukkende']);
const EXCEPTIVE_REACH = 8;

/** Is negation i followed in its clause by «med mindre» or «unntatt» (unless, except)? */
export function exceptiveAfter(tokens: readonly string[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k <= i + EXCEPTIVE_REACH; k++)
    if ((tokens[k] === 'med' && tokens[k + 1] === 'mindre') || tokens[k] === 'unntatt') return true;
  return false;
}

/** «uten annen endring … enn»: «uten» followed by «annen/annet/andre» and, in its clause, «enn». */
export function otherThan(tokens: readonly string[], i: number): boolean {
  if (!OTHER_THAN.has(tokens[i + 1] ?? '')) return false;
  for (let k = i + 2; k < tokens.length && k <= i + EXCEPTIVE_REACH; k++) if (tokens[k] === 'enn') return true;
  return false;
}
