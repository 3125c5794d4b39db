/** The forms of a question word that relevance and retrieval both look for (src/text/questionForms.ts). */
import { describe, expect, it } from 'vitest';
import { everyForm, standardForms } from '../../src/text/questionForms.js';

describe('standardForms', () => {
  it('gives a Nynorsk compound its Bokmål form and a Bokmål word its Nynorsk form', () => {
    expect(standardForms('skyløysinga')).toContain('skyløsninga');
    expect(standardForms('hvordan')).toContain('korleis');
    expect(standardForms('Driftes')).toEqual(expect.arrayContaining(['driftes', 'drives']));
  });
});

describe('everyForm', () => {
  it("adds the synonyms of every standard's form, once each", () => {
    const forms = everyForm('ferdigheter');
    expect(forms).toEqual(expect.arrayContaining(['ferdigheter', 'kompetanse']));
    expect(new Set(forms).size).toBe(forms.length);
    expect(everyForm('dårlige')).toContain('svak');
  });
});
