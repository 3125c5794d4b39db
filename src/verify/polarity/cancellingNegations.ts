/** Two negations in one sentence that cancel out («ingen … uten å»). */

/**
 * NOTE: «Ingen må setja i verk graving … utan å syta for føregjerder» is «Den som graver, må sørge for føregjerder»:
 * «ingen/ikke … uten» in one sentence cancel out. Used only against a text with no negation at all, so a sentence that
 * keeps either half («… uten å sørge for …») is still compared word by word.
 */
export function doubleNegations(tokens: readonly string[], seg: readonly number[]): Set<number> {
  const out = new Set<number>();
  tokens.forEach((w, i) => {
    if (!['ingen', 'ikke', 'ikkje', 'inga'].includes(w)) return;
    const k = tokens.findIndex((x, j) => j > i && seg[j] === seg[i] && (x === 'uten' || x === 'utan'));
    if (k > 0 && (tokens[k + 1] === 'å' || tokens[k + 1] === 'at')) out.add(i).add(k);
  });
  return out;
}
