/**
 * Per citation, what its quote restricts that the sentence may drop: a condition, a consent, a deadline or bound,
 * the rest of the cited sentence outside the quote (frame.ts), and what an elision skips.
 */
import { elisionGaps } from '../elision.js';
import { edgeGaps, markedEdges } from '../elisionEdges.js';
import { droppedMatrix, frameRestriction, quoteFrame } from '../frame.js';
import { REASONS } from '../reasons.js';
import type { UsableCitation } from './citedText.js';
import {
  CONDITION,
  CONSENT,
  CONSENT_NAMED,
  conditionKept,
  everyPartKept,
  EXCEPTION_SAID,
  EXCLUSIVE,
  IF_RESTATED,
  ONLY_ADDED,
  restrictionKept,
  V1_CONDITION,
  v1Condition,
} from './conditions.js';
import { elidedRisk } from './elidedRisk.js';
import { flag, type Flag, type SupportInput } from './input.js';
import { limitIn } from './limits.js';

/** A numbered or lettered list item opening a line («1. husrommet …», «b) …»). */
const LIST_ITEM = /(?:^|\n)\s*(?:\d{1,2}[.)]|\p{Ll}\))\s/u;

/** The last `n` words of a text, with «…» in front when there were more. */
const lastWords = (text: string, n: number) => {
  const words = text.split(/\s+/u).filter(Boolean);
  return words.length > n ? `… ${words.slice(-n).join(' ')}` : words.join(' ');
};

/** Each citation's restrictions the sentence drops, citation by citation. */
export function checkCitationConditions({ usable, sentence }: SupportInput): Flag[] {
  return usable.flatMap((u) => citationConditions(u, sentence));
}

function citationConditions(u: UsableCitation, sentence: string): Flag[] {
  const flags: Flag[] = [];
  const cond = u.citation.quote.match(CONDITION);
  // Any condition in the sentence may restate the cited one («med mindre» ≈ «bare der»).
  const restatedIf =
    cond &&
    /^(?:dersom|hvis|viss)$/iu.test(cond[0]) &&
    IF_RESTATED.test(sentence) &&
    (conditionKept(
      u.citation.quote.slice(cond.index! + cond[0].length),
      sentence.slice(sentence.match(IF_RESTATED)!.index!),
    ) ||
      everyPartKept(u.citation.quote.slice(cond.index! + cond[0].length), sentence));
  // NOTE (issue 15, fourth blind set opened): a sentence's condition by word order («Har sameiet forbudt dyrehold,
  // kan …») restates a cited «dersom» only where the quote has no such condition of its own: a quote with both
  // («Har sameiet forbudt …, kan brukeren likevel … dersom gode grunner taler for det») has two, and the sentence
  // that keeps the first drops the second.
  const v1Restates = v1Condition(sentence) && !V1_CONDITION.test(u.citation.quote);
  if (cond && !CONDITION.test(sentence) && !EXCEPTION_SAID.test(sentence) && !v1Restates && !restatedIf)
    flags.push(flag('condition-dropped', 'partly_supported', REASONS.conditionDropped(cond[0])));
  const consent = u.citation.quote.match(CONSENT);
  if (consent && !CONSENT_NAMED.test(sentence))
    flags.push(flag('condition-dropped', 'partly_supported', REASONS.conditionDropped(consent[0])));
  const limit = limitIn(u.citation.quote);
  if (limit && !limitIn(sentence))
    flags.push(flag('limit-dropped', 'partly_supported', REASONS.conditionDropped(limit)));
  // The rest of the cited sentence a quote leaves out without marking it (frame.ts); a marked cut is the
  // elision checks' business, below.
  const marked = markedEdges(u.citation.quote);
  const whole = quoteFrame(u.passage.text, u.citation.start!, u.citation.end!);
  const frame = { before: marked.lead ? '' : whole.before, after: marked.trail ? '' : whole.after };
  const quoted = new Set([
    ...(cond || consent ? (['condition'] as const) : []),
    ...(limit ? (['limit'] as const) : []),
    ...(EXCLUSIVE.test(u.citation.quote) ? (['only'] as const) : []),
  ]);
  const restriction = frameRestriction(frame, quoted);
  if (restriction && !restrictionKept(restriction.kind, sentence))
    flags.push(flag('frame-restriction', 'partly_supported', REASONS.frameRestriction(restriction.word)));
  const matrix = droppedMatrix(frame, sentence);
  if (matrix)
    flags.push(flag('frame-matrix', 'partly_supported', REASONS.frameMatrix(lastWords(matrix.before, 8), matrix.word)));
  // Text a mark at the quote's edge leaves out of its sentence counts as skipped too (elisionEdges.ts).
  for (const gap of [...elisionGaps(u.citation.quote, u.passage.text), ...edgeGaps(u.citation.quote, u.passage.text)]) {
    const held = elidedRisk(gap, sentence);
    if (held) flags.push(flag('elided-risk', 'partly_supported', REASONS.elidedRisk(held)));
    // NOTE (issue 15, first blind set opened): an elision over items of a numbered list («dersom: … 4. leieren har
    // misligholdt») keeps one alternative of several; a sentence saying «bare» about it makes it the only one.
    const exclusive = sentence.match(ONLY_ADDED);
    if (exclusive && LIST_ITEM.test(gap))
      flags.push(flag('elided-items', 'partly_supported', REASONS.elidedItems(exclusive[1])));
  }
  return flags;
}
