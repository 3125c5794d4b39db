/**
 * The main modal verb: how binding the sentence's claim is against how binding the quote says the same thing. The
 * modality lexicon (lexicon.ts) stays silent when the sentence repeats any of the cited text's modal groups, which it
 * often does by accident («det må opprettes et tilsyn som kan overvåke» against «det bør opprettes et tilsyn som kan
 * overvåke»: the «kan» of the relative clause is echoed). Here each auxiliary is tied to what follows it (the verb
 * and object it governs), and the sentence's is compared with the quote's that governs the same words.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

/**
 * NOTE: auxiliaries only, by strength; grammar, not vocabulary, so they live here rather than in a data file.
 * «vil» is left out (future or wish: «Oslo Ap vil at …» is the holder's verb), and so is «krav» (a noun as often).
 */
const STRENGTH: Record<string, number> = { må: 3, skal: 3, plikter: 3, krever: 3, bør: 2, burde: 2, kan: 1, kunne: 1 };
/** After a wish («vil at», «ønsker at») a «skal» or «må» is the wish's mood, as strong as «bør» or stronger. */
const WISH = /\b(?:vil|ønsker|ynskjer|går inn for) at\b/iu;
const FOLLOWING = 4;

interface Aux {
  word: string;
  /** The strengths the auxiliary may stand for: one, or «bør» to «må» after a wish. */
  low: number;
  high: number;
  /** Stems of the content words it governs. */
  governs: Set<string>;
}

/** The auxiliaries of a text, each with the content words after it (up to the next auxiliary). */
export function auxiliaries(text: string): Aux[] {
  const tokens = lexiconTokens(text);
  const wishAt = (() => {
    const m = WISH.exec(text);
    return m ? lexiconTokens(text.slice(0, m.index + m[0].length)).length : Infinity;
  })();
  const out: Aux[] = [];
  tokens.forEach((w, i) => {
    const s = STRENGTH[w];
    if (!s) return;
    const governs = new Set<string>();
    for (let k = i + 1; k < tokens.length && governs.size < FOLLOWING && !STRENGTH[tokens[k]]; k++)
      if (tokens[k].length > 1 && !STOPWORDS.has(tokens[k])) {
        const g = stem(tokens[k]);
        governs.add(g);
        // A verbal noun governs what its verb does: «plikter … å sende melding» is «må melde» (issue 15, fourth
        // blind set opened).
        if (g.length >= 7 && g.endsWith('ing')) governs.add(g.slice(0, -3));
      }
    const wished = i >= wishAt && s >= 2;
    out.push({ word: w, low: wished ? 2 : s, high: wished ? 3 : s, governs });
  });
  return out;
}

/**
 * The first auxiliary of the sentence whose governed words the quote's auxiliary also governs, when the two differ
 * in strength; null when they agree or nothing lines up (a reworded sentence is the overlap check's business).
 * @example modalShift('NTL krever at virksomhetene skal eie systemene.', 'Virksomhetene bør eie systemene.')
 *   // → { said: 'skal', source: 'bør' }
 */
export function modalShift(sentence: string, quote: string): { said: string; source: string } | null {
  const theirs = auxiliaries(quote);
  for (const mine of auxiliaries(sentence)) {
    const best = theirs
      .map((t) => ({ t, n: [...mine.governs].filter((g) => t.governs.has(g)).length }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n)[0];
    if (!best) continue;
    const apart = mine.high < best.t.low || mine.low > best.t.high;
    return apart ? { said: mine.word, source: best.t.word } : null;
  }
  return null;
}
