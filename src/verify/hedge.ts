/**
 * A possibility stated as a fact: the cited text says «kan svekke» (or «trolig», «risiko for»), the sentence
 * «svekker». The hedge counts only for the word it governs (the first content word after it), so a hedge elsewhere
 * in the cited text does not bind the sentence. Data: lexicons/hedges.json.
 */
import { lexiconData } from './lexiconData.js';
import { z } from 'zod';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

const HedgesSchema = z.object({
  about: z.string(),
  hedges: z.array(z.string().min(1)).min(1),
  keep: z.array(z.string().min(1)).min(1),
});

interface Phrase {
  words: string[];
  prefix: boolean;
}
const phrase = (t: string): Phrase => ({ words: t.replace(/\*$/, '').split(/\s+/), prefix: t.endsWith('*') });

let data: { hedges: Phrase[]; keep: Phrase[] } | undefined;
function load() {
  if (!data) {
    const raw = HedgesSchema.parse(lexiconData('hedges'));
    data = { hedges: raw.hedges.map(phrase), keep: raw.keep.map(phrase) };
  }
  return data;
}

function at(p: Phrase, tokens: readonly string[], i: number): boolean {
  return p.words.every((w, k) => {
    const t = tokens[i + k];
    if (t === undefined) return false;
    return k === p.words.length - 1 && p.prefix ? t.startsWith(w) : t === w;
  });
}

/** How far after a hedge its governed word may stand («kan komme til å sitte»). */
const REACH = 5;

/**
 * The cited hedge the sentence drops, or null.
 * @example droppedHedge('Sentralisering svekker tilliten.', 'Sentralisering kan svekke tilliten.') // → 'kan'
 */
export function droppedHedge(sentence: string, cited: string): string | null {
  const { hedges, keep } = load();
  const s = lexiconTokens(sentence);
  for (let i = 0; i < s.length; i++) if (keep.some((p) => at(p, s, i))) return null;
  // NOTE (issue 15, third blind set opened): what a sentence names as a purpose («… for å bedre livskvalitet») it
  // does not state as a fact, so a hedged «kan bedre» in the cited text is not dropped by it.
  const purpose = (i: number) => s[i - 1] === 'å' && s[i - 2] === 'for';
  const stems = new Set(s.filter((w, i) => !STOPWORDS.has(w) && !purpose(i)).map(stem));
  // NOTE (issue 15, fourth blind set opened): what the purpose's verb governs is the purpose's too («for å bedre
  // livskvalitet» for «som kan bedre livskvalitet»): reading stops at the hedged verb the sentence has as a purpose.
  const purposes = new Set(s.filter((_, i) => purpose(i)).map(stem));
  const c = lexiconTokens(cited);
  for (let i = 0; i < c.length; i++) {
    const h = hedges.find((p) => at(p, c, i));
    if (!h) continue;
    const from = i + h.words.length;
    // NOTE (issue 15, first blind set opened): «kan ikke avtales» forbids, it hedges nothing: «forbyr» restates it.
    // NOTE (issue 15, third blind set opened): also with an inverted subject or an adverb between («kan det ikke
    // tas hensyn til», «kan dessverre ikke forvente»).
    if (c.slice(from, from + 3).some((w) => w === 'ikke' || w === 'ikkje')) continue;
    // NOTE: light verbs come between a hedge and what it governs («kan komme til å sitte», «vil kunne bidra til å
    // forsterke»), so every content word in reach counts.
    for (let k = from; k < c.length && k < from + REACH; k++) {
      const w = c[k];
      if (w.length < 3 || STOPWORDS.has(w)) continue;
      if (purposes.has(stem(w))) break;
      if (stems.has(stem(w))) return c.slice(i, k + 1).join(' ');
    }
  }
  return null;
}
