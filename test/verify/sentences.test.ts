import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/verify/sentences.js';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on full stops, question and exclamation marks before a capital', () => {
    expect(split('Vi støtter satsinga. Er det nok? Nei! Mer må til.')).toEqual(['Vi støtter satsinga.', 'Er det nok?', 'Nei!', 'Mer må til.']);
  });

  it('does not split after abbreviations, initials or in numbers', () => {
    expect(split('Vi viser bl.a. til nr. 5 og f.eks. kap. 3. Det er viktig.')).toEqual(['Vi viser bl.a. til nr. 5 og f.eks. kap. 3.', 'Det er viktig.']);
    expect(split('Prabhu N. Chaudhary ledet partiet. Det ble stiftet 1. november 1991.')).toEqual([
      'Prabhu N. Chaudhary ledet partiet.',
      'Det ble stiftet 1. november 1991.',
    ]);
    expect(split('Rundt 850 000 mangler kompetanse, og 2.5 prosent er ca. halvparten.')).toHaveLength(1);
  });

  it('keeps a quoted sentence inside the sentence that quotes it', () => {
    expect(split('Han sa «Dette er bra. Det er godt.» og gikk. Så kom hun.')).toEqual(['Han sa «Dette er bra. Det er godt.» og gikk.', 'Så kom hun.']);
    expect(split('Han sa «Dette er bra.» Så gikk han.')).toEqual(['Han sa «Dette er bra.»', 'Så gikk han.']);
  });

  it('ends a sentence at a line break and keeps the last sentence without a full stop', () => {
    expect(split('Overskrift\nFørste setning. Andre setning uten punktum')).toEqual(['Overskrift', 'Første setning.', 'Andre setning uten punktum']);
  });

  it('lets a caller protect a full stop (Markdown escapes)', () => {
    const text = 'Hei. Du.';
    expect(splitSentences(text, (i) => i === 3).map((s) => text.slice(s.start, s.end))).toEqual(['Hei. Du.']);
  });
});
