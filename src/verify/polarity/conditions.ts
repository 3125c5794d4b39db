/** Which negations stand in a condition («dersom leieren ikke …»): an issue there is marked `inCondition`. */

/**
 * Words that open a condition (Bokmål and Nynorsk; «med mindre» is read as «hvis ikke» in tokens.ts). NOTE: Norwegian
 * puts a negation before the verb in a subordinate clause, right after its subject («dersom leieren ikke
 * dokumenterer»); a negation further on after «dersom …» is in the main clause («Dersom leien er betalt, kan utleieren
 * ikke …»). So a negation counts as the condition's only within CONDITION_REACH words of the word that opens it.
 */
const CONDITIONAL = new Set(['dersom', 'hvis', 'viss', 'når', 'såfremt', 'forutsatt', 'føresett']);
const CONDITION_REACH = 5;
/** A numbered or lettered list item that opens in lower case continues a lead-in («… dersom:», «1. leieren …»). */
export const LIST_ITEM = /^\s*(?:\d{1,2}|[a-h])[.)]\s+\p{Ll}/u;

/** Is token i within reach of a word opening a condition, or of the start of a list item that continues a lead-in? */
export function inCondition(tokens: readonly string[], i: number, item: boolean): boolean {
  if (item && i <= CONDITION_REACH) return true;
  for (let k = i - 1; k >= 0 && i - k <= CONDITION_REACH; k--) if (CONDITIONAL.has(tokens[k])) return true;
  return false;
}
