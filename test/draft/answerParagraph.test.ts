/** The offline answer as one paragraph: one attribution per run of an organisation's sentences, no list bullets. */
import { describe, expect, it } from 'vitest';
import { asParagraph } from '../../src/draft/answerParagraph.js';

const texts = (...t: string[]) => asParagraph(t.map((text) => ({ text }))).map((s) => s.text);

describe('asParagraph', () => {
  it('names the organisation once per run and quotes the run as one', () => {
    expect(
      texts('NTL skriver: «A er bra.»', 'NTL skriver: «B er bra.»', 'KS skriver: «C er bra.»', 'NTL skriver: «D.»'),
    ).toEqual(['NTL skriver: «A er bra.', 'B er bra.»', 'KS skriver: «C er bra.»', 'NTL skriver: «D.»']);
  });

  it('drops a bullet from the source inside and outside a quote, and leaves the organisation’s own sentences', () => {
    expect(texts('• Vi mener A.', 'Fagforbundet skriver: «– B gjelder.»', '▪ C.')).toEqual([
      'Vi mener A.',
      'Fagforbundet skriver: «B gjelder.»',
      'C.',
    ]);
  });

  it('keeps a hyphenated word or a number at the start', () => {
    expect(texts('-5 grader er kaldt.', 'IT-løsninger må sikres.')).toEqual([
      '-5 grader er kaldt.',
      'IT-løsninger må sikres.',
    ]);
  });
});
