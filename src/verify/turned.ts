/**
 * Two sides turned around a pivot (issue 15, second blind set opened as development data): the sentence keeps the
 * cited text's words but puts the cause where the effect was («X er grunnen til at Y» for «Y fører til X»), or the
 * preferred where the rejected was («kjøpe tjenester i stedet for å ansette» for «ansette fremfor å kjøpe»). Overlap
 * is perfect and no negation changes, so nothing else sees it. Each pivot has a direction: which side is the cause
 * (or the preferred); the sides are the content words of the pivot's clause before and after it. A finding asks for
 * review (≈): it is a reading of word order without a parser.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

/** A pivot: its words (an adverb may stand after the first, «fører dessuten til»), and whether the first side is the cause. */
interface Pivot {
  words: string[];
  firstIsCause: boolean;
}
const pivots = (firstIsCause: boolean, ...phrases: string[]): Pivot[] =>
  phrases.map((p) => ({ words: p.split(' '), firstIsCause }));

/** Cause and effect: «A fører til B», «A er grunnen til at B»; «B skyldes A», «B fordi A». Bokmål (Nynorsk is mapped). */
const CAUSES: Pivot[] = [
  ...pivots(
    true,
    'fører til',
    'førte til',
    'leder til',
    'ledet til',
    'medfører',
    'medførte',
    'gjør at',
    'gjorde at',
    'resulterer i',
    'resulterte i',
    'forårsaker',
    'forårsaket',
    'er grunnen til',
    'var grunnen til',
    'er årsaken til',
    'var årsaken til',
    'er hovedårsaken til',
  ),
  ...pivots(
    false,
    'skyldes',
    'skyldtes',
    'kommer av',
    'kom av',
    'er en følge av',
    'er et resultat av',
    'fordi',
    'på grunn av',
    'som følge av',
  ),
];
/** The preferred and the rejected: «A i stedet for B», «A fremfor B», «A heller enn B». */
const PREFERENCES: Pivot[] = pivots(
  true,
  'i stedet for',
  'istedenfor',
  'fremfor',
  'framfor',
  'heller enn',
  'snarere enn',
);
/** Adverbs that may stand inside a pivot: «fører dessuten til», «fører også til». */
const INSIDE = new Set([
  'også',
  'òg',
  'dessuten',
  'derfor',
  'dermed',
  'ofte',
  'gjerne',
  'altså',
  'direkte',
  'blant',
  'annet',
]);
/** Content words each side that count. */
const SIDE = 5;

const isContent = (w: string) => w.length > 1 && !STOPWORDS.has(w) && !INSIDE.has(w) && !/^\d+$/.test(w);
/** A word's key: its stem, a verbal noun as its verb («involvering» / «involveres»). */
const key = (w: string) => {
  const s = stem(w);
  return s.length >= 7 && s.endsWith('ing') ? s.slice(0, -3) : s;
};

interface Sides {
  /** Key → the word as written, each side. */
  cause: Map<string, string>;
  effect: Map<string, string>;
  /** The pivot's words as written, for the reason. */
  pivot: string;
}

/** The first pivot of `kinds` in each clause of the text, with the content words on each side of it. */
function sidesOf(text: string, kinds: Pivot[]): Sides[] {
  const out: Sides[] = [];
  for (const clause of text.split(/[.;:!?]\s|[.;:!?]$|\n/u)) {
    const t = lexiconTokens(clause);
    for (let i = 0; i < t.length; i++) {
      const hit = kinds.map((p) => ({ p, end: matchAt(t, i, p.words) })).find((x) => x.end > 0);
      if (!hit) continue;
      const side = (ws: string[]) => new Map(ws.map((w) => [key(w), w]));
      const before = side(t.slice(0, i).filter(isContent).slice(-SIDE));
      const after = side(t.slice(hit.end).filter(isContent).slice(0, SIDE));
      const [cause, effect] = hit.p.firstIsCause ? [before, after] : [after, before];
      out.push({ cause, effect, pivot: t.slice(i, hit.end).join(' ') });
      break;
    }
  }
  return out;
}

/** Where the pivot's words start at i (one adverb allowed after the first word): the index after it, else 0. */
function matchAt(t: readonly string[], i: number, words: readonly string[]): number {
  let k = i;
  for (let w = 0; w < words.length; w++, k++) {
    if (w === 1 && t[k] !== words[w] && INSIDE.has(t[k])) k++;
    if (t[k] !== words[w]) return 0;
  }
  return k;
}

const shared = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((x) => b.has(x)).length;

/**
 * The sentence's sides turned against the cited text's: its cause shares words with the cited effect and its effect
 * with the cited cause, more than the sides share the right way round (a subject before both pivots, «Kommunen bør
 * A fremfor B», is shared the right way round either way). Returns the cited pivot and a word of each cited side.
 */
function turned(
  sentence: string,
  cited: string,
  kinds: Pivot[],
): { pivot: string; first: string; second: string } | null {
  const theirs = sidesOf(cited, kinds);
  for (const s of sidesOf(sentence, kinds))
    for (const c of theirs) {
      const across = [shared(s.cause, c.effect), shared(s.effect, c.cause)];
      if (across.includes(0)) continue;
      if (across[0] + across[1] <= shared(s.cause, c.cause) + shared(s.effect, c.effect)) continue;
      const first = [...c.cause].find(([x]) => s.effect.has(x))![1];
      const second = [...c.effect].find(([x]) => s.cause.has(x))![1];
      return { pivot: c.pivot, first, second };
    }
  return null;
}

/**
 * Cause and effect turned around.
 * @example causeTurned('Mange klager skyldes lang saksbehandling.', 'Mange klager fører til lang saksbehandling.')
 *   // → { pivot: 'fører til', first: 'klager', second: 'lang' }
 */
export function causeTurned(sentence: string, cited: string) {
  return turned(sentence, cited, CAUSES);
}

/** The preferred and the rejected turned around («i stedet for», «fremfor», «heller enn»). */
export function preferenceTurned(sentence: string, cited: string) {
  return turned(sentence, cited, PREFERENCES);
}
