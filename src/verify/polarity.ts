/**
 * Polarity: a negation in the sentence that the source lacks, or one in the source that the sentence dropped.
 *
 * Each negation is aligned with the other text in two steps:
 * 1. Bracket: the nearest content words before and after it ("utenforskap er ikke en del" → utenforskap … del).
 *    Where the other text has the same two words close together, a negation between them decides the matter.
 * 2. Otherwise its window (four content words either side) is paired one to one with the other text's negations by shared
 *    words. A sentence negation left unpaired whose words occur in the source was added; a source negation left
 *    unpaired whose words the sentence repeats on both sides of it was dropped.
 * Negations whose words the other text does not share are left to the overlap check.
 *
 * This file composes the steps; the parts live in polarity/, one job a file:
 * - reading a text: tokens.ts (the words, u-prefixes and «med mindre» spelled out; stems), analyse.ts (which words
 *   negate, given the other text: the place to add a rule for a word that negates or does not);
 * - the words and their exceptions, which analyse.ts asks: negatingWords.ts, lack.ts («mangler», «for få»),
 *   insteadOf.ts («i stedet for», «fremfor»), noLonger.ts («opphører», «faller bort»), bounds.ts («ikke mer enn»),
 *   exceptives.ts («bare … med mindre», «uten annen … enn»), notNegating.ts («ikke bare», «ikke … før»),
 *   cancellingNegations.ts («ingen … uten å»), conditions.ts («dersom … ikke»);
 * - comparing the two texts: negations.ts (each negation's window), bracket.ts (step 1), pairing.ts (step 2),
 *   issueFlags.ts (what an issue is about, and whether it is marked unplaced or in a condition).
 */
import { stem } from '../text/stem.js';
import type { PolarityIssue } from '../domain/verification.js';
import type { Negation, Text } from './polarity/text.js';
import { tokensOf } from './polarity/tokens.js';
import { analyse } from './polarity/analyse.js';
import { negations } from './polarity/negations.js';
import { bracket } from './polarity/bracket.js';
import { pair, spans } from './polarity/pairing.js';
import { about, conditionOf, negatedSentence, omitted, unplacedIn, weakened } from './polarity/issueFlags.js';

export type { PolarityIssue } from '../domain/verification.js';

/**
 * @example checkPolarity('NTL mener driften ikke må være statlig', 'NTL mener driften må være statlig')
 *   // → [{ kind: 'added', word: 'ikke', about: ['driften', 'statlig'] }]
 */
export function checkPolarity(sentence: string, source: string): PolarityIssue[] {
  const stemsOf = (text: string) => new Set(tokensOf(text).map(stem));
  const s = analyse(sentence, stemsOf(source), source);
  const c = analyse(source, stemsOf(sentence), sentence);
  const sNeg = negations(s);
  const cNeg = negations(c);
  // Bracket tests settle a negation together with the counterparts compared with it. One report per place:
  // "er ikke mangel på" against "er mangel på" is one added negation, not an added and a removed one.
  const settled = { s: new Set<number>(), c: new Set<number>() };
  const issues: PolarityIssue[] = [];
  const places = new Set<string>();
  const test = (
    negs: Negation[],
    from: Text,
    to: Text,
    kind: PolarityIssue['kind'],
    own: Set<number>,
    other: Set<number>,
  ) => {
    for (const n of negs) {
      if (own.has(n.index)) continue;
      const t = bracket(n, from, to);
      if (t.kind === 'absent') continue;
      own.add(n.index);
      t.at.forEach((k) => other.add(k));
      // NOTE: a negation none of whose nearby words the other text shares («Manglende involvering … fører til at
      // overvåking …» against «Overvåking av ansatte …») is about something the other text leaves out: that is the
      // overlap check's business, not a reversal (as for unpaired negations below).
      const words = about(n, to);
      if (t.kind === 'plain' && !places.has(t.key) && words.length > 0 && !omitted(n, to)) {
        places.add(t.key);
        issues.push({
          kind,
          word: n.word,
          about: words,
          ...conditionOf(n, from),
          ...negatedSentence(to, t.seg),
          ...weakened(n, to),
        });
      }
    }
  };
  // NOTE: a negating word other than «ikke» («mangler», «uten», «forbudt») on both sides, among the same words, is
  // one statement in another word order («det mangler folk» for «vi mangler folk»), not a reversal.
  for (const n of sNeg) {
    if (n.word === 'ikke') continue;
    const m = cNeg.find(
      (x) =>
        x.word === n.word && !settled.c.has(x.index) && [...n.around.keys()].filter((k) => x.around.has(k)).length >= 2,
    );
    if (m) {
      settled.s.add(n.index);
      settled.c.add(m.index);
    }
  }
  test(sNeg, s, c, 'added', settled.s, settled.c);
  test(cNeg, c, s, 'removed', settled.c, settled.s);
  // The rest are paired by their windows.
  const paired = pair(
    sNeg.filter((n) => !settled.s.has(n.index)),
    cNeg.filter((m) => !settled.c.has(m.index)),
  );
  for (const n of sNeg) {
    if (settled.s.has(n.index) || paired.s.has(n)) continue;
    if (about(n, c).length > 0 && !omitted(n, c))
      issues.push({
        kind: 'added',
        word: n.word,
        about: about(n, c),
        ...conditionOf(n, s),
        ...unplacedIn(c),
        ...weakened(n, c),
      });
  }
  for (const m of cNeg) {
    if (settled.c.has(m.index) || paired.c.has(m)) continue;
    if (spans(m, s, c) && !omitted(m, s))
      issues.push({
        kind: 'removed',
        word: m.word,
        about: about(m, s),
        ...conditionOf(m, c),
        ...unplacedIn(s),
        ...weakened(m, s),
      });
  }
  return issues;
}
