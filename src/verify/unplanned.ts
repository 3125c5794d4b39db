/**
 * Checks for fault kinds that no earlier case set was built around (issue 15, third misses round, developed on
 * evals/cases/verifier-faults3.jsonl): a demand stated as done (realis.ts), an elision that joins two source
 * sentences into one claim (elisionJoin.ts), another speaker's act or view made the draft's own (speaker.ts), two
 * named things exchanged across a stretch or by a passive (exchange.ts), another subject for the cited verb
 * (subject.ts), a number made a share of something else
 * (numberReference.ts), a degree word weakened or strengthened (degree.ts), a joint act made one party's own
 * (joint.ts, since the fifth blind set); since the sixth and seventh were opened (session 16): a passive's agent given
 * to another actor (agent.ts), the alternative a cited «…, ikke X» rejects asserted (contrast.ts), two steps in the
 * other order (sequence.ts), an amount given to each for one in all (distributive.ts), a time limit counted from
 * the event for its notice (deadlineStart.ts), and done made expected or the reverse (tense.ts). Each finding asks
 * for review (≈): they read word order and mood without a parser, so none is sure enough for ✗.
 */
import type { PassageWithDocument } from '../domain/types.js';
import { degreeShift } from './degree.js';
import { jointDropped } from './joint.js';
import { joinedAcrossSentences } from './elisionJoin.js';
import { exchangedParts, ownerAsAgent, reversedPassive } from './exchange.js';
import { changedShare } from './numberReference.js';
import { decisionAdded, statusShift } from './realis.js';
import { REASONS } from './reasons.js';
import { reportFrame, speakerShift } from './speaker.js';
import { subjectShift } from './subject.js';
import { agentShift } from './agent.js';
import { tenseShift } from './tense.js';
import { deadlineStartMoved } from './deadlineStart.js';
import { distributiveShift } from './distributive.js';
import { stepsTurned } from './sequence.js';
import { rejectedAsserted } from './contrast.js';
import { writtenForm } from './lexicon.js';

export interface UnplannedInput {
  sentence: string;
  /** The cited passages' sentences the quotes touch. */
  context: string;
  citations: { quote: string; passage: PassageWithDocument }[];
  /** The sentence speaks as the cited organisation («vi mener», «Fagforbundet mener»). */
  own: boolean;
  /** A role swap or a transposition was already found: the exchange checks would say it again. */
  swapFound: boolean;
}

/**
 * The reasons (Norwegian) for which the sentence needs review, each with the check that found it; [] when none of
 * these checks finds anything.
 * @example unplannedReasons({ sentence: 'Tillitsreformen har fått fullt gjennomslag.', context, citations, own: false, swapFound: false })
 */
export function unplannedReasons(input: UnplannedInput): { check: string; reason: string }[] {
  const { sentence, context, citations } = input;
  const reasons: { check: string; reason: string }[] = [];
  const add = (check: string, reason: string) => reasons.push({ check, reason });
  const quotes = citations.map((c) => c.quote).join(' ');
  const organisations = [...new Set(citations.map((c) => c.passage.document.organisation))];
  // A statute's «skal» states the rule; a statement of it in the present is faithful (see realis.ts).
  if (citations.every((c) => c.passage.document.kind !== 'statute')) {
    const status = statusShift(sentence, quotes);
    if (status) add('realis', REASONS.statusShift(status.source));
    const decision = decisionAdded(sentence, quotes);
    if (decision) add('decision', REASONS.decisionAdded(decision.said));
  }
  if (citations.some((c) => joinedAcrossSentences(sentence, c.quote, c.passage.text)))
    add('elision-join', REASONS.elisionJoined());
  const speaker = speakerShift(sentence, quotes, organisations);
  if (speaker) add('speaker', REASONS.speakerShift(speaker));
  const frame = input.own ? reportFrame(sentence, quotes) : null;
  if (frame) add('report-frame', REASONS.reportFrame(frame));
  if (!input.swapFound) {
    const exchanged = exchangedParts(sentence, context);
    if (exchanged) add('exchange', REASONS.partsSwapped(exchanged.first, exchanged.second));
    const passive = reversedPassive(sentence, context);
    if (passive) add('passive', REASONS.passiveReversed(passive.subject, passive.agent));
    const owner = passive ? null : ownerAsAgent(sentence, context);
    if (owner) add('passive', REASONS.ownerAsAgent(owner.agent, owner.owner));
  }
  const subject = input.swapFound ? null : subjectShift(sentence, context);
  if (subject) add('subject', REASONS.subjectShift(subject.said, subject.source, subject.verb));
  const agent = input.swapFound || subject ? null : agentShift(sentence, context);
  if (agent) add('agent', REASONS.subjectShift(agent.said, agent.source, agent.verb));
  const rejected = rejectedAsserted(sentence, context);
  if (rejected) add('rejected', REASONS.rejectedAsserted(rejected));
  const steps = input.swapFound ? null : stepsTurned(sentence, context);
  if (steps) add('sequence', REASONS.stepsTurned(steps.first, steps.then));
  const each = distributiveShift(sentence, context);
  if (each) add('distributive', REASONS.distributiveShift(each));
  const start = deadlineStartMoved(sentence, context);
  if (start) add('deadline-start', REASONS.deadlineStartMoved(start.said, start.source));
  const tense = tenseShift(sentence, context);
  if (tense)
    add('tense', REASONS.tenseShift(writtenForm(sentence, tense.said), writtenForm(context, tense.source), tense.kind));
  const share = changedShare(sentence, context);
  if (share) add('share', REASONS.shareChanged(share.number, share.said, share.source));
  const degree = degreeShift(sentence, context);
  if (degree) add('degree', REASONS.degreeShift(degree.said, degree.source));
  const joint = jointDropped(sentence, quotes);
  if (joint) add('joint', REASONS.jointDropped(joint));
  return reasons;
}
