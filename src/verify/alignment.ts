/**
 * A sentence that is its quote with one stretch changed (issue 15, first blind set opened as development data). The
 * sentence and the quote are aligned word by word (longest common subsequence on stems); where the sentence is the
 * quote nearly word for word, what is left over on either side of the alignment is what the sentence changed:
 * - a substitution: a stretch of the quote replaced by words the cited text does not have («for offentlige og private
 *   formål» → «for kommersielle formål»). Overlap over the whole sentence stays high, so nothing else sees it;
 * - a restriction deleted: a defining relative clause («Leier av bolig som selv skal bo i boligen, kan …») or a
 *   ranking's «en av» («en av verdens mest digitalt modne befolkninger») left out, which widens the claim.
 * Each finding asks for review (≈): a changed word may be a faithful synonym the lexicons lack.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

/** The share of the sentence's words that must align with the quote for the leftovers to be a change, not a rewording. */
export const NEAR_VERBATIM = 0.7;
/** Words of a ranking that make a superlative one of several («en av de beste»), Bokmål and Nynorsk. */
const ONE_OF = /(?:^| )(?:(?:en|ett|ein|eitt|ei) av|blant)$/u;

interface Token {
  word: string;
  key: string;
}

const tokens = (text: string): Token[] =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+|,/gu) ?? []).map((w) => {
    const word = w === ',' ? w : (lexiconTokens(w)[0] ?? w);
    return { word, key: word === ',' ? word : stem(word) };
  });

/** Auxiliaries and common finite verbs that make «som …» a relative clause. */
const FINITE = new Set(
  'er var har hadde skal skulle vil ville kan kunne må bør blir ble får fikk gjør gjorde trenger ønsker bor'.split(' '),
);
/** A finite verb by its form: an auxiliary, or a present or past tense or passive ending («bruker», «leverte»). */
const isFinite = (w: string) => FINITE.has(w) || (w.length >= 5 && /(?:er|te|de|es)$/u.test(w));
const isContent = (w: string) => w.length > 1 && w !== ',' && !STOPWORDS.has(w) && !/^\d+$/.test(w);

export interface Gap {
  /** The sentence's words in the gap (may be empty: a deletion). */
  said: string[];
  /** The quote's words in the gap (may be empty: an addition). */
  source: string[];
  /** The quote's word just before the gap. */
  before?: string;
  /** Aligned words on both sides: a change inside the sentence, not a part of the quote it leaves out at an end. */
  inner: boolean;
}

/** The unaligned stretches between aligned words, and the share of the sentence's words aligned. */
export function alignGaps(sentence: string, quote: string): { aligned: number; gaps: Gap[] } {
  const s = tokens(sentence);
  const c = tokens(quote);
  const n = s.length;
  const m = c.length;
  if (n === 0 || m === 0) return { aligned: 0, gaps: [] };
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i][j] = s[i].key === c[j].key ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const gaps: Gap[] = [];
  let gap: Gap = { said: [], source: [], inner: false };
  const close = (inner: boolean) => {
    if (gap.said.length || gap.source.length) gaps.push({ ...gap, inner: inner && gap.before !== undefined });
  };
  let i = 0;
  let j = 0;
  let matched = 0;
  while (i < n || j < m) {
    if (i < n && j < m && s[i].key === c[j].key) {
      close(true);
      if (s[i].word !== ',') matched++;
      gap = { said: [], source: [], before: c[j].word, inner: false };
      i++;
      j++;
    } else if (j < m && (i >= n || dp[i][j + 1] >= dp[i + 1][j])) gap.source.push(c[j++].word);
    else gap.said.push(s[i++].word);
  }
  close(false);
  const words = s.filter((t) => t.word !== ',').length;
  return { aligned: words ? matched / words : 0, gaps };
}

/** «en av de største», «ett av de viktigste», «blant de beste»: a superlative made one of several. */
const ONE_OF_SUPERLATIVE =
  /(?<![\p{L}])((?:en|et|ett|ein|eit|eitt|ei)\s+av\s+(?:de|dei)|blant\s+(?:de|dei))\s+(\p{L}+st)e(?![\p{L}])/giu;

