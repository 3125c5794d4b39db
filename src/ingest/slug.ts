/** Readable ids and titles from file names, for documents that have no metadata entry. */

/**
 * A DocumentMeta id from a file name: lower-case ASCII, digits and hyphens, 3–120 characters.
 * @example slugify('Høringssvar_Digitalisering 2024') === 'horingssvar-digitalisering-2024'
 */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // "é" → "e"
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
  // The id pattern needs at least three characters.
  return slug.length >= 3 ? slug : `dokument-${slug || 'uten-navn'}`;
}

/**
 * A human title from a file name: separators to spaces, first letter capitalised.
 * @example titleFromFileName('ntl-prinsipprogram_2019') === 'Ntl prinsipprogram 2019'
 */
export function titleFromFileName(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words === '' ? 'Uten tittel' : words[0].toUpperCase() + words.slice(1);
}
