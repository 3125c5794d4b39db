/**
 * A negated opposite is a paraphrase, not a reversal: «ikke god nok» says what «for svak» says, «ikke mange» what
 * «få» says, «langt fra uvesentlig» what «betydelig» says (data: lexicons/antonyms.json). The negation check and
 * the lexicons read the negated term as its opposite where the other text uses the opposite, so neither sees a
 * negation the other text lacks nor a shift on a scale.
 */
import { lexiconData } from './lexiconData.js';
import { z } from 'zod';
import { toBokmalWords } from '../text/nynorsk.js';
import { words } from '../text/words.js';

const Antonyms = z.object({
  about: z.string(),
  intensifiers: z.array(z.string().min(1)),
  pairs: z.array(z.tuple([z.array(z.string().min(1)).min(1), z.array(z.string().min(1)).min(1)])).min(1),
});

let data: { intensifiers: Set<string>; opposite: Map<string, string[]> } | undefined;

function load() {
  if (data) return data;
  const parsed = Antonyms.parse(lexiconData('antonyms'));
  const opposite = new Map<string, string[]>();
  const add = (from: string[], to: string[]) => {
    for (const w of from) opposite.set(w, [...(opposite.get(w) ?? []), ...to]);
  };
  for (const [a, b] of parsed.pairs) {
    add(a, b);
    add(b, a);
  }
  data = { intensifiers: new Set(parsed.intensifiers), opposite };
  return data;
}

const NOT = new Set(['ikke', 'ikkje']);
/** Verbs a negation may stand before in a subordinate clause («at de ikke har god nok …», «ikke å ha mange …»). */
const VERBS = new Set(['har', 'ha', 'hadde', 'er', 'være', 'vere', 'var', 'blir', 'bli', 'å', 'finnes', 'fins', 'får']);

/**
 * Where a negated opposite starts at token i: how many tokens it takes, the verbs it keeps («har») and the other
 * text's word it stands for.
 */
function matchAt(
  tokens: readonly string[],
  i: number,
  other: ReadonlySet<string>,
): { length: number; keep: string[]; as: string } | null {
  const { intensifiers, opposite } = load();
  let k: number;
  if (NOT.has(tokens[i])) k = i + 1;
  else if (tokens[i] === 'langt' && tokens[i + 1] === 'fra') k = i + 2;
  else return null;
  const keep: string[] = [];
  while (keep.length < 2 && VERBS.has(tokens[k] ?? '')) keep.push(tokens[k++]);
  if (intensifiers.has(tokens[k] ?? '') && opposite.has(tokens[k + 1] ?? '')) k++;
  // NOTE: «ikke tilstrekkelig» against «utilstrekkelig» is the negation check's own u-prefix rule (polarity.ts).
  const as = opposite.get(tokens[k] ?? '')?.find((w) => other.has(w) && w !== `u${tokens[k]}`);
  if (!as) return null;
  return { length: k - i + 1 + (tokens[k + 1] === 'nok' ? 1 : 0), keep, as };
}

const otherWords = (text: string) => new Set(toBokmalWords(words(text)));

/**
 * «ikke nødvendigvis», «ingen automatikk i», «ikke automatisk», «trenger ikke», «behøver ikke» deny that something
 * must follow; they do not say its opposite. Where both texts use one of them, each is read as «nødvendigvis» (no
 * negation): «fordeles ikke nødvendigvis jevnt» says what «ingen automatikk i at gevinstene fordeles jevnt» says.
 */
const NOT_NECESSARILY = [
  ['ikke', 'nødvendigvis'],
  ['ikkje', 'nødvendigvis'],
  ['ingen', 'automatikk'],
  ['ikke', 'automatisk'],
  ['ikkje', 'automatisk'],
  ['trenger', 'ikke'],
  ['trengs', 'ikke'],
  ['treng', 'ikkje'],
  ['behøver', 'ikke'],
];
const phraseAt = (t: readonly string[], i: number) => NOT_NECESSARILY.find((p) => p.every((w, k) => t[i + k] === w));
function notNecessarily(tokens: readonly string[], otherText: string): string[] {
  if (!tokens.some((_, i) => phraseAt(tokens, i))) return [...tokens];
  const other = toBokmalWords(words(otherText));
  if (!other.some((_, i) => phraseAt(other, i))) return [...tokens];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const p = phraseAt(tokens, i);
    if (p) {
      out.push('nødvendigvis');
      i += p.length - 1;
    } else out.push(tokens[i]);
  }
  return out;
}

/**
 * The tokens with each negated opposite the other text backs written as that opposite.
 * @example negatedAntonym(['har', 'ikke', 'god', 'nok', 'kompetanse'], 'har for svak kompetanse')
 *   // → ['har', 'svak', 'kompetanse']
 */
const TRIGGERS = new Set(['ikke', 'ikkje', 'langt', 'ingen', 'trenger', 'trengs', 'treng', 'behøver']);

export function negatedAntonym(tokens: readonly string[], otherText: string): string[] {
  // NOTE: the verifier's hot path: most texts have none of the words that start a phrase here.
  if (!tokens.some((t) => TRIGGERS.has(t))) return [...tokens];
  tokens = notNecessarily(tokens, otherText);
  if (!tokens.some((t) => NOT.has(t) || t === 'langt')) return [...tokens];
  const other = otherWords(otherText);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = matchAt(tokens, i, other);
    if (m) {
      out.push(...m.keep, m.as);
      i += m.length - 1;
    } else out.push(tokens[i]);
  }
  return out;
}

/**
 * The sentence's words that a negated opposite accounts for («ikke», «god», «nok» against «for svak»), so the
 * overlap check need not count them as missing.
 * @example antonymWords('Mange har ikke god nok kompetanse.', 'mange har for svak kompetanse') // → ['ikke', 'god', 'nok']
 */
export function antonymWords(sentence: string, otherText: string): string[] {
  const tokens = toBokmalWords(words(sentence));
  if (!tokens.some((t) => NOT.has(t) || t === 'langt')) return [];
  const other = otherWords(otherText);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = matchAt(tokens, i, other);
    if (m) {
      out.push(...tokens.slice(i, i + m.length).filter((t) => !m.keep.includes(t)));
      i += m.length - 1;
    }
  }
  return out;
}
