/** Figures: a number or a length of time the cited text lacks or gives otherwise. */
import { durations } from '../durations.js';
import { extractNumbers } from '../numbers.js';
import { REASONS } from '../reasons.js';
import { flag, type Flag, type SupportInput } from './input.js';

/** Numbers the cited text (with its document's title and date) lacks: changed where it gives others of the kind. */
export function checkNumbers({ numbers, context }: SupportInput): Flag[] {
  if (numbers.missing.length === 0) return [];
  const isMonth = (k: string) => k.startsWith('m');
  // NOTE: the document's own date backs a number but never makes one "contradicted": «1 måned» against a statute
  // dated 26 March 1999 is a number the cited text lacks, not a changed one.
  const comparable = extractNumbers(context).filter((f) =>
    numbers.missing.some((m) => isMonth(m.key) === isMonth(f.key)),
  );
  const texts = numbers.missing.map((f) => f.text);
  if (comparable.length)
    return [
      flag('number', 'contradicted', REASONS.numberContradicted(texts, [...new Set(comparable.map((f) => f.text))])),
    ];
  return [flag('number', 'partly_supported', REASONS.numberMissing(texts))];
}

/**
 * NOTE: «ein månad» for «tre måneder» has no figure the number check reads («ein» is mostly an article); a length
 * of time the sentence gives where the cited text gives only other lengths of the same kind is changed.
 */
export function checkDurations({ numbers, sentence, context }: SupportInput): Flag[] {
  if (numbers.missing.length) return [];
  const theirs = durations(context);
  const changed = durations(sentence).filter(
    (d) =>
      theirs.some((t) => t.kind === d.kind) &&
      !theirs.some((t) => t.kind === d.kind && Math.abs(t.value - d.value) < 1e-9),
  );
  if (changed.length === 0) return [];
  const said = changed.map((d) => d.text);
  return [flag('duration', 'contradicted', REASONS.numberContradicted(said, [...new Set(theirs.map((t) => t.text))]))];
}
