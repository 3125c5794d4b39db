/**
 * A phrase made of words from two cited sentences (issue 15, session 17): «Fagforbundet mener et algoritmetilsyn må
 * på plass for å sikre innbyggernes data» gives one quote's subject («Det bør opprettes et algoritmetilsyn …») the
 * purpose of another («En ny nasjonal skyløsning må derfor på plass for å sikre innbyggernes data …»); «demokratisk
 * styring … forutsetter at virksomhetene får tilstrekkelige midler» ties two pieces of an elided quote together that
 * the source keeps apart. Every word is in the cited text, so overlap cannot see it; but no one cited sentence holds
 * the phrase. Coordinated parts are phrases of their own («Oppsigelsen skal være skriftlig og begrunnet» from
 * «… skriftlig.» and «Oppsigelsen skal begrunnes.»): two points side by side, each may come from its own sentence.
 * Review, never ✗: a faithful summary may join two points in one phrase too.
 *
 * NOTE: designed on the misses of the opened sets (vh-133, vw-280, vg-093, vq-050, vw-181: 6 of their 18 misses
 * caught, for 26 soft alarms more of their ~1,900 faithful sentences), then read once on the closed blind9–13:
 * misses 38 → 35, soft alarms 419 → 430. Without the split into coordinated parts it cost twice the soft alarms.
 */
import { splitSentences } from '../../text/sentences.js';
import { splitClauses } from '../../text/clauses.js';
import { hasElision, matchElided } from '../elision.js';
import { contentOverlap } from '../overlap.js';
import { REASONS } from '../reasons.js';
import { flag, type Flag, type SupportInput } from './input.js';
import { OVERLAP_STRICT } from './thresholds.js';
import type { UsableCitation } from './citedText.js';

/** How much more of a phrase the cited sentences hold together than the best one alone, to count as pooled. */
const GAIN = 0.15;
/** Coordinated parts of a clause: «A og B», «A, B», «A samt B». */
const PARTS = /\s+(?:og|eller|samt|og\s+at)\s+|,\s+/iu;

/** The passage sentences each quote (each piece of an elided one) touches, each once. */
export function citedSentences(usable: readonly UsableCitation[]): string[] {
  const out = new Set<string>();
  for (const { citation, passage } of usable) {
    const start = citation.start!;
    const end = citation.end!;
    const elided = hasElision(citation.quote) ? matchElided(citation.quote, passage.text.slice(start, end)) : null;
    const spans = elided ? elided.spans.map((s) => ({ start: start + s.start, end: start + s.end })) : [{ start, end }];
    for (const s of splitSentences(passage.text))
      if (spans.some((x) => s.end > x.start && s.start < x.end)) out.add(passage.text.slice(s.start, s.end).trim());
  }
  return [...out];
}

/**
 * The first clause with a phrase that the cited sentences cover as a ✓ needs only together: pooled they hold it,
 * the best one alone holds clearly less. null with fewer than two cited sentences, or when none is pooled.
 * @example pooledPhrase('Et tilsyn må på plass for å sikre dataene.', ['Det bør opprettes et tilsyn.', 'En skyløsning må på plass for å sikre dataene.'], [])
 *   // → 'Et tilsyn må på plass for å sikre dataene.'
 */
export function pooledPhrase(sentence: string, cited: readonly string[], exclude: readonly string[]): string | null {
  if (cited.length < 2) return null;
  const pool = cited.join('\n');
  for (const clause of splitClauses(sentence)) {
    if (contentOverlap(clause, pool, exclude).score < OVERLAP_STRICT) continue;
    for (const part of clause.split(PARTS)) {
      const pooled = contentOverlap(part, pool, exclude);
      if (pooled.total < 3 || pooled.score < OVERLAP_STRICT) continue;
      const best = Math.max(...cited.map((c) => contentOverlap(part, c, exclude).score));
      if (best < OVERLAP_STRICT && pooled.score - best >= GAIN) return clause;
    }
  }
  return null;
}

export function checkPooled({ sentence, usable, exclude }: SupportInput): Flag[] {
  const phrase = pooledPhrase(sentence, citedSentences(usable), exclude);
  return phrase ? [flag('pooled', 'partly_supported', REASONS.pooled(phrase))] : [];
}
