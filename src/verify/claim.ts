/**
 * Which sentences claim something and so need a citation? All but greetings, thanks and pure transitions.
 *
 * The rule, kept simple on purpose so a person can predict it: a sentence is exempt when it has no digits and at
 * most two content words ("Se nedenfor.", "Vi viser til høringsbrevet."), or when it opens with a formula of
 * courtesy or transition (data: `lexicons/courtesy.json`: "Vi takker for …", "Med vennlig hilsen", "Nedenfor
 * følger …", "Ta gjerne kontakt …", Bokmål and Nynorsk), has at most eight content words and no number but a date
 * or a year ("Vi viser til høringsbrev av 12. januar 2024.").
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MONTHS } from '../text/months.js';
import { contentStems } from '../text/words.js';

const CourtesySchema = z.object({
  about: z.string(),
  /** Who may open the line: «Vi», «Me», an organisation's name. */
  speaker: z.string().min(1),
  patterns: z.array(z.string().min(1)).min(1),
});

let formulas: RegExp[] | undefined;

/** The courtesy formulas, read and compiled once; each anchored at the start, after an optional speaker. */
export function courtesyFormulas(): RegExp[] {
  if (!formulas) {
    const data = CourtesySchema.parse(
      JSON.parse(readFileSync(new URL('./lexicons/courtesy.json', import.meta.url), 'utf8')),
    );
    formulas = data.patterns.map((p) => new RegExp(`^(?:${data.speaker})?(?:${p})`, 'iu'));
  }
  return formulas;
}

/** Dates and years («12. januar 2024», «05.12.2024», «2023»): the only numbers a courtesy line may carry. */
const DATES = new RegExp(
  `\\b\\d{1,2}\\.\\s*(?:${MONTHS.join('|')})(?:\\s+\\d{4})?|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\b|\\b(?:19|20)\\d{2}\\b`,
  'giu',
);

/** @example isClaim('Vi takker for muligheten til å gi innspill.') === false */
export function isClaim(sentence: string): boolean {
  const text = sentence.trim();
  const content = contentStems(text).length;
  if (!/\d/.test(text) && content <= 2) return false;
  if (/\d/.test(text.replace(DATES, ''))) return true;
  return !(content <= 8 && courtesyFormulas().some((f) => f.test(text)));
}
