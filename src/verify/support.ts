/**
 * Does the cited text back the sentence? Runs the checks in support/ on the text around each usable quote (the
 * passage's sentences the quote touches) and takes the worst outcome: numbers (contradicted/partly) · polarity
 * (contradicted) · lexicon scales, restrictions, conditions, structure (mostly partly) · holder of the position
 * (unsupported) · content overlap. Each check reads one input built once per sentence (support/input.ts) and returns
 * its findings; to add one, write it beside its family in support/ and put it in CHECKS where its reasons belong.
 */
import { VERDICTS, type Finding, type SupportChecks, type Verdict } from '../domain/verification.js';
import type { UsableCitation } from './support/citedText.js';
import { checkDurations, checkNumbers } from './support/figures.js';
import { checkNegations } from './support/negation.js';
import { checkAddedTerms, checkLexiconShifts, checkQuotedShifts } from './support/lexical.js';
import {
  checkAddedOnly,
  checkAddedSelf,
  checkDroppedHedge,
  checkDroppedPartialNegation,
  checkDroppedRestrictions,
  checkWholeClauseCause,
} from './support/restrictions.js';
import {
  checkAddedCause,
  checkAlignment,
  checkComparisons,
  checkListItems,
  checkMainModal,
  checkRoles,
  checkTransposition,
  checkTurnedPivots,
} from './support/structure.js';
import { checkCitationConditions } from './support/citationConditions.js';
import { checkHolder, checkJointHolder, checkReportedPosition, checkUnplanned } from './support/holders.js';
import { checkCoverage } from './support/coverage.js';
import { checkPooled } from './support/pooled.js';
import { supportInput, type Check } from './support/input.js';

export type { SupportChecks, Verdict } from '../domain/verification.js';

export interface SupportResult {
  verdict: Verdict;
  reasons: string[];
  checks: SupportChecks;
  /** Which check gave which verdict, one per reason. */
  findings: Finding[];
}

export function worst(a: Verdict, b: Verdict): Verdict {
  return VERDICTS.indexOf(a) >= VERDICTS.indexOf(b) ? a : b;
}

/**
 * The checks in the order their reasons are reported (the order of a sentence's reasons is part of the report: the
 * first is the one a reader sees first).
 */
const CHECKS: readonly Check[] = [
  checkNumbers,
  checkDurations,
  checkNegations,
  checkLexiconShifts,
  checkQuotedShifts,
  checkAddedTerms,
  checkDroppedRestrictions,
  checkDroppedPartialNegation,
  checkWholeClauseCause,
  checkDroppedHedge,
  checkRoles,
  checkListItems,
  checkMainModal,
  checkTransposition,
  checkAddedOnly,
  checkAddedSelf,
  checkAddedCause,
  checkCitationConditions,
  checkComparisons,
  checkTurnedPivots,
  checkAlignment,
  checkHolder,
  checkJointHolder,
  checkReportedPosition,
  checkUnplanned,
  checkPooled,
  checkCoverage,
];

/**
 * Check a sentence against its usable citations (status ok). Call only when there is at least one.
 * `organisation` is who "vi" is in the draft.
 */
export function assessSupport(
  written: string,
  usable: UsableCitation[],
  opts: { organisation?: string } = {},
): SupportResult {
  const input = supportInput(written, usable, opts);
  const flags = CHECKS.flatMap((check) => check(input));
  return {
    verdict: flags.reduce<Verdict>((v, f) => worst(v, f.verdict), 'supported'),
    reasons: flags.map((f) => f.reason),
    checks: {
      missingNumbers: input.numbers.missing.map((f) => f.text),
      polarity: input.polarity,
      ...(input.holder ? { holder: input.holder } : {}),
      overlap: round(input.overlap.score),
    },
    findings: flags.map(({ check, verdict }) => ({ check, verdict })),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
