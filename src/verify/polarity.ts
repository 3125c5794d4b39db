/**
 * Polarity: a negation in the sentence that the source lacks, or one in the source that the sentence dropped.
 *
 * Each negation is aligned with the other text in two steps:
 * 1. Bracket: the nearest content words before and after it ("utenforskap er ikke en del" → utenforskap … del).
 *    Where the other text has the same two words close together, a negation between them decides the matter.
 * 2. Otherwise its window (four content words either side) is paired one to one with the other text's negations by shared
 *    words. A sentence negation left unpaired whose words occur in the source was added; a source negation left
 *    unpaired whose words the sentence repeats on both sides of it was dropped.
 * Negations whose words the other text does not share are left to the overlap check.
 */
import { stem, STOPWORDS, words } from '../text/norwegian.js';

const NEGATIONS = new Set([
  'ikke', 'ikkje', 'ingen', 'inga', 'intet', 'ingenting', 'inkje', 'aldri', 'verken', 'hverken', 'korkje', 'uten',
  'utan', 'mangler', 'manglar', 'manglet', 'mangel', 'manglende', 'istedenfor', 'isteden',
]);
/**
 * "ikke minst" (not least) and "ikke uten" emphasise, they do not negate, and a paraphrase may drop them.
 * NOTE: "ikke bare" (not only) counts as a negation on both sides: a source's "ikke bare … men også" then pairs
 * with the sentence's, and a sentence that adds "ikke bare" is caught.
 */
const NOT_NEGATING_AFTER = new Set(['minst', 'uten']);
/** Modal and light verbs the stop-word list lacks; they say nothing about what is negated. */
const LIGHT = new Set(['må', 'bør', 'får', 'gjør', 'går', 'tar', 'gir', 'kr']);
const WINDOW = 4;

interface Text {
  tokens: string[];
  stems: string[];
  /** Is token i a content word? */
  content: boolean[];
  negated: boolean[];
  stemSet: Set<string>;
}

interface Negation {
  index: number;
  word: string;
  /** Stem → the word as written, for the content words around the negation. */
  around: Map<string, string>;
  before: Set<string>;
  after: Set<string>;
}

export interface PolarityIssue {
  kind: 'added' | 'removed';
  /** The negation word, e.g. "ikke". */
  word: string;
  /** The content words it negates, for the reason shown to people. */
  about: string[];
}

function analyse(text: string): Text {
  const tokens = words(text);
  const negated = tokens.map(
    (w, i) => (NEGATIONS.has(w) && !((w === 'ikke' || w === 'ikkje') && NOT_NEGATING_AFTER.has(tokens[i + 1]))) ||
      (w === 'stedet' && tokens[i - 1] === 'i' && tokens[i + 1] === 'for'),
  );
  const content = tokens.map((t, i) => !negated[i] && t.length > 1 && !STOPWORDS.has(t) && !LIGHT.has(t) && !NEGATIONS.has(t) && !/^\d+$/.test(t));
  const stems = tokens.map(stem);
  return { tokens, stems, content, negated, stemSet: new Set(stems) };
}

function negations(t: Text): Negation[] {
  const found: Negation[] = [];
  t.negated.forEach((isNeg, i) => {
    if (!isNeg) return;
    const around = new Map<string, string>();
    const before = new Set<string>();
    const after = new Set<string>();
    // Up to WINDOW content words each side, looking past stop words (at most 2 × WINDOW + 2 tokens).
    for (const step of [-1, 1] as const) {
      for (let k = i + step, got = 0, seen = 0; k >= 0 && k < t.tokens.length && got < WINDOW && seen < 2 * WINDOW + 2; k += step, seen++) {
        if (!t.content[k]) continue;
        got++;
        if (!around.has(t.stems[k])) around.set(t.stems[k], t.tokens[k]);
        (step < 0 ? before : after).add(t.stems[k]);
      }
    }
    found.push({ index: i, word: t.tokens[i] === 'stedet' ? 'i stedet for' : t.tokens[i], around, before, after });
  });
  return found;
}

type Bracket = { kind: 'negated'; at: number[] } | { kind: 'plain' } | { kind: 'absent' };

/**
 * The bracket test: take the content words nearest before and after negation `n` in `a` that `b` also has (so an
 * added filler word does not get in the way); where they occur in `b` about as close together, is the number of
 * negations between them the same, odd or even (so "er ikke mangel på" is caught against "er mangel på")?
 * At the start or end of the text one side is enough. 'absent' when `b` has no such place.
 */
