/**
 * Paired roles (data: lexicons/roles.json): leier/utleier, arbeidsgiver/arbeidstaker, staten/kommunen … A sentence
 * can keep every word of its source and still reverse it by swapping two roles («utleieren kan kreve at leieren …»
 * for «leieren kan kreve at utleieren …»); a bag-of-words overlap cannot see that. This check ties each role word to
 * what it does in the text: the content words that follow it (its predicate and object, up to the next role word)
 * and the preposition before it («til utleieren»). A sentence role whose words the cited text gives to the role's
 * counterpart instead, and not to the role itself, has been swapped.
 */
import { lexiconData } from './lexiconData.js';
import { z } from 'zod';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

const RolesFile = z.object({
  about: z.string(),
  roles: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  pairs: z.array(z.tuple([z.string(), z.string()])).min(1),
});

/** Prepositions that mark a role as the receiver or source («til utleieren», «fra leieren», «av hovedleieren»). */
const MARKERS = new Set(['til', 'fra', 'frå', 'av', 'overfor', 'mot', 'for', 'hos', 'hjå', 'med', 'uten', 'utan']);
/** How many content words after a role word describe what it does. */
const WINDOW = 5;
/** A clause boundary among the tokens (one character, so never a content word). */
const BREAK = '|';

interface Roles {
  /** Role id per exact form, and [prefix, role] for forms ending in *. */
  exact: Map<string, string>;
  prefixes: [string, string][];
  /** Each role's counterparts. */
  counterparts: Map<string, Set<string>>;
}

export function parseRoles(json: unknown): Roles {
  const file = RolesFile.parse(json);
  const exact = new Map<string, string>();
  const prefixes: [string, string][] = [];
  for (const [role, forms] of Object.entries(file.roles))
    for (const f of forms) {
      if (f.endsWith('*')) prefixes.push([f.slice(0, -1), role]);
      else exact.set(f, role);
    }
  const counterparts = new Map<string, Set<string>>();
  for (const [a, b] of file.pairs) {
    for (const r of [a, b]) if (!file.roles[r]) throw new Error(`roles.json: pair names unknown role «${r}»`);
    counterparts.set(a, (counterparts.get(a) ?? new Set()).add(b));
    counterparts.set(b, (counterparts.get(b) ?? new Set()).add(a));
  }
  return { exact, prefixes, counterparts };
}

let shipped: Roles | undefined;
const roles = () => (shipped ??= parseRoles(lexiconData('roles')));

function roleOf(token: string, r: Roles): string | undefined {
  return r.exact.get(token) ?? r.prefixes.find(([p]) => token.startsWith(p))?.[1];
}

interface Mention {
  role: string;
  /** The word as written (lower case). */
  word: string;
  /**
   * What the role does here: stems of the content words after it up to the next role word, and «<til» for a
   * preposition before it. `far` reads on past other role words («kan utleieren overføre til erververen
   * rettigheter …»): what a role may do, as against `near`, what the text certainly gives it.
   */
  signature: Set<string>;
  far: Set<string>;
  /**
   * «leierens», «innbyggernes»: what follows a genitive is what the role owns, not what it does, so genitives are
   * compared with genitives only («til utleierens disposisjon» against «til leierens disposisjon»).
   */
  genitive: boolean;
}

/** The role words of a text with what each does. */
export function roleMentions(text: string, r: Roles = roles()): Mention[] {
  // A clause boundary (comma, colon, full stop) ends what the text certainly gives a role: «selv om utleieren har
  // forbudt dyrehold, dersom …» says nothing of the landlord after the comma.
  const tokens = text.split(/[,;:()]|[.!?](?:\s|$)/u).flatMap((part) => [...lexiconTokens(part), BREAK]);
  const at = tokens.map((t) => roleOf(t, r));
  const out: Mention[] = [];
  tokens.forEach((word, i) => {
    const role = at[i];
    if (!role) return;
    const signature = new Set<string>();
    const far = new Set<string>();
    if (MARKERS.has(tokens[i - 1] ?? '')) {
      signature.add(`<${tokens[i - 1]}`);
      far.add(`<${tokens[i - 1]}`);
    }
    // NOTE (issue 15, fourth blind set opened): what follows a role after a preposition («melde fra til utleieren om
    // skade som må utbedres») is the rest of the clause, not what that role does: only its far reading gets it.
    let near = !MARKERS.has(tokens[i - 1] ?? '');
    for (let k = i + 1, n = 0; k < tokens.length && n < WINDOW; k++) {
      const w = tokens[k];
      if (at[k] || w === BREAK) near = false;
      if (at[k] || w.length < 2 || STOPWORDS.has(w)) continue;
      if (near) signature.add(stem(w));
      far.add(stem(w));
      n++;
    }
    const genitive = word.endsWith('s') && roleOf(word.slice(0, -1), r) === role;
    out.push({ role, word, signature, far, genitive });
  });
  return out;
}

