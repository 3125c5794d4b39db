import { describe, expect, it } from 'vitest';
import { DocumentMeta } from '../../src/domain/types.js';
import { defaultDocumentId, idNamespaceProblem, idPrefix, idPrefixes } from '../../src/domain/documentIds.js';

describe('idPrefix', () => {
  it('is the organisation’s slug and a hyphen', () => {
    expect(idPrefix('NTL')).toBe('ntl-');
    expect(idPrefix('Oslo Arbeiderparti')).toBe('oslo-arbeiderparti-');
    expect(idPrefix('Fagforbundet Ås')).toBe('fagforbundet-as-');
    // A two-letter name needs no padding: «LO» is `lo-`, not slugify's `dokument-lo-`.
    expect(idPrefix('LO')).toBe('lo-');
  });

  it('gives names with nothing to slug a namespace each', () => {
    expect(idPrefix('Союз')).toMatch(/^org-[0-9a-f]{8}-$/);
    expect(idPrefix('Союз')).not.toBe(idPrefix('Ассоциация'));
  });
});

describe('defaultDocumentId', () => {
  it('puts the prefix in front of the title’s slug unless it is there already', () => {
    expect(defaultDocumentId('NTL', 'Streikeplan 2027')).toBe('ntl-streikeplan-2027');
    expect(defaultDocumentId('NTL', 'NTL prinsipprogram 2019')).toBe('ntl-prinsipprogram-2019');
    expect(defaultDocumentId('Oslo Arbeiderparti', 'Digitalisering for alle')).toBe(
      'oslo-arbeiderparti-digitalisering-for-alle',
    );
  });

  it('keeps clear of another organisation’s longer prefix', () => {
    const id = defaultDocumentId('Oslo', 'Arbeiderparti og skole', ['Oslo Arbeiderparti']);
    expect(id).toBe('oslo-dokument-arbeiderparti-og-skole');
    expect(idNamespaceProblem(id, 'Oslo', ['Oslo Arbeiderparti'])).toBeNull();
  });

  it('is a valid id for any title, however long', () => {
    for (const [org, title] of [
      ['NTL', 'x'.repeat(500)],
      ['Et svært langt organisasjonsnavn '.repeat(6), 'Høring – «ny» lov om alt mulig '.repeat(10)],
      ['KS', '–'],
    ])
      expect(DocumentMeta.shape.id.safeParse(defaultDocumentId(org, title)).success, `${org}/${title}`).toBe(true);
  });
});

describe('idNamespaceProblem', () => {
  it('accepts an id in the organisation’s namespace, any casing of its name', () => {
    expect(idNamespaceProblem('ntl-streikeplan-2027', 'NTL', ['NTL', 'KS'])).toBeNull();
    expect(idNamespaceProblem('ntl-streikeplan-2027', 'ntl', [])).toBeNull();
  });

  it('names the prefix an id lacks', () => {
    expect(idNamespaceProblem('streikeplan-2027', 'NTL', [])).toEqual({ prefix: 'ntl-' });
    expect(idNamespaceProblem('ntl', 'NTL', [])).toEqual({ prefix: 'ntl-' });
    expect(idNamespaceProblem('ks-plan', 'NTL', ['KS'])).toEqual({ prefix: 'ntl-' });
  });

  it('refuses another organisation’s longer prefix, the longest that fits', () => {
    const known = ['Oslo Arbeiderparti', 'Oslo Arbeiderparti Ungdom', 'KS'];
    expect(idNamespaceProblem('oslo-arbeiderparti-plan', 'Oslo', known)).toEqual({
      prefix: 'oslo-',
      other: 'oslo-arbeiderparti-',
    });
    expect(idNamespaceProblem('oslo-arbeiderparti-ungdom-plan', 'Oslo', known)?.other).toBe(
      'oslo-arbeiderparti-ungdom-',
    );
    expect(idNamespaceProblem('oslo-arbeiderparti-ungdom-plan', 'Oslo Arbeiderparti', known)?.other).toBe(
      'oslo-arbeiderparti-ungdom-',
    );
    expect(idNamespaceProblem('oslo-arbeiderparti-plan', 'Oslo Arbeiderparti', known)).toBeNull();
    // A shorter prefix is no other namespace: «Oslo Arbeiderparti» may take its own ids although «Oslo» exists.
    expect(idNamespaceProblem('oslo-arbeiderparti-plan', 'Oslo Arbeiderparti', ['Oslo'])).toBeNull();
    expect(idNamespaceProblem('oslo-arbeidsplan', 'Oslo', known)).toBeNull();
  });
});

