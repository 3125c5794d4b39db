/** The written standard of a text (src/text/writtenStandard.ts): a clear majority of marker words, or nothing. */
import { describe, expect, it } from 'vitest';
import { writtenStandard } from '../../src/text/writtenStandard.js';

describe('writtenStandard', () => {
  it('reads Nynorsk and Bokmål from the small words that differ', () => {
    expect(
      writtenStandard(
        'Departementet meiner at kommunane ikkje skal ha eit slikt ansvar. Kva bør gjerast, og korleis skal dei tilsette ' +
          'følgje med frå staten? Det er berre eit forslag.',
      ),
    ).toBe('nn');
    expect(
      writtenStandard(
        'Departementet mener at kommunene ikke skal ha et slikt ansvar. Hva bør gjøres, og hvordan skal de ansatte følge ' +
          'med fra staten? Det er bare et forslag.',
      ),
    ).toBe('nb');
  });
  it('says nothing on a short text, one without marker words, or a mix', () => {
    expect(writtenStandard('Kommunane ikkje.')).toBeUndefined();
    expect(writtenStandard('Digitalisering av offentlig sektor 2024–2030')).toBeUndefined();
    expect(
      writtenStandard('Vi er ikke enige. Me er ikkje samde. Det er bare et syn. Det er berre eit syn. Hva nå? Kva no?'),
    ).toBeUndefined();
  });
});
