/**
 * Other words for the same thing, for deciding whether a text speaks of what a question asks: «Bør det offentlige
 * satse på kurs …» is answered by a text on «opplæring», «kunnskap» by «kompetanse». Two sources:
 * - a small lexicon of general synonyms (data/synonyms.tsv), matched by stem, both ways;
 * - spelling variants Norwegian allows side by side, by rule: «overvåking»/«overvåkning», the definite plural
 *   «forbrukerne» (the stemmer leaves «forbrukern», not the «forbruker» of «forbrukeren»), and the Nynorsk comparative
 *   «viktigare» for «viktigere».
 *
 * NOTE: a bridge that only adds forms, like src/text/nynorsk.ts: a word keeps every match it had.
 */
import { readFileSync } from 'node:fs';
import { stem } from './stem.js';

const TABLE = new URL('./data/synonyms.tsv', import.meta.url);
/** An entry this long or longer is also found as the first part of a compound: «maskinlæring|smodeller» (not «digital|isering»). */
const MIN_COMPOUND_HEAD = 8;

/** Stem → the other words of its groups. */
export type SynonymLexicon = ReadonlyMap<string, readonly string[]>;

/** Parse the TSV: `word<TAB>synonym[,synonym…]`; `#` comments and blank lines ignored; every pair works both ways. */
export function parseSynonyms(tsv: string): SynonymLexicon {
  const out = new Map<string, string[]>();
  for (const [n, raw] of tsv.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [head, rest, extra] = line.split('\t');
    if (!head || !rest || extra !== undefined)
      throw new Error(`synonyms.tsv line ${n + 1}: expected two tab-separated columns`);
    const group = [head, ...rest.split(',')].map((w) => w.trim().toLowerCase()).filter(Boolean);
    for (const w of group) {
      const key = stem(w);
      out.set(key, [...new Set([...(out.get(key) ?? []), ...group.filter((g) => g !== w)])]);
    }
  }
  return out;
}

let shipped: SynonymLexicon | undefined;

/** The shipped lexicon, read once. */
export function synonymLexicon(): SynonymLexicon {
  shipped ??= parseSynonyms(readFileSync(TABLE, 'utf8'));
  return shipped;
}

/**
 * The lexicon's other words for `word` (by its stem, a stem one or two letters longer, or a long entry its stem
 * starts with); `[]` when none.
 * @example synonymsOf('kunnskapen') // → ['kompetanse']; synonymsOf('innbyggerne') // includes 'folk'
 */
export function synonymsOf(word: string, lexicon: SynonymLexicon = synonymLexicon()): string[] {
  const out: string[] = [];
  // NOTE (issue 17): by the stems of the word's spellings too: the stemmer leaves the definite plural «innbyggerne»
  // as «innbyggern», which no entry («innbygger» → «innbygg») starts within two letters.
  for (const s of new Set(spellingVariants(word).map(stem))) {
    out.push(...(lexicon.get(s) ?? []));
    // The stemmer leaves some inflections a letter or two longer than the base form («hackere» → «hacker», «hacker»
    // → «hack»); a long entry also starts a compound.
    for (const [key, others] of lexicon)
      if (s !== key && s.startsWith(key) && (s.length - key.length <= 2 || key.length >= MIN_COMPOUND_HEAD))
        out.push(...others);
  }
  return [...new Set(out)];
}

/**
 * The word and its allowed parallel spellings (see the module comment).
 * @example spellingVariants('overvåking') // → ['overvåking', 'overvåkning']
 */
export function spellingVariants(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w];
  if (/erne$/.test(w)) out.push(w.slice(0, -2));
  if (/[^n]king/.test(w)) out.push(w.replace(/([^n])king/, '$1kning'));
  if (/kning/.test(w)) out.push(w.replace(/kning/, 'king'));
  if (/[^a]are$/.test(w) && w.length >= 7) out.push(`${w.slice(0, -3)}ere`);
  return out;
}

/**
 * Every form to look for when asking whether a text uses `word`: its spellings and its synonyms' spellings.
 * @example wordForms('kunnskap') // → ['kunnskap', 'kompetanse']
 */
export function wordForms(word: string, lexicon: SynonymLexicon = synonymLexicon()): string[] {
  return [...new Set([word, ...synonymsOf(word, lexicon)].flatMap(spellingVariants))];
}
