import { describe, expect, it } from 'vitest';
import {
  bokmalForms,
  inflectedBokmalForms,
  bridgeWords,
  nynorskForms,
  nynorskLexicon,
  parseLexicon,
  toBokmalWords,
} from '../../src/text/nynorsk.js';

describe('the Nynorsk ↔ Bokmål lexicon', () => {
  it('maps the forms a ministry writes in a Nynorsk question to Bokmål', () => {
    const q = 'korleis bør kommunane auke den digitale kompetansen til dei tilsette'.split(' ');
    expect(toBokmalWords(q)).toEqual([
      'hvordan',
      'bør',
      'kommunene',
      'øke',
      'den',
      'digitale',
      'kompetansen',
      'til',
      'de',
      'ansatte',
    ]);
  });

  it('knows the commonest pairs both ways', () => {
    for (const [nn, bm] of [
      ['ikkje', 'ikke'],
      ['kva', 'hva'],
      ['noreg', 'norge'],
      ['òg', 'også'],
      ['tilsette', 'ansatte'],
      ['høyringsinstansane', 'høringsinstansene'],
      ['offentleg', 'offentlig'],
      ['løysing', 'løsning'],
      ['overvaking', 'overvåking'],
    ]) {
      expect(bokmalForms(nn)).toContain(bm);
      expect(nynorskForms(bm)).toContain(nn);
    }
  });

  it('leaves words alone that are the same in both standards or not listed', () => {
    expect(bokmalForms('digitalisering')).toEqual([]);
    expect(bokmalForms('kommune')).toEqual([]);
    expect(toBokmalWords(['Fagforbundet'])).toEqual(['fagforbundet']);
  });

  it('keeps every reading of an ambiguous form', () => {
    expect(bokmalForms('kvar')).toEqual(['hvor', 'hver']);
  });

  it('adds the other standard’s forms to a query without dropping the originals', () => {
    expect(bridgeWords(['Korleis', 'tilsette', 'ansatte', 'skole'])).toEqual([
      'korleis',
      'hvordan',
      'tilsette',
      'ansatte',
      'skole',
      'skule',
    ]);
  });

  it('has no entry that maps a word to itself and no duplicate Nynorsk form', () => {
    const lex = nynorskLexicon();
    expect(lex.toBokmal.size).toBeGreaterThan(150);
    for (const [nn, forms] of lex.toBokmal) expect(forms).not.toEqual([nn]);
  });

  it('refuses a malformed line with its number', () => {
    expect(() => parseLexicon('# c\nikkje\tikke\nbad line\n')).toThrow(/line 3/);
  });

  it('finds an inflected Nynorsk noun by its listed base form (relevance only)', () => {
    expect(bokmalForms('vidareutdanninga')).toEqual([]);
    expect(inflectedBokmalForms('vidareutdanninga')).toEqual(['videreutdanning']);
    expect(inflectedBokmalForms('tilsette')).toEqual(bokmalForms('tilsette'));
    // Short words are never cut: «dei» is listed itself, «deia» is no form of it.
    expect(inflectedBokmalForms('deia')).toEqual([]);
    expect(inflectedBokmalForms('digitalisering')).toEqual([]);
  });
});
