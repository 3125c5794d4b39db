/** The opposite-comparatives lexicon (src/verify/lexicons/comparatives.json): well-formed, and each pair opposite. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseComparatives } from '../../src/verify/comparison.js';

const json = JSON.parse(readFileSync(new URL('../../src/verify/lexicons/comparatives.json', import.meta.url), 'utf8'));

describe('comparatives.json', () => {
  it('is lower-case single words, none on both sides of a pair or listed twice', () => {
    const forms: string[] = json.pairs.flat(2);
    for (const f of forms) expect(f).toMatch(/^\p{Ll}+$/u);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('reads each form as the opposite of the other group', () => {
    const opposite = parseComparatives(json);
    expect(opposite.get('høyere')).toContain('lavere');
    expect(opposite.get('lågare')).toContain('høgare');
    expect(opposite.get('høyere')).not.toContain('høyere');
  });

  it('rejects a pair with an empty side', () => {
    expect(() => parseComparatives({ about: 'x', pairs: [[['høyere'], []]] })).toThrow();
  });
});
