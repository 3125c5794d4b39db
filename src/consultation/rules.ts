/** The extraction rules (rules.json) compiled once: each a RegExp with the flags its use needs. */
import { readFileSync } from 'node:fs';

interface RulesFile {
  headWindow: number;
  issuer: { patterns: string[] };
  title: { line: string; before: string };
  reference: { anchors: string[]; value: string; window: number };
  deadline: { anchors: string[]; window: number };
  letterDate: { anchors: string[]; window: number; line: string };
  questions: { triggers: string[]; listItem: string };
  proposals: { heading: string; statement: string };
}

const raw = JSON.parse(readFileSync(new URL('./rules.json', import.meta.url), 'utf8')) as RulesFile;
const anyOf = (patterns: string[], flags: string) => new RegExp(patterns.map((p) => `(?:${p})`).join('|'), flags);

export const RULES = {
  headWindow: raw.headWindow,
  issuer: anyOf(raw.issuer.patterns, 'gu'),
  titleLine: new RegExp(raw.title.line, 'iu'),
  titleBefore: new RegExp(raw.title.before, 'iu'),
  referenceAnchor: anyOf(raw.reference.anchors, 'giu'),
  referenceValue: new RegExp(raw.reference.value, 'u'),
  referenceWindow: raw.reference.window,
  deadlineAnchor: anyOf(raw.deadline.anchors, 'giu'),
  deadlineWindow: raw.deadline.window,
  letterDateAnchor: anyOf(raw.letterDate.anchors, 'giu'),
  letterDateWindow: raw.letterDate.window,
  letterDateLine: new RegExp(raw.letterDate.line, 'gmu'),
  questionTrigger: anyOf(raw.questions.triggers, 'iu'),
  // s: an item's wrapped lines belong to it (itemBlocks keeps them in its block).
  listItem: new RegExp(raw.questions.listItem, 'su'),
  proposalHeading: new RegExp(raw.proposals.heading, 'iu'),
  proposalStatement: new RegExp(raw.proposals.statement, 'iu'),
};
