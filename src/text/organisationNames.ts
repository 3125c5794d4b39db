/**
 * How organisations' names are read, for the verifier (who holds a position: «Oslo Ap» is «Oslo Arbeiderparti»)
 * and for document ids (whose namespace an id lies in): one table, data/organisations.json, of name words and the
 * word each is read as. It lives on the floor so that domain/ (ids) and verify/ (holders) share one source of truth.
 */
import { readFileSync } from 'node:fs';
import { slug } from './slug.js';

/** Short forms and other spellings of name words, lower case: «ap» → «arbeiderparti», «arbeidarpartiet» → the same. */
export const NAME_WORDS: Readonly<Record<string, string>> = Object.freeze(
  (
    JSON.parse(readFileSync(new URL('./data/organisations.json', import.meta.url), 'utf8')) as {
      words: Record<string, string>;
    }
  ).words,
);

/** The table by slug: each one-word key as the slug word it is read as («miljøpartiet» → «miljopartiet»). */
const READ_AS = new Map(
  Object.entries(NAME_WORDS)
    .filter(([k]) => !/\s/.test(k))
    .map(([k, v]) => [slug(k), slug(v)] as const),
);

/**
 * NOTE: which short forms give an organisation's documents a namespace of their own. Only an abbreviation of at
 * most three letters that the table reads as a different word («ap» → «arbeiderparti», also «frp», «sp», «krf»,
 * «sv», «mdg»), put in place of that word, and only while the name keeps another word: «Oslo Arbeiderparti» gets
 * `oslo-ap-`, but «Arbeiderpartiet» alone gets no `ap-`, which every party's documents would otherwise share
 * («ap-» is also the start of many titles). Spellings that are whole words (Nynorsk «arbeidarpartiet»,
 * «landsorganisasjonen» for LO) and the identities («ntl» → «ntl») make no short forms: they are other names, not
 * abbreviations of this one, and they still count when two names are compared (nameKey).
 */
const SHORT_MAX = 3;
const SHORT_FORMS = new Map<string, string[]>();
for (const [k, v] of READ_AS)
  if (k !== v && /^[a-z]+$/.test(k) && k.length <= SHORT_MAX) SHORT_FORMS.set(v, [...(SHORT_FORMS.get(v) ?? []), k]);

const words = (name: string) => slug(name).split('-').filter(Boolean);
const readAs = (w: string) => READ_AS.get(w) ?? w;

/**
 * A name as the table reads it, for telling whether two spellings name one organisation: its slug with each word
 * read through the table. «Oslo AP», «Oslo-Ap», «oslo ap» and «Oslo Arbeiderparti» all give `oslo-arbeiderparti`.
 * @example nameKey('Oslo-Ap') === nameKey('Oslo Arbeiderparti')
 */
export function nameKey(name: string): string {
  return words(name).map(readAs).join('-');
}

/**
 * The known name that `name` reads as (nameKey) but is not (other than in casing and spaces), or undefined: the
 * same organisation under another spelling. «Oslo-Ap» with «Oslo AP» known gives «Oslo AP»; «oslo ap» gives
 * nothing, it is the same name.
 * @example otherSpelling('Oslo-Ap', ['Oslo AP', 'KS']) === 'Oslo AP'
 */
export function otherSpelling(name: string, known: Iterable<string>): string | undefined {
  const plain = (n: string) => n.trim().replace(/\s+/g, ' ').toLowerCase();
  const names = [...known];
  if (names.some((k) => plain(k) === plain(name))) return undefined;
  const key = nameKey(name);
  return names.find((k) => nameKey(k) === key);
}

/**
 * The slugs of a name's short forms (see the NOTE on SHORT_FORMS), the name's own slug left out.
 * @example shortFormSlugs('Oslo Arbeiderparti') // ['oslo-ap']
 * @example shortFormSlugs('Arbeiderpartiet') // [] («ap» alone is too short and shared)
 */
export function shortFormSlugs(name: string): string[] {
  const ws = words(name);
  if (ws.length < 2) return [];
  let forms: string[][] = [[]];
  for (const w of ws) {
    const options = [w, ...(SHORT_FORMS.get(readAs(w)) ?? [])];
    forms = forms.flatMap((f) => [...new Set(options)].map((o) => [...f, o]));
  }
  const own = ws.join('-');
  return [...new Set(forms.map((f) => f.join('-')))].filter((s) => s !== own);
}
