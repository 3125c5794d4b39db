import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { describe, expect, it } from 'vitest';
import { prepareText } from '../../src/ingest/index.js';
import {
  PARAGRAPH_MARK,
  SENTENCE_MARK,
  evenChunkSize,
  markBoundaries,
  recursiveSplit,
} from '../../src/ingest/split.js';
import { loadSeeds } from './seeds.js';

describe('the synchronous splitter', () => {
  // ingestText is synchronous, so split.ts re-implements RecursiveCharacterTextSplitter; this pins it
  // to the real thing on every seed paragraph and on the seeds as a whole.
  it('gives exactly the pieces LangChain RecursiveCharacterTextSplitter gives', async () => {
    const inputs = (await loadSeeds()).flatMap(({ raw }) => {
      const text = prepareText(raw);
      return [text, ...text.split('\n\n').filter((p) => p.length > 400)];
    });
    for (const input of inputs) {
      const marked = markBoundaries(input);
      for (const max of [300, 600, 900]) {
        const chunkSize = evenChunkSize(input.length, max);
        const reference = new RecursiveCharacterTextSplitter({
          chunkSize,
          chunkOverlap: 0,
          keepSeparator: false,
          separators: [PARAGRAPH_MARK, SENTENCE_MARK],
        });
        expect(recursiveSplit(marked, [PARAGRAPH_MARK, SENTENCE_MARK], chunkSize)).toEqual(
          await reference.splitText(marked),
        );
      }
    }
  });
});