export interface RoleSwap {
  /** The sentence's role word, and the cited text's word for the role that does this there. */
  sentence: string;
  source: string;
  /**
   * Sure: the sentence swaps both roles of a pair, or names a role the cited text lacks while its counterpart there
   * does the same thing. Otherwise one role word of several points the other way: review, not refusal.
   */
  sure: boolean;
}

const shared = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;

/**
 * Roles the sentence gives what the cited text says of their counterparts, or [] (at most one finding per role).
 * @example roleSwaps('Utleieren kan kreve at leieren retter mangelen.', 'Leieren kan kreve at utleieren retter mangelen.')
 *   // → [{ sentence: 'utleieren', source: 'leieren', sure: true }, { sentence: 'leieren', source: 'utleieren', sure: true }]
 */
export function roleSwaps(sentence: string, cited: string, r: Roles = roles()): RoleSwap[] {
  const mine = roleMentions(sentence, r);
  if (mine.length === 0) return [];
  const all = roleMentions(cited, r);
  const found: (RoleSwap & { role: string; other: string })[] = [];
  const ties: { m: Mention; other: string; source: string }[] = [];
  for (const m of mine) {
    const others = r.counterparts.get(m.role);
    if (!others || m.signature.size === 0 || found.some((f) => f.role === m.role)) continue;
    const theirs = all.filter((t) => t.genitive === m.genitive);
    // NOTE: lenient for the role itself (its far reading), strict for the counterpart (what the text gives it).
    const same = theirs
      .filter((t) => t.role === m.role)
      .reduce((acc, t) => Math.max(acc, shared(m.signature, t.far)), 0);
    const swapped = theirs
      .filter((t) => others.has(t.role))
      .map((t) => ({ t, n: shared(m.signature, t.signature) }))
      .sort((a, b) => b.n - a.n)[0];
    // NOTE: two shared words at least, and more than the role itself shares anywhere in the cited text: one word in
    // common («kreve») is what both parties of a statute do; a reworded sentence shares little with either. A role
    // cut short by the next one («utleieren kan kreve at leieren …») counts when its one word is the counterpart's.
    const short = m.signature.size === 1 && same === 0;
    if (swapped && swapped.n >= 2 && swapped.n === same)
      ties.push({ m, other: swapped.t.role, source: swapped.t.word });
    if (!swapped || swapped.n <= same || swapped.n < (short ? 1 : 2)) continue;
    const absent = !all.some((t) => t.role === m.role);
    found.push({ sentence: m.word, source: swapped.t.word, sure: absent, role: m.role, other: swapped.t.role });
  }
  // A tie next to its partner's swap is the other half of it: in «utleieren kan kreve at leieren retter …» against
  // «leieren kan kreve at utleieren retter …», the far reading of «leieren» reaches «retter» too.
  for (const t of ties)
    if (found.some((f) => f.role === t.other && f.other === t.m.role) && !found.some((f) => f.role === t.m.role))
      found.push({ sentence: t.m.word, source: t.source, sure: true, role: t.m.role, other: t.other });
  // Both roles of a pair swapped is a reversal, whatever else the sentence says.
  for (const f of found) if (found.some((g) => g.role === f.other && g.other === f.role)) f.sure = true;
  return found.map(({ sentence: s, source, sure }) => ({ sentence: s, source, sure }));
}
