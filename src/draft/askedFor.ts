/**
 * What a question asks the answer to supply, beyond its topic: a figure («Hvor mange studieplasser …?», «Kor mykje
 * bør staten løyve …?») or a pick among named things («Hvem bør lede Skate?», «Hvilken kommune bør lede …?»).
 * NOTE (issue 17, fourth round): the commonest false "answered" on the first blind set (5 of 7) were such
 * questions on a topic the organisation does speak of, while its text leaves the figure or the name open: every
 * topic word was used, so coverage alone said answered. A sub-question of that kind is settled by the figure or
 * the name, not by the topic, so the words cannot confirm it; relevance.ts lets such a question be `answered` only
 * when the passage gives a figure (for a figure) or uses every selective word (for a pick), else ≈.
 */

export type Asked = 'figure' | 'pick' | null;

/** «hvor mye/mange», «hvor stor (andel)», «kor mykje/mange/stor»: the answer is an amount or a count. */
const FIGURE =
  /(?<![\p{L}\p{N}])(?:hvor|kor)\s+(?:mye|mykje|mange|store?|høy|høgt?|høye?|lang|lenge)(?![\p{L}\p{N}])/iu;
/** «hvem/kven bør …», «hvilken/hvilke/kva for ein … bør»: the answer names someone or something. */
const PICK =
  /^(?:hvem|kven|hvilken|hvilket|hvilke|kva\s+for(?:\s+(?:ein|ei|eit))?)\s+(?:[\p{L}-]+\s+)?(?:bør|skal|må)(?![\p{L}\p{N}])/iu;

/**
 * @example askedFor('Hvor mange nye studieplasser bør opprettes?') // → 'figure'
 * @example askedFor('Hvem bør lede Skate?') // → 'pick'
 * @example askedFor('Hvordan bør kommunene øke kompetansen?') // → null
 */
export function askedFor(question: string): Asked {
  const q = question.trim();
  if (FIGURE.test(q)) return 'figure';
  return PICK.test(q) ? 'pick' : null;
}

/** Digits, number words and units of amount: «600 000», «tre», «prosent», «millioner», «halvparten». */
const FIGURE_IN_TEXT =
  /\d|(?<![\p{L}\p{N}])(?:to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|femten|tjue|tretti|førti|femti|hundre|tusen|prosent|million(?:er)?|milliard(?:er)?|mrd|mill|halvparten|halvdelen|tredjedel(?:en)?|fjerdedel(?:en)?|dobbelt|flertallet|fleirtalet)(?![\p{L}\p{N}])/iu;

/** Whether a passage's text gives a figure (the answer to a `figure` question needs one). */
export function givesFigure(text: string): boolean {
  return FIGURE_IN_TEXT.test(text);
}