function bracket(n: Negation, a: Text, b: Text): Bracket {
  const near = (step: 1 | -1) => {
    for (let k = n.index + step, seen = 0; k >= 0 && k < a.tokens.length && seen < 2 * WINDOW + 2; k += step, seen++) {
      if (a.content[k] && b.stemSet.has(a.stems[k])) return k;
    }
    return -1;
  };
  const l = near(-1);
  const r = near(1);
  // One side is enough only where `a` has no content words on the other side at all ("Han er ikke en …"); a side
  // that `b` merely lacks means `b` stops short of it (a sentence cut at a comma).
  const bare = (k: number) => !a.content.slice(k < n.index ? 0 : n.index + 1, k < n.index ? n.index : undefined).some(Boolean);
  if ((l < 0 && (r < 0 || !bare(-1))) || (r < 0 && !bare(a.tokens.length))) return { kind: 'absent' };
  // Negations in a on the stretch the bracket covers (n itself included): their parity is the polarity there.
  const lo = l >= 0 ? l + 1 : n.index;
  const hi = r >= 0 ? r - 1 : n.index;
  const odd = a.negated.slice(lo, hi + 1).filter(Boolean).length % 2;
  const span = (r >= 0 ? r : n.index) - (l >= 0 ? l : n.index) + 2;
  const between = (i: number, j: number) => b.negated.flatMap((x, k) => (x && k > i && k < j ? [k] : []));
  // Stretches of b to compare: between both words where b has them close enough; else before the right word or
  // after the left one, as far as in a.
  const stretches: [number, number][] = [];
  b.stems.forEach((x, i) => {
    if (l >= 0 && r >= 0 && x === a.stems[l]) {
      for (let j = i + 1; j < b.stems.length && j - i <= span; j++) if (b.stems[j] === a.stems[r]) stretches.push([i, j]);
    } else if (l < 0 && x === a.stems[r]) stretches.push([i - span, i]);
    else if (r < 0 && x === a.stems[l]) stretches.push([i, i + span]);
  });
  if (stretches.length === 0) return { kind: 'absent' };
  for (const [i, j] of stretches) {
    const at = between(i, j);
    if (at.length % 2 === odd) return { kind: 'negated', at };
  }
  return { kind: 'plain' };
}

/**
 * Pair sentence negations with source negations, one to one, best overlap first, so a sentence that keeps one of
 * two negations in its source ("ikke vil la … uten å ha") is still caught dropping the other. The same negation
 * word counts as one more shared word, so "i stedet for" pairs with "i stedet for" before a nearby "ikke".
 */
function pair(sNeg: Negation[], cNeg: Negation[]): { s: Set<Negation>; c: Set<Negation> } {
  const common = (x: Negation, y: Negation) => [...x.around.keys()].filter((k) => y.around.has(k)).length;
  const candidates = sNeg
    .flatMap((n) => cNeg.map((m) => ({ n, m, shared: common(n, m), score: common(n, m) + (n.word === m.word ? 1 : 0) })))
    .filter((p) => p.shared > 0)
    .sort((x, y) => y.score - x.score);
  const s = new Set<Negation>();
  const c = new Set<Negation>();
  for (const { n, m } of candidates) {
    if (s.has(n) || c.has(m)) continue;
    s.add(n);
    c.add(m);
  }
  return { s, c };
}

/** The words around a negation (as written) whose stems the other text has. */
const about = (n: Negation, other: Text) => [...n.around].filter(([x]) => other.stemSet.has(x)).map(([, w]) => w);

/**
 * Does the sentence repeat what a source negation stands between: a word from before it followed (later in the
 * sentence) by a word from after it, or two words from the one side it has? A sentence that stops at the comma
 * before ", uten at den norske modellen utvannes" is then not blamed for it.
 */
function spans(m: Negation, s: Text): boolean {
  if (m.before.size && m.after.size) {
    const first = s.stems.findIndex((x, i) => s.content[i] && m.before.has(x));
    return first >= 0 && s.stems.some((x, j) => j > first && s.content[j] && m.after.has(x));
  }
  return [...m.around.keys()].filter((x) => s.stemSet.has(x)).length >= Math.min(2, m.around.size);
}

/**
 * @example checkPolarity('NTL mener driften ikke må være statlig', 'NTL mener driften må være statlig')
 *   // → [{ kind: 'added', word: 'ikke', about: ['driften', 'statlig'] }]
 */
export function checkPolarity(sentence: string, source: string): PolarityIssue[] {
  const s = analyse(sentence);
  const c = analyse(source);
  const sNeg = negations(s);
  const cNeg = negations(c);
  // Bracket tests settle a negation and its counterpart together; the rest are paired by their windows.
  const settledS = new Set<number>();
  const settledC = new Set<number>();
  const sTest = sNeg.map((n) => bracket(n, s, c));
  const cTest = cNeg.map((m) => bracket(m, c, s));
  sTest.forEach((t, i) => t.kind === 'negated' && (settledS.add(sNeg[i].index), t.at.forEach((k) => settledC.add(k))));
  cTest.forEach((t, i) => t.kind === 'negated' && (settledC.add(cNeg[i].index), t.at.forEach((k) => settledS.add(k))));
  const open = (t: Bracket, n: Negation, settled: Set<number>) => t.kind === 'absent' && !settled.has(n.index);
  const paired = pair(sNeg.filter((n, i) => open(sTest[i], n, settledS)), cNeg.filter((m, i) => open(cTest[i], m, settledC)));
  const issues: PolarityIssue[] = [];
  sNeg.forEach((n, i) => {
    if (settledS.has(n.index) || paired.s.has(n)) return;
    if (sTest[i].kind === 'plain' || about(n, c).length > 0) issues.push({ kind: 'added', word: n.word, about: about(n, c) });
  });
  cNeg.forEach((m, i) => {
    if (settledC.has(m.index) || paired.c.has(m)) return;
    if (cTest[i].kind === 'plain' || spans(m, s)) issues.push({ kind: 'removed', word: m.word, about: about(m, s) });
  });
  return issues;
}
