/**
 * Directional lexicons (data in `lexicons/*.json`): stance (for ↔ against), modality (må/skal > bør > kan),
 * quantity (alle > de fleste > noen > få > ingen; øker ↔ synker), actors (kommunene, staten, ansatte …) and units
 * (personer ↔ husstander, prosent ↔ prosentpoeng, tusen ↔ millioner), certainty (kan føre til ↔ vil føre til),
 * bounds (minst ↔ høyst, tidligst ↔ senest) and opposite outcomes (godkjent ↔ avslått, gyldig ↔ ugyldig).
 *
 * Each lexicon holds scales; a scale holds groups of terms that mean the same. A shift is a sentence term of one
 * group where the cited text has no term of that group but does have a term of another group of the same scale:
 * «skeptisk til» against a source that only «støtter». Where the cited text says nothing on the scale, the lexicon
 * is silent (the overlap check decides).
 *
 * Terms are lower-case words; a trailing `*` matches any ending; several words form a phrase. Nynorsk words are
 * mapped to Bokmål first (text/nynorsk), so «tilsette» and «ansatte» are one actor.
 */
import { lexiconData } from './lexiconData.js';
import { z } from 'zod';
import type { Verdict } from '../domain/verification.js';
import { stem } from '../text/stem.js';
import { STOPWORDS, words } from '../text/words.js';
import { negatedAntonym } from './antonyms.js';
import { toBokmalTokens } from './bokmalTokens.js';
import { NUMBER_WORDS } from './numbers.js';

export const LEXICON_NAMES = [
  'stance',
  'modality',
  'quantity',
  'actors',
  'units',
  'certainty',
  'bounds',
  'opposites',
] as const;
export type LexiconName = (typeof LEXICON_NAMES)[number];

export const LexiconSchema = z.object({
  name: z.enum(LEXICON_NAMES),
  /** Norwegian, for the reason shown to people: «Setningen endrer <label>: …». */
  label: z.string().min(1),
  about: z.string(),
  /** What a shift makes of the sentence. */
  verdict: z.enum(['partly_supported', 'unsupported', 'contradicted']),
  scales: z.array(z.object({ groups: z.array(z.array(z.string().min(1)).min(1)).min(2) })).min(1),
  /** Direction pairs [a, b]: a sentence saying b against a source saying a is a shift (and the other way round). */
  pairs: z.array(z.tuple([z.string(), z.string()])).min(1),
  /** Phrases that look like terms but are not («tvert imot», «ikke minst»); removed before matching. */
  ignore: z.array(z.string()).optional(),
  /** For two-group scales: a term next to a negation counts as the other group («avviser ikke» is for). */
  flipOnNegation: z.boolean().optional(),
  /**
   * Terms a sentence may not add on its own: where the sentence uses one and the cited text says nothing on its
   * scale at all, the sentence claims more than its source («alle», «utvilsomt», «må» against a plain statement).
   */
  unbacked: z.array(z.string().min(1)).optional(),
  /**
   * Terms that narrow the cited claim («mange steder», «ofte», «enkelte»): a sentence that says nothing on the scale
   * drops the restriction and states the claim generally.
   */
  restricting: z.array(z.string().min(1)).optional(),
  /**
   * Terms that quantify the noun right after them («alle kommuner», «hele landet», «de fleste leiere»): the cited
   * text backs one only with a term of the same group before the same noun (quantifierNoun.ts).
   */
  determiners: z.array(z.string().min(1)).optional(),
});
export type Lexicon = z.infer<typeof LexiconSchema>;

/** One term compiled: its words, the last one possibly a prefix. */
interface Term {
  text: string;
  words: string[];
  prefix: boolean;
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  scales: Term[][][];
  ignore: string[][];
  unbacked: Term[];
  restricting: Term[];
}

const NEGATION = new Set(['ikke', 'ikkje', 'aldri', 'ingen', 'ingenlunde']);

