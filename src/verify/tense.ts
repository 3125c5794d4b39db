/**
 * What has happened against what will: the cited text says «har gitt effekt» (it has worked), the sentence «vil gi
 * effekt» (it is expected to); or the other way, «skal styrke» made «har styrket». The same verb in a perfect on one
 * side and a future on the other changes the claim's status while keeping its words. Read without a parser, so a
 * finding asks for review.
 */
import { lexiconTokens } from './lexicon.js';

const PERFECT_AUX = new Set(['har', 'hadde', 'er', 'var']);
const FUTURE_AUX = new Set(['vil', 'skal', 'kommer', 'blir']);
/** Words that may stand between the auxiliary and its verb («har allerede gitt», «vil etter hvert gi»). */
const BETWEEN = new Set([
  'allerede',
  'alt',
  'også',
  'òg',
  'ikke',
  'ikkje',
  'nå',
  'no',
  'trolig',
  'snart',
  'etter',
  'hvert',
  'til',
  'å',
  'i',
  'stor',
  'grad',
  'gradvis',
  'klart',
  'tydelig',
]);
/** Irregular participles and their infinitives (Bokmål, as lexiconTokens gives them). */
const IRREGULAR: Record<string, string> = {
  gitt: 'gi',
  fått: 'få',
  gjort: 'gjøre',
  tatt: 'ta',
  sett: 'se',
  gått: 'gå',
  blitt: 'bli',
  hatt: 'ha',
  sagt: 'si',
  vært: 'være',
  ført: 'føre',
  bidratt: 'bidra',
  lagt: 'legge',
  satt: 'sette',
  valgt: 'velge',
  solgt: 'selge',
  fulgt: 'følge',
  kommet: 'komme',
};

/** The infinitive a participle may be of: «økt» → «øke», «styrket» → «styrke», «redusert» → «redusere». */
function infinitivesOf(participle: string): string[] {
  if (IRREGULAR[participle]) return [IRREGULAR[participle]];
  const out: string[] = [];
  if (participle.endsWith('et')) out.push(participle.slice(0, -2) + 'e', participle.slice(0, -2) + 'a');
  if (participle.endsWith('ert')) out.push(participle.slice(0, -1) + 'e');
  if (participle.endsWith('t') || participle.endsWith('d'))
    out.push(participle.slice(0, -1) + 'e', participle.slice(0, -1));
  if (participle.endsWith('a')) out.push(participle.slice(0, -1) + 'e');
  return out.filter((w) => w.length >= 2);
}

interface Verb {
  /** The infinitive (future) or the infinitives the participle may be of (perfect). */
  forms: string[];
  text: string;
}

/** Verbs after a perfect auxiliary («har gitt») and after a future one («vil gi», «kommer til å gi»). */
function verbs(text: string): { perfect: Verb[]; future: Verb[] } {
  const t = lexiconTokens(text);
  const perfect: Verb[] = [];
  const future: Verb[] = [];
  for (let i = 0; i < t.length; i++) {
    const perf = PERFECT_AUX.has(t[i]);
    const fut = FUTURE_AUX.has(t[i]);
    if (!perf && !fut) continue;
    let k = i + 1;
    while (k < t.length && k <= i + 4 && BETWEEN.has(t[k])) k++;
    const w = t[k];
    if (!w || w.length < 2) continue;
    const text = t.slice(i, k + 1).join(' ');
    if (perf && (IRREGULAR[w] || /(?:et|ert|t|d)$/u.test(w))) perfect.push({ forms: infinitivesOf(w), text });
    else if (fut && t[i] !== 'blir') future.push({ forms: [w], text });
  }
  return { perfect, future };
}

export interface TenseShift {
  said: string;
  source: string;
  /** «future»: the sentence expects what the cited text says has happened; «perfect»: the other way round. */
  kind: 'future' | 'perfect';
}

/** The first verb the sentence puts in the future while the cited text has it done (or the reverse), or null. */
export function tenseShift(sentence: string, cited: string): TenseShift | null {
  const mine = verbs(sentence);
  const theirs = verbs(cited);
  const meets = (a: Verb, b: Verb) => a.forms.some((f) => b.forms.includes(f));
  for (const f of mine.future) {
    const done = theirs.perfect.find((p) => meets(p, f));
    if (done && !theirs.future.some((x) => meets(x, f))) return { said: f.text, source: done.text, kind: 'future' };
  }
  for (const p of mine.perfect) {
    const planned = theirs.future.find((f) => meets(p, f));
    if (planned && !theirs.perfect.some((x) => meets(x, p)))
      return { said: p.text, source: planned.text, kind: 'perfect' };
  }
  return null;
}
