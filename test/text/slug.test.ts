import { describe, expect, it } from 'vitest';
import { slug, slugify, titleFromFileName } from '../../src/text/slug.js';

describe('slug', () => {
  it('spells æ ø å as ae o a, drops other accents and joins words with single hyphens', () => {
    expect(slug('Akademikerne Helse – «Høringssvar»')).toBe('akademikerne-helse-horingssvar');
    expect(slug('Ærlig talt: Café på Å')).toBe('aerlig-talt-cafe-pa-a');
    expect(slug('  --KS--  ')).toBe('ks');
  });

  it('is empty when nothing readable is left, and cut at a word boundary within maxLength', () => {
    expect(slug('***')).toBe('');
    expect(slug('aaaa bbbb cccc', 10)).toBe('aaaa-bbbb');
  });
});

describe('slugify', () => {
  it.each([
    ['Høringssvar_Digitalisering 2024', 'horingssvar-digitalisering-2024'],
    ['Ærlig talt – økonomi', 'aerlig-talt-okonomi'],
    ['Café', 'cafe'],
    ['a', 'dokument-a'],
    ['***', 'dokument-uten-navn'],
  ])('%j → %j', (name, expected) => {
    expect(slugify(name)).toBe(expected);
  });

  it('stays within the id pattern of 3–120 characters', () => {
    const id = slugify('ord '.repeat(100));
    expect(id.length).toBeLessThanOrEqual(120);
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/);
  });
});

describe('titleFromFileName', () => {
  it('turns separators into spaces and capitalises the first letter', () => {
    expect(titleFromFileName('ntl-prinsipprogram_2019')).toBe('Ntl prinsipprogram 2019');
    expect(titleFromFileName('__')).toBe('Uten tittel');
  });
});