export interface LexiconShift {
  lexicon: LexiconName;
  label: string;
  verdict: Verdict;
  /** The sentence's term as written, and the cited text's terms of the other group(s). */
  sentence: string;
  source: string[];
}

const termOf = (text: string): Term => ({ text, words: words(text.replace(/\*$/, '')), prefix: text.endsWith('*') });

function compile(lexicon: Lexicon): CompiledLexicon {
  return {
    unbacked: (lexicon.unbacked ?? []).map(termOf).sort((a, b) => b.words.length - a.words.length),
    restricting: (lexicon.restricting ?? []).map(termOf).sort((a, b) => b.words.length - a.words.length),
    lexicon,
    scales: lexicon.scales.map((s) =>
      s.groups.map((g) =>
        g
          .map(termOf)
          // Longest phrase first, so the reason quotes «går imot», not «imot».
          .sort((a, b) => b.words.length - a.words.length),
      ),
    ),
    ignore: (lexicon.ignore ?? []).map((p) => words(p)),
  };
}

/** The tokens with ignored phrases blanked out (kept as '' so positions stay). */
function withoutIgnored(tokens: readonly string[], ignore: string[][]): string[] {
  const out = [...tokens];
  for (const phrase of ignore)
    for (let i = 0; i + phrase.length <= out.length; i++)
      if (phrase.every((w, k) => out[i + k] === w)) for (let k = 0; k < phrase.length; k++) out[i + k] = '';
  return out;
}

const SCALE_TERMS = new WeakMap<Term[][], Set<string>>();
/** The texts of a scale's terms, kept per scale. */
function termsOf(scale: Term[][]): Set<string> {
  let t = SCALE_TERMS.get(scale);
  if (!t) SCALE_TERMS.set(scale, (t = new Set(scale.flat().map((x) => x.text))));
  return t;
}

let shipped: CompiledLexicon[] | undefined;

/** The shipped lexicons, read and validated once. */
export function lexicons(): CompiledLexicon[] {
  shipped ??= LEXICON_NAMES.map((name) => compile(LexiconSchema.parse(lexiconData(name))));
  return shipped;
}

/** Tokens for matching: lower-cased words, Nynorsk forms (inflected nouns too) in Bokmål. */
export function lexiconTokens(text: string): string[] {
  return toBokmalTokens(words(text));
}

const escapePhrase = (w: string) => w.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regular expression for a data file's word list: any of the phrases as whole words (lower case in the list; a
 * trailing * matches any ending; a space matches any run of spaces).
 * @example phrasesPattern(['forutsatt at', 'kritisk*']).test('Vi er kritiske til det') // → true
 */
