import { describe, expect, it } from 'vitest';
import { ingestLoaded, prepareText } from '../../src/ingest/index.js';
import { offsetMapper, withPages } from '../../src/ingest/positions.js';
import { TEST_META } from '../helpers/documents.js';

describe('carrying loader offsets through cleaning', () => {
  it('maps offsets across removed hyphens, soft hyphens, boilerplate lines and rewritten whitespace', () => {
    const source = 'Foto: NTB\nKommunene må styrke kompe\u00ADtansen.\n\n\n\nDe  ansatte må   involveres.';
    const target = prepareText(source);
    expect(target).toBe('Kommunene må styrke kompetansen.\n\nDe ansatte må involveres.');
    const map = offsetMapper(source, target);
    expect(map(source.indexOf('Kommunene'))).toBe(0);
    expect(map(source.indexOf('De  ansatte'))).toBe(target.indexOf('De ansatte'));
    expect(map(source.length)).toBe(target.length);
  });

  it('gives each passage the page it starts on, through ingest', () => {
    const page1 =
      'Innledning\n\nKommunene må få mer ansvar for digital kompetanse i alle tjenester, og staten må følge opp med midler.';
    const page2 =
      'Personvern\n\nLogger fra fagsystemer skal ikke brukes til å kontrollere den enkelte arbeidstaker i kommunene.';
    const text = `${page1}\n\n${page2}`;
    const doc = ingestLoaded({ text, format: 'pdf', pageStarts: [0, page1.length + 2] }, TEST_META);
    expect(doc.passages.map((p) => [p.headingPath.at(-1), p.page])).toEqual([
      ['Innledning', 1],
      ['Personvern', 2],
    ]);
  });

  it('withPages counts a passage that starts exactly at a page start as on that page', () => {
    const p = { ordinal: 0, text: 'x', start: 10, end: 11, headingPath: [] };
    expect(withPages([p], [0, 10, 20])[0].page).toBe(2);
  });

  it('keeps § sections as one passage each, with their anchors, whatever cleaning does around them', () => {
    const text =
      '# Lov\n\n## § 1. Formål\n\nLoven skal sikre gode boforhold.\n\n## § 2. Virkeområde\n\nLoven gjelder hele landet.';
    const s1 = text.indexOf('Loven skal');
    const s2 = text.indexOf('Loven gjelder');
    const doc = ingestLoaded(
      {
        text,
        format: 'lovdata',
        syntax: 'markdown',
        sections: [
          { start: s1, end: s1 + 32, anchor: 'paragraf-1', headingPath: ['§ 1. Formål'] },
          { start: s2, end: text.length, anchor: 'paragraf-2', headingPath: ['§ 2. Virkeområde'] },
        ],
      },
      TEST_META,
    );
    expect(doc.passages.map((p) => [p.anchor, p.text])).toEqual([
      ['paragraf-1', 'Loven skal sikre gode boforhold.'],
      ['paragraf-2', 'Loven gjelder hele landet.'],
    ]);
  });
});
