/**
 * Enumerations compared item by item. «skole, barnehage og politi» against «skole, barnehage og helse» shares most of
 * its words with the source, so overlap alone lets it through; here each item of the sentence's list must be found in
 * the cited text. An item that is not there, in a list whose other items are, has been replaced or added.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

/** The conjunctions that close a list. */
const CLOSING = /\s(?:og|eller|samt)\s/giu;
/** Finite verbs that open a main clause after a fronted clause and its comma (V2). */
const CLAUSE_VERBS = new Set(['kan', 'skal', 'må', 'bør', 'vil', 'er', 'har', 'blir', 'får', 'gjelder']);
/** A chunk between commas longer than this is the lead-in to the list, not an item. */
const ITEM_WORDS = 3;

const content = (text: string) => lexiconTokens(text).filter((w) => w.length > 1 && !STOPWORDS.has(w));
/**
 * NOTE (issue 15, first blind set opened): words that open an item without being it: «blant annet sletting» is the
 * item «sletting», and «tas i bruk» is the item «bruk» (a light verb carries it).
 */
const ITEM_LEAD =
  /(?<![\p{L}])(?:blant\s+annet|bl\.\s*a\.|for\s+eksempel|eksempelvis|herunder|mellom\s+anna|til\s+dømes|slik\s+som|(?:tas|takast|blir\s+tatt)(?=\s+i\s+bruk))(?![\p{L}])/giu;

/**
 * The items of the last list of three or more in each clause of a text: the words after the closing conjunction
 * and the comma-separated chunks before it (the first item is the last words of the lead-in).
 * @example listItems('Vi vil ha skole, barnehage og helse.') // → [['skole'], ['barnehage'], ['helse']]
 */
export function listItems(text: string): string[][][] {
  const lists: string[][][] = [];
  for (const clause of text.replace(ITEM_LEAD, ' ').split(/[.;:!?]\s|[.;:!?]$|\n/u)) {
    // NOTE: every list in the clause, not only the last: «føregjerder mot utrasing, risting, støy og steinsprut ved
    // graving, bygging og sprenging» holds two.
    for (const close of clause.matchAll(CLOSING)) {
      const before = clause.slice(0, close.index).split(',');
      if (before.length < 2) continue;
      // The last item runs on into the rest of the clause («og salg av kunstig intelligens»): its first word is the item.
      const last = content(clause.slice(close.index + close[0].length).split(',')[0]).slice(0, 1);
      const items: string[][] = [];
      for (let i = before.length - 1; i >= 0; i--) {
        const words = content(before[i]);
        const all = lexiconTokens(before[i]);
        // NOTE (issue 15, fourth blind set opened): a chunk opening with a finite verb is a main clause after a fronted
        // one («Når festetida er ute, kan ektemaken og livsarvingane …»): its comma ends the clause, not an item, so
        // the fronted clause's last word is no item.
        if (i > 0 && CLAUSE_VERBS.has(all[0] ?? '')) {
          if (words.length) items.unshift(words);
          break;
        }
        if (i > 0 && all.length <= ITEM_WORDS && words.length) items.unshift(words);
        else {
          if (words.length) items.unshift(words.slice(-1));
          break;
        }
      }
      if (last.length) items.push(last);
      if (items.length >= 3) lists.push(items);
    }
  }
  return lists;
}

/**
 * A word is in the cited text when a word there shares its stem, or one stem begins the other (compounds). A first
 * part written with a hyphen that the list's last item completes («søke-, visnings- og nedlastningstjenester») is
 * found when a cited word begins with it, however short (issue 15, second blind set opened).
 */
function foundIn(word: string, stems: readonly string[], suspended: ReadonlySet<string>): boolean {
  const s = stem(word);
  if (suspended.has(word) && word.length >= 3 && stems.some((t) => t.startsWith(word))) return true;
  return stems.some((t) => t === s || (s.length >= 4 && t.length >= 4 && (t.startsWith(s) || s.startsWith(t))));
}
/** First parts of compounds written with a hyphen before a comma or a conjunction: «søke-», «helse-». */
const SUSPENDED = /(\p{L}{3,})-(?=\s*(?:,|og\s|eller\s|samt\s))/gu;

/**
 * Items of the sentence's lists that the cited text lacks, with the list they sit in, when at least two items of
 * that list are in the cited text (so the list is the source's, changed). An item counts as found when half of its
 * words are.
 * @example changedItems('Vi vil ha skole, barnehage og politi.', 'Vi vil ha skole, barnehage og helse.')
 *   // → [{ items: ['politi'], list: ['skole', 'barnehage', 'politi'] }]
 */
export function changedItems(sentence: string, cited: string): { items: string[]; list: string[] }[] {
  const stems = content(cited).map(stem);
  const suspended = new Set([...sentence.toLowerCase().matchAll(SUSPENDED)].map((m) => m[1]));
  const out: { items: string[]; list: string[] }[] = [];
  for (const list of listItems(sentence)) {
    const found = list.map((item) => item.filter((w) => foundIn(w, stems, suspended)).length * 2 >= item.length);
    const missing = list.filter((_, i) => !found[i]);
    if (missing.length && found.filter(Boolean).length >= 2)
      out.push({ items: missing.map((m) => m.join(' ')), list: list.map((m) => m.join(' ')) });
  }
  return out;
}