export function phrasesPattern(phrases: readonly string[], flags = 'iu'): RegExp {
  const term = (w: string) =>
    (w.endsWith('*') ? `${escapePhrase(w.slice(0, -1))}\\p{L}*` : escapePhrase(w)).replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map(term).join('|')})(?![\\p{L}\\p{N}])`, flags);
}

/** A text's content words as stems: Nynorsk read in Bokmål, stop words, figures and words under three letters out. */
export const contentStems = (text: string): string[] =>
  lexiconTokens(text)
    .filter((w) => w.length > 2 && !STOPWORDS.has(w) && !/^\d+$/.test(w))
    .map(stem);

/**
 * A phrase of lexicon tokens as the text writes it: a Nynorsk sentence's «kvar» for the token «hvor», «ikkje» for
 * «ikke». The phrase itself when the text has no run of words that reads as it.
 * @example writtenForm('… 100 000 kroner kvar.', 'hvor') // → 'kvar' (lower-cased, as the tokens are)
 */
export function writtenForm(text: string, phrase: string): string {
  const want = phrase.split(/\s+/u);
  const spans = [...text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)];
  for (let i = 0; i + want.length <= spans.length; i++) {
    const run = spans.slice(i, i + want.length).map((m) => m[0]);
    if (lexiconTokens(run.join(' ')).join(' ') === phrase)
      return text.slice(spans[i].index, spans[i + want.length - 1].index + run[run.length - 1].length).toLowerCase();
  }
  return phrase;
}

/** Where a term occurs in the tokens: the start indices. */
function occurrences(term: Term, tokens: readonly string[]): number[] {
  const at: number[] = [];
  const n = term.words.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const w = tokens[i + k];
      const t = term.words[k];
      ok = k === n - 1 && term.prefix ? w.startsWith(t) : w === t;
    }
    if (ok) at.push(i);
  }
  return at;
}

/**
 * Which groups of a scale occur in the tokens, with the first term found for each. With `flip`, a term with a
 * negation right before it (two words at most) or right after it counts for the other group of a two-group scale.
 */
function groupsIn(scale: Term[][], tokens: readonly string[], flip = false): Map<number, string> {
  const found = new Map<number, string>();
  for (const [g, text] of termsIn(scale, tokens, flip)) if (!found.has(g)) found.set(g, text);
  return found;
}

/**
 * Every term of a scale in the tokens, with its group (as `groupsIn`, which keeps the first per group). NOTE (issue
 * 15, fourth blind set opened): the agreed words need them all: «inntil … og ikke overstige» against «oppad begrenset
 * … ikke overstige» agrees in both, but only the first was counted, so «inntil» was «not in the source».
 */
function termsIn(scale: Term[][], tokens: readonly string[], flip = false): [number, string][] {
  const found: [number, string][] = [];
  scale.forEach((group, g) => {
    for (const term of group) {
      for (const i of occurrences(term, tokens)) {
        const n = term.words.length;
        const negated =
          flip &&
          scale.length === 2 &&
          [tokens[i - 1], tokens[i - 2], tokens[i + n]].some((w) => w !== undefined && NEGATION.has(w));
        const to = negated ? 1 - g : g;
        found.push([to, tokens.slice(i, i + n).join(' ') + (negated ? ' (nektet)' : '')]);
      }
    }
  });
  return found;
}

/**
 * The negations a flipping lexicon reads as part of a term («avviser ikke», «ikke imot») where the other text speaks
 * on the same scale: the stance check compares those, so the negation check leaves them alone. Indices into
 * `tokens` (lower-case Bokmål words, as `other`).
 * @example negationsInTerms(['vi', 'avviser', 'ikke', 'planen'], ['vi', 'støtter', 'planen']) // → Set {2}
 */
export function negationsInTerms(
  tokens: readonly string[],
  other: readonly string[],
  use: CompiledLexicon[] = lexicons(),
): Set<number> {
  const out = new Set<number>();
  for (const { lexicon, scales, ignore } of use) {
    if (!lexicon.flipOnNegation) continue;
    const t = withoutIgnored(tokens, ignore);
    const o = withoutIgnored(other, ignore);
    for (const scale of scales) {
      if (scale.length !== 2 || !scale.flat().some((term) => occurrences(term, o).length)) continue;
      for (const term of scale.flat())
        for (const i of occurrences(term, t))
          for (const k of [i - 1, i - 2, i + term.words.length]) if (NEGATION.has(t[k] ?? '')) out.add(k);
    }
  }
  return out;
}

/**
 * The shifts between a sentence and its cited text, one per scale at most.
 * @example shifts('Fagforbundet er skeptisk til planen.', 'Fagforbundet støtter planen.')
 *   // → [{ lexicon: 'stance', sentence: 'skeptisk', source: ['støtter'], … }]
 */
export function shifts(sentence: string, cited: string, use: CompiledLexicon[] = lexicons()): LexiconShift[] {
  return compare(sentence, cited, use).shifts;
}

/**
 * Shifts, and the sentence's words that a lexicon found in agreement with the cited text (the same group on a scale
 * the cited text speaks on): those are checked, so the overlap check need not count them as missing.
 */
export function compare(
  sentence: string,
  cited: string,
  use: CompiledLexicon[] = lexicons(),
): {
  shifts: LexiconShift[];
  agreed: string[];
  added: LexiconAddition[];
  dropped: { lexicon: LexiconName; source: string }[];
} {
  // A negated opposite («ikke mange» for «få») is read as the opposite the other text uses (antonyms.ts).
  const s0 = negatedAntonym(upTo(lexiconTokens(sentence)), cited);
  const c0 = negatedAntonym(upTo(lexiconTokens(cited)), sentence);
  const out: LexiconShift[] = [];
  const agreed: string[] = [];
  const added: LexiconAddition[] = [];
  const dropped: { lexicon: LexiconName; source: string }[] = [];
  for (const { lexicon, scales, ignore, unbacked, restricting } of use) {
    const s = withoutIgnored(s0, ignore);
    const c = withoutIgnored(c0, ignore);
    const flip = lexicon.flipOnNegation === true;
    for (const scale of scales) {
      const mine = groupsIn(scale, s, flip);
      if (mine.size === 0) {
        const inScale = restricting.filter((t) => termsOf(scale).has(t.text));
        const at = inScale.flatMap((t) => occurrences(t, c).map((i) => c.slice(i, i + t.words.length).join(' ')));
        for (const source of at)
          if (!dropped.some((d) => d.source === source)) dropped.push({ lexicon: lexicon.name, source });
        continue;
      }
      const theirs = groupsIn(scale, c, flip);
      if (theirs.size === 0) {
        // NOTE: the cited text is silent on the scale; a strong term the sentence brings («alle», «må») is its own.
        const term = unbacked.find((t) => termsOf(scale).has(t.text) && occurrences(t, s).length);
        if (term && !added.some((a) => a.lexicon === lexicon.name))
          added.push({
            lexicon: lexicon.name,
            label: lexicon.label,
            sentence: s.slice(occurrences(term, s)[0], occurrences(term, s)[0] + term.words.length).join(' '),
          });
        continue;
      }
      // NOTE: a sentence term is fine when the cited text has any term of the same group; only a group the cited
      // text lacks, while it speaks on the scale, is a shift.
      for (const [g, term] of termsIn(scale, s, flip))
        if (theirs.has(g)) agreed.push(...words(term.replace(' (nektet)', '')));
      const missing = [...mine].find(([g]) => !theirs.has(g));
      if (!missing) continue;
      // A sentence that also repeats one of the cited text's groups mixes them (e.g. «må … og kan»): flag only when
      // none of the cited groups is echoed, or the scale is one where each sentence term must match (actors, units).
      const echoed = [...mine.keys()].some((g) => theirs.has(g));
      if (echoed && ['stance', 'modality', 'quantity', 'certainty'].includes(lexicon.name)) continue;
      out.push({
        lexicon: lexicon.name,
        label: lexicon.label,
        verdict: lexicon.verdict,
        sentence: missing[1],
        source: [...theirs.values()],
      });
    }
  }
  return { shifts: out, agreed, added, dropped };
}

/**
 * «opp til tre år» is «opptil tre år»: «opp til» before a number is the ceiling (bounds.json), written apart. NOTE:
 * only before a number, and not after «legge» or «ta»: «legger opp til tre nye stillinger» (plans for) sets no limit.
 */
const PLANS = new Set(['legger', 'legge', 'lagt', 'la', 'legg', 'leggje', 'ligger', 'tar', 'ta', 'tatt', 'tok']);
function upTo(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 2] ?? '';
    const number = /^\d/.test(next) || Object.hasOwn(NUMBER_WORDS, next);
    if (tokens[i] === 'opp' && tokens[i + 1] === 'til' && number && !PLANS.has(tokens[i - 1] ?? '')) {
      out.push('opptil');
      i++;
    } else out.push(tokens[i]);
  }
  return out;
}

/** A strong term the sentence adds on a scale the cited text does not speak on. */
export interface LexiconAddition {
  lexicon: LexiconName;
  label: string;
  sentence: string;
}