describe('short forms as namespaces («Oslo Ap» for «Oslo Arbeiderparti»)', () => {
  it('lets an organisation take ids in its short forms, the seed «oslo-ap-…» among them', () => {
    expect(idPrefixes('Oslo Arbeiderparti')).toEqual(['oslo-arbeiderparti-', 'oslo-ap-']);
    expect(idNamespaceProblem('oslo-ap-digitalisering-for-alle-2018', 'Oslo Arbeiderparti', ['Oslo'])).toBeNull();
    expect(defaultDocumentId('Oslo Arbeiderparti', 'Oslo Ap mener')).toBe('oslo-ap-mener');
  });

  it('refuses another organisation an id in the short form, as in the long name', () => {
    const known = ['Oslo Arbeiderparti', 'Oslo'];
    expect(idNamespaceProblem('oslo-ap-plan', 'Oslo', known)).toEqual({ prefix: 'oslo-', other: 'oslo-ap-' });
    expect(idNamespaceProblem('oslo-ap-plan', 'Bergen Arbeiderparti', known)).toEqual({
      prefix: 'bergen-arbeiderparti-',
    });
    // «Oslo» titling a document «Ap mener …» gets an id of its own, not one in Oslo Ap's namespace.
    const id = defaultDocumentId('Oslo', 'Ap mener', known);
    expect(id).toBe('oslo-dokument-ap-mener');
    expect(idNamespaceProblem(id, 'Oslo', known)).toBeNull();
  });

  it('gives no short form that stands alone: «Arbeiderpartiet» has no `ap-`', () => {
    expect(idPrefixes('Arbeiderpartiet')).toEqual(['arbeiderpartiet-']);
    expect(idNamespaceProblem('ap-plan', 'Arbeiderpartiet', ['Oslo Arbeiderparti'])).toEqual({
      prefix: 'arbeiderpartiet-',
    });
  });

  it('reads a name spelled like the organisation’s own as no other organisation', () => {
    expect(idNamespaceProblem('oslo-ap-plan', 'Oslo Arbeiderparti', ['Oslo AP', 'oslo-ap'])).toBeNull();
  });
});

describe('an organisation’s other whole names (organisations.json `names`) as its namespaces', () => {
  it('gives «NTL» `norsk-tjenestemannslag-` and «Norsk Tjenestemannslag» `ntl-`', () => {
    expect(idPrefixes('NTL')).toEqual(['ntl-', 'norsk-tjenestemannslag-']);
    expect(idPrefixes('Norsk Tjenestemannslag')).toEqual(['norsk-tjenestemannslag-', 'ntl-']);
    expect(idNamespaceProblem('norsk-tjenestemannslag-plan', 'NTL', ['Fagforbundet'])).toBeNull();
    expect(idNamespaceProblem('ntl-plan', 'Norsk Tjenestemannslag', ['NTL'])).toBeNull();
  });

  it('keeps another organisation out of them', () => {
    expect(idNamespaceProblem('norsk-tjenestemannslag-plan', 'Norsk', ['NTL'])).toEqual({
      prefix: 'norsk-',
      other: 'norsk-tjenestemannslag-',
    });
    expect(idNamespaceProblem('ntl-plan', 'KS', ['NTL'])).toEqual({ prefix: 'ks-' });
  });
});