/**
 * A ranking made the only one in a rewritten sentence, where the word-by-word alignment does not reach (issue 15,
 * second blind set opened): the cited «en av de største utfordringene er …» against «… er den største
 * utfordringen». The cited text's «en av de X-ste»; the sentence uses the same superlative with no «en av» or
 * «blant» of its own. Returns the cited phrase, or null.
 * @example rankingWidened('Mangel på folk er den største utfordringen.', 'En av de største utfordringene er mangel på folk.')
 *   // → 'En av de største'
 */
export function rankingWidened(sentence: string, quote: string): string | null {
  const own = [...sentence.matchAll(ONE_OF_SUPERLATIVE)].map((m) => m[2].toLowerCase());
  for (const m of quote.matchAll(ONE_OF_SUPERLATIVE)) {
    const superlative = m[2].toLowerCase();
    if (own.includes(superlative)) continue;
    if (new RegExp(`(?<![\\p{L}])${superlative}e?(?![\\p{L}])`, 'iu').test(sentence)) return m[0];
  }
  return null;
}

export type AlignmentFinding =
  | { kind: 'substituted'; said: string; source: string }
  | { kind: 'clause-dropped'; source: string }
  | { kind: 'ranking-dropped'; source: string };

/**
 * What the sentence changed in its quote, when it is the quote nearly word for word; [] otherwise.
 * `missing` are the sentence's content words that the cited text lacks (contentOverlap's, synonyms and Nynorsk
 * already allowed for): only those count as new words.
 * @example alignmentFindings('Loven gjelder for kommersielle formål.', 'Loven gjelder for offentlige og private formål.', ['kommersielle'])
 *   // → [{ kind: 'substituted', said: 'kommersielle', source: 'offentlige og private' }]
 */
export function alignmentFindings(sentence: string, quote: string, missing: readonly string[]): AlignmentFinding[] {
  const { aligned, gaps } = alignGaps(sentence, quote);
  if (aligned < NEAR_VERBATIM) {
    const ranking = rankingWidened(sentence, quote);
    return ranking ? [{ kind: 'ranking-dropped', source: ranking }] : [];
  }
  const lacking = new Set(missing.map((w) => stem(w.toLowerCase())));
  const out: AlignmentFinding[] = [];
  const mine = new Set(tokens(sentence).map((t) => t.key));
  // The sentence's words that align with nothing: words it moved or added.
  const moved = new Set(gaps.flatMap((g) => g.said.map(stem)));
  for (const g of gaps) {
    if (!g.inner) continue;
    const saidContent = g.said.filter(isContent);
    const sourceContent = g.source.filter(isContent);
    if (saidContent.length && sourceContent.length) {
      // A substitution: every new word is one the cited text lacks, and some quote word it replaces is not said.
      // NOTE: a single changed word is as often a faithful synonym the lexicons lack («opprettes» → «etableres»:
      // 17 soft alarms for 3 faults on the readable sets); a pair or list in the quote («offentlige og private»)
      // replaced by other words is a change of scope, and the kind nobody else sees.
      const coordination = g.source.some((w) => w === 'og' || w === 'eller') && sourceContent.length >= 2;
      if (
        coordination &&
        saidContent.every((w) => lacking.has(stem(w))) &&
        sourceContent.some((w) => !mine.has(stem(w)))
      )
        out.push({ kind: 'substituted', said: g.said.join(' '), source: g.source.join(' ').replace(/ ,/g, ',') });
      continue;
    }
    if (saidContent.length) continue;
    const dropped = g.source.filter((w) => w !== ',');
    // A defining relative clause right after its noun (no comma before «som»): it narrows whom the claim is about.
    // NOTE: only a clause («som selv skal bo», «som får nye oppgaver»), not «som følge av» or «som helhetlig
    // leverandør» (as), and only when the sentence has moved none of its words elsewhere («som er bedre» → «bedre»).
    const clauseWords = dropped.filter(isContent);
    if (
      dropped[0] === 'som' &&
      g.source[0] === 'som' &&
      g.before !== ',' &&
      clauseWords.length >= 2 &&
      dropped.slice(1, 4).some(isFinite) &&
      !clauseWords.some((w) => moved.has(stem(w)))
    )
      out.push({ kind: 'clause-dropped', source: dropped.join(' ') });
    else if (ONE_OF.test(dropped.join(' '))) out.push({ kind: 'ranking-dropped', source: dropped.join(' ') });
  }
  return out;
}
