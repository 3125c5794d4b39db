/** Degree words (src/verify/degree.ts, lexicons/degree.json): «betydelige» is not «enkelte», «betraktelig» not «noe». */
import { describe, expect, it } from 'vitest';
import { degreeShift } from '../../src/verify/degree.js';
import { verifyDraft } from '../../src/verify/index.js';
import { draftOf, seedSource } from './seedSource.js';

describe('degree shift', () => {
  it('finds a degree weakened before the same noun or after the same verb, and one strengthened', () => {
    expect(
      degreeShift(
        'Slike løsninger reiser enkelte yrkesetiske spørsmål.',
        'Disse løsningene reiser betydelige yrkesetiske spørsmål.',
      ),
    ).toEqual({ said: 'enkelte', source: 'betydelige' });
    expect(degreeShift('Tallet må reduseres noe.', 'Dette tallet må reduseres betraktelig i tida framover.')).toEqual({
      said: 'noe',
      source: 'betraktelig',
    });
    expect(degreeShift('Det gir en betydelig effekt.', 'Det gir en begrenset effekt.')).toEqual({
      said: 'betydelig',
      source: 'begrenset',
    });
  });

  it('leaves alone the same degree, and degree words about different things', () => {
    expect(
      degreeShift(
        'Slike løsninger reiser betydelige etiske spørsmål.',
        'Disse løsningene reiser betydelige etiske spørsmål.',
      ),
    ).toBeNull();
    expect(
      degreeShift(
        'Enkelte kommuner har gode løsninger.',
        'Kommunal sektor står overfor betydelige samfunnsutfordringer.',
      ),
    ).toBeNull();
  });

  it('marks the weakened seed sentence ≈, never ✓', async () => {
    const r = await verifyDraft(
      draftOf(
        'Løsninger der kunstig intelligens alene fatter beslutninger, reiser enkelte yrkesetiske spørsmål.',
        'fagforbundet-innspill-digitaliseringsstrategi-2023-p009',
        'Disse sistnevnte løsningene reiser betydelige yrkesetiske spørsmål.',
      ),
      { source: await seedSource() },
    );
    expect(r.sentences[0].verdict).not.toBe('supported');
    expect(r.sentences[0].reasons).toContain(
      'Setningen endrer graden: den sier «enkelte», men kilden sier «betydelige».',
    );
  });
});
