/**
 * Provider output → our sentences: kinds assigned, the model's own "no position" line recognised, and anything
 * past the verifier's limits (an overlong sentence or quote, too many citations) dropped with a reason instead of
 * failing the whole draft.
 */
import type { CitedSentence } from '../llm/types.js';
import { isClaim } from '../verify/claim.js';
import { LIMITS } from '../verify/index.js';
import type { DraftSentence, DroppedSentence } from './types.js';
import { WORDING } from './wording.js';

const NO_POSITION = /^(vi|me) har (ikke|ikkje) (tidligere|tidlegare) uttalt oss om/i;

/** @returns the paragraphs, what was dropped, and whether the drafter said there is no recorded position. */
export function toDraftSentences(
  paragraphs: CitedSentence[][],
  language: 'nb' | 'nn',
): { paragraphs: DraftSentence[][]; noPosition: boolean; dropped: DroppedSentence[] } {
  let noPosition = false;
  const dropped: DroppedSentence[] = [];
  const out = paragraphs
    .map((p) =>
      p.flatMap((s): DraftSentence[] => {
        if (s.citations.length === 0 && NO_POSITION.test(s.text)) {
          noPosition = true;
          return [{ text: WORDING.noPosition(language), kind: 'notice', citations: [] }];
        }
        const problem =
          s.text.length > LIMITS.maxSentenceChars
            ? `Setningen er lengre enn ${LIMITS.maxSentenceChars} tegn og kan ikke kontrolleres.`
            : s.citations.length > LIMITS.maxCitationsPerSentence
              ? `Setningen har mer enn ${LIMITS.maxCitationsPerSentence} kildehenvisninger.`
              : s.citations.some((c) => c.quote.length > LIMITS.maxQuoteChars)
                ? `Et sitat er lengre enn ${LIMITS.maxQuoteChars} tegn.`
                : null;
        if (problem) {
          dropped.push({ text: s.text.slice(0, 500), citations: s.citations.slice(0, 3), reasons: [problem] });
          return [];
        }
        return [
          { text: s.text, kind: s.citations.length || isClaim(s.text) ? 'claim' : 'frame', citations: s.citations },
        ];
      }),
    )
    .filter((p) => p.length);
  return { paragraphs: out, noPosition, dropped };
}
