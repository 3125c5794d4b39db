/**
 * A qualified majority given as a plain one (issue 15, fourth blind set opened): «et flertall på to tredjedeler av
 * leierne», «to tredjedels flertall», «kvalifisert flertall» restated as «et flertall av leierne» widens who can decide:
 * the sentence keeps the noun and every other word, and drops the share that qualifies it. The number check sees no
 * changed number (the sentence has none), so the share is looked for here.
 */
import { extractNumbers } from './numbers.js';

const MAJORITY = String.raw`(?:flertall|fleirtal|majoritet)\p{L}*`;
/** A majority with its share after it («flertall på (minst) to tredjedeler») or before it («tredjedels flertall»). */
const QUALIFIED = new RegExp(
  String.raw`(?<![\p{L}])(?:${MAJORITY}\s+(?:på|av)\s+(?:minst\s+|minimum\s+)?` +
    String.raw`(?:\d+(?:\s*\/\s*\d+)?(?:\s*(?:%|prosent))?|halvparten|(?:to|tre|fire)\s+\p{L}+del\p{L}*)` +
    String.raw`|(?:\p{L}+dels|\d+\s*\/\s*\d+|\d+\s*(?:%|prosent))\s+${MAJORITY}|(?:kvalifisert|kvalifisera?)\s+${MAJORITY})`,
  'iu',
);
const PLAIN = new RegExp(String.raw`(?<![\p{L}])${MAJORITY}`, 'iu');

/**
 * The cited qualified majority a sentence gives as a plain one, or null.
 * @example droppedMajority('Et flertall av eierne kan kreve det.', 'Et flertall på tre fjerdedeler av eierne kan kreve det.')
 *   // → 'flertall på tre fjerdedeler'
 */
export function droppedMajority(sentence: string, cited: string): string | null {
  const qualified = cited.match(QUALIFIED);
  if (!qualified || !PLAIN.test(sentence) || QUALIFIED.test(sentence)) return null;
  // A sentence that gives the share in its own words («to av tre leiere») keeps it.
  if (extractNumbers(sentence).some((f) => Number(f.key) < 1 || f.percent === true)) return null;
  return qualified[0];
}
