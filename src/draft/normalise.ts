/** Provider output → our sentences: kinds assigned, the model's own "no position" line recognised. */
import type { CitedSentence } from '../llm/types.js';
import { isClaim } from '../verify/claim.js';
import type { DraftSentence } from './types.js';
import { WORDING } from './wording.js';

const NO_POSITION = /^(vi|me) har (ikke|ikkje) (tidligere|tidlegare) uttalt oss om/i;

/** @returns the paragraphs, and whether the drafter said the organisation has no recorded position. */
export function toDraftSentences(paragraphs: CitedSentence[][], language: 'nb' | 'nn'): { paragraphs: DraftSentence[][]; noPosition: boolean } {
  let noPosition = false;
  const out = paragraphs
    .map((p) =>
      p.map((s): DraftSentence => {
        if (s.citations.length === 0 && NO_POSITION.test(s.text)) {
          noPosition = true;
          return { text: WORDING.noPosition(language), kind: 'notice', citations: [] };
        }
        return { text: s.text, kind: s.citations.length || isClaim(s.text) ? 'claim' : 'frame', citations: s.citations };
      }),
    )
    .filter((p) => p.length);
  return { paragraphs: out, noPosition };
}
