/**
 * A total made a share of each: «stiftarane må skyte inn minst 100 000 kroner kvar» for «skyte inn kapital på til
 * saman minst 100 000 kroner». The amount and the words match; only «kvar» (each) against «til saman» (in all) moves
 * it. Read only where both are bound to an amount (a figure within a few words), since «hver» and «kvar» have many
 * other uses («hver av partene», «kvar grensa går»). Review only.
 */
const AMOUNT = String.raw`\d[\d\s.,]*(?:\s+(?:kroner|kr|prosent|timer|dager|dagar|år|stykk|andeler|andelar|\p{L}+))?`;
const EACH = new RegExp(
  String.raw`${AMOUNT}\s+(?:hver|kvar|per|pr\.?|hver\s+for\s+seg|kvar\s+for\s+seg|hver\s+især)(?![\p{L}])|(?<![\p{L}])(?:hver|kvar)\s+\p{L}+\s+(?:[\p{L}]+\s+){0,3}${AMOUNT}`,
  'iu',
);
const TOTAL = new RegExp(
  String.raw`(?<![\p{L}])(?:til\s+sammen|til\s+saman|totalt|i\s+alt|samlet|samla)\s+(?:[\p{L}]+\s+){0,3}?\d|${AMOUNT}\s+(?:til\s+sammen|til\s+saman|totalt|i\s+alt)(?![\p{L}])`,
  'iu',
);

/** Whether the sentence gives an amount to each where the cited text gives it in all (or the other way round). */
export function distributiveShift(sentence: string, cited: string): 'each' | 'total' | null {
  if (EACH.test(sentence) && TOTAL.test(cited) && !EACH.test(cited)) return 'each';
  if (TOTAL.test(sentence) && EACH.test(cited) && !TOTAL.test(cited)) return 'total';
  return null;
}
