import { describe, expect, it } from 'vitest';
import { stem } from '../../src/text/stem.js';
import { contentStems, STOPWORDS, words } from '../../src/text/words.js';

describe('stem', () => {
  it('strips Norwegian inflection so forms of one word meet', () => {
    expect(stem('kommunene')).toBe('kommun');
    expect(stem('kommunen')).toBe(stem('kommuner'));
    expect(stem('digitaliseringen')).toBe('digitalisering');
    expect(stem('ansattes')).toBe(stem('ansatte'));
  });

  it('leaves short words and case alone', () => {
    expect(stem('og')).toBe('og');
    expect(stem('Kommunene')).toBe('kommun');
  });
});

describe('words and contentStems', () => {
  it('splits on anything but letters and digits, lower-cased', () => {
    expect(words('Covid-19 og «IKT-drift»')).toEqual(['covid', '19', 'og', 'ikt', 'drift']);
  });

  it('drops Bokmål and Nynorsk stop words and one-letter words before stemming', () => {
    expect(STOPWORDS.has('ikkje')).toBe(true);
    expect(contentStems('Vi meiner at kommunane ikkje får nok i år')).toEqual(['kommun', 'får', 'nok', 'år']);
  });
});
