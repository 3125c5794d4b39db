/** Readable ASCII names from Norwegian text: document ids from file names or titles, export file names. */

/**
 * Lower-case ASCII letters, digits and single hyphens, at most `maxLength` characters; '' when nothing is left.
 * æ ø å become ae o a (the spelling Norwegians use in URLs and e-mail addresses); other accents are dropped.
 * @example slug('Akademikerne Helse – «Høringssvar»') === 'akademikerne-helse-horingssvar'
 */
export function slug(text: string, maxLength = 120): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // "é" → "e"
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/**
 * A DocumentMeta id from a file name: lower-case ASCII, digits and hyphens, 3–120 characters.
 * @example slugify('Høringssvar_Digitalisering 2024') === 'horingssvar-digitalisering-2024'
 */
export function slugify(name: string): string {
  const s = slug(name);
  // The id pattern needs at least three characters.
  return s.length >= 3 ? s : `dokument-${s || 'uten-navn'}`;
}

/**
 * A human title from a file name: separators to spaces, first letter capitalised.
 * @example titleFromFileName('ntl-prinsipprogram_2019') === 'Ntl prinsipprogram 2019'
 */
export function titleFromFileName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words === '' ? 'Uten tittel' : words[0].toUpperCase() + words.slice(1);
}
