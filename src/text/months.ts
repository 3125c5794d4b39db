/** Norwegian month names, January first (the same in Bokmål and Nynorsk). */
export const MONTHS: readonly string[] = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];
