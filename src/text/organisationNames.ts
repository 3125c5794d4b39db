/**
 * How organisations' names are read, for the verifier (who holds a position: «Oslo Ap» is «Oslo Arbeiderparti»,
 * «Norsk Tjenestemannslag» is «NTL»), for document ids (whose namespace an id lies in) and for refusing a second
 * spelling of one organisation: one table, data/organisations.json, of name words and the word each is read as
 * (`words`), and of whole names that name one organisation (`names`). It lives on the floor so that domain/ (ids),
 * store/ (spellings) and verify/ (holders) share one source of truth.
 */
import { readFileSync } from 'node:fs';
import { slug } from './slug.js';

const TABLE = JSON.parse(readFileSync(new URL('./data/organisations.json', import.meta.url), 'utf8')) as {
  words: Record<string, string>;
  names: string[][];
};

/** Short forms and other spellings of name words, lower case: «ap» → «arbeiderparti», «arbeidarpartiet» → the same. */
export const NAME_WORDS: Readonly<Record<string, string>> = Object.freeze(TABLE.words);

/**
 * Whole names of one organisation that no word rule derives, its usual short name first:
 * `['NTL', 'Norsk Tjenestemannslag']`, `['LO', 'Landsorganisasjonen i Norge', 'Landsorganisasjonen']`.
 */
export const NAME_GROUPS: readonly (readonly string[])[] = Object.freeze(TABLE.names.map((g) => Object.freeze([...g])));

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
/** A name's slug with each word read through `words`. */
const wordKey = (name: string) => words(name).map(readAs).join('-');

/**
 * Each whole name of NAME_GROUPS (by wordKey, so Nynorsk «Norsk Tenestemannslag» counts too) → its group: the
 * wordKey of the group's first name and the group's names. A name in two groups is a mistake in the table.
 */
const GROUP_OF = new Map<string, { key: string; names: readonly string[] }>();
for (const names of NAME_GROUPS) {
  const group = { key: wordKey(names[0]), names };
  for (const n of names) {
    const k = wordKey(n);
    const had = GROUP_OF.get(k);
    if (had && had !== group) throw new Error(`organisations.json: «${n}» står i to navnegrupper`);
    GROUP_OF.set(k, group);
  }
}

/** The group a whole name belongs to, trying it also without a genitive -s («Norsk Tjenestemannslags»). */
function groupOf(name: string) {
  const k = wordKey(name);
  return GROUP_OF.get(k) ?? (k.endsWith('s') ? GROUP_OF.get(wordKey(name.trim().replace(/['’]?s$/u, ''))) : undefined);
}

/**
 * A name as the table reads it, for telling whether two spellings name one organisation: its slug with each word
 * read through `words`, and a whole name of `names` read as its group's first. «Oslo AP», «Oslo-Ap», «oslo ap» and
 * «Oslo Arbeiderparti» all give `oslo-arbeiderparti`; «Norsk Tjenestemannslag» and «NTL» give `ntl`.
 * @example nameKey('Oslo-Ap') === nameKey('Oslo Arbeiderparti')
 * @example nameKey('Norsk Tjenestemannslag') === nameKey('NTL')
 */
export function nameKey(name: string): string {
  const k = wordKey(name);
  return GROUP_OF.get(k)?.key ?? k;
}

/**
 * The other whole names the organisation goes by (NAME_GROUPS), the name itself left out; [] for a name in no group.
 * A genitive («NTLs») is read as the name.
 * @example organisationAliases('NTL') // ['Norsk Tjenestemannslag']
 */
export function organisationAliases(name: string): string[] {
  const group = groupOf(name);
  if (!group) return [];
  const own = slug(name);
  return group.names.filter((n) => slug(n) !== own);
}

/**
 * Do two names read as two different organisations of NAME_GROUPS? «YS» (Yrkesorganisasjonenes Sentralforbund)
 * and «KS» do, although «sentralforbund» is read as KS's word; a name in no group says nothing.
 * @example differentGroups('Yrkesorganisasjonenes Sentralforbund', 'KS') === true
 */
export function differentGroups(a: string, b: string): boolean {
  const ga = groupOf(a);
  const gb = groupOf(b);
  return !!ga && !!gb && ga !== gb;
}

/**
 * The known name that `name` reads as (nameKey) but is not (other than in casing and spaces), or undefined: the
 * same organisation under another spelling. «Oslo-Ap» with «Oslo AP» known gives «Oslo AP»; «oslo ap» gives
 * nothing, it is the same name.
 * @example otherSpelling('Oslo-Ap', ['Oslo AP', 'KS']) === 'Oslo AP'
 */
export function otherSpelling(name: string, known: Iterable<string>): string | undefined {
  // NOTE: the one rule of «one organisation, one spelling». Every door comes here, one name at a time
  // (store/organisations.ts refuseOtherSpelling) or a batch of them (spellingClash below).
  const plain = (n: string) => n.trim().replace(/\s+/g, ' ').toLowerCase();
  const names = [...known];
  if (names.some((k) => plain(k) === plain(name))) return undefined;
  const key = nameKey(name);
  return names.find((k) => nameKey(k) === key);
}

/** A name of a batch that reads as another spelling of a known name or of an earlier name in the same batch. */
export interface SpellingClash {
  /** As given. */
  organisation: string;
  /** The spelling it reads as. */
  known: string;
  /** `known` came from the batch itself (another file, another setting), not from what is stored. */
  inBatch: boolean;
}

/**
 * The first name of `names` that is another spelling (otherSpelling) of a known name or of a name given before it,
 * or undefined: for doors that bring several names at once (a local ingest's files, the configuration's names).
 * @example spellingClash(['NTL', 'Norsk Tjenestemannslag'], []) // { organisation: 'Norsk Tjenestemannslag', known: 'NTL', inBatch: true }
 */
export function spellingClash(names: Iterable<string>, known: Iterable<string>): SpellingClash | undefined {
  const stored = [...known];
  const seen: string[] = [];
  for (const organisation of names) {
    const fromStore = otherSpelling(organisation, stored);
    if (fromStore) return { organisation, known: fromStore, inBatch: false };
    const fromBatch = otherSpelling(organisation, seen);
    if (fromBatch) return { organisation, known: fromBatch, inBatch: true };
    seen.push(organisation);
  }
  return undefined;
}

/**
 * The items whose names read as one organisation (nameKey) under more than one name, in groups of at least two, in
 * the order first met: organisations stored under two spellings before the rule (`npm run users -- organisations`).
 * Pass one item per name as the store compares names (lower-cased), so that casing alone makes no group.
 * @example readAlike(['NTL', 'KS', 'Norsk Tjenestemannslag'], (n) => n) // [['NTL', 'Norsk Tjenestemannslag']]
 */
export function readAlike<T>(items: Iterable<T>, name: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = nameKey(name(item));
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
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

/** Where a text names a known organisation (organisationMentions). */
export interface OrganisationMention {
  /** The names of `known` it names: one, or several when the store keeps one organisation under two spellings. */
  organisations: string[];
  /** The mention's offsets in the text, a genitive's apostrophe included. */
  start: number;
  end: number;
}

/** A text's words with their offsets: runs of letters and digits («Oslo-Ap» is two, as slug reads it). */
const textWords = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, word: m[0] }));

interface MentionIndex {
  /** A name of one word, lower-cased → the known names it names. */
  oneWord: Map<string, string[]>;
  /** nameKey → the known names it names. */
  severalWords: Map<string, string[]>;
  /** The most words a name has. */
  longest: number;
}

/**
 * The last index built, by the names it was built for: every search asks with the same stored names until the next
 * write. Measured on a 19-word question: with 503 names, 2.8 ms a call when built each time, 0.34 ms when found
 * again (the regular expression per name this replaced took 0.40 ms); with 5 names, 0.09 ms.
 */
let lastIndex: { names: string; index: MentionIndex } | undefined;

function mentionIndex(known: string[]): MentionIndex {
  const names = known.join('\n');
  if (lastIndex?.names === names) return lastIndex.index;
  const index: MentionIndex = { oneWord: new Map(), severalWords: new Map(), longest: 1 };
  const add = (map: Map<string, string[]>, key: string, name: string) => {
    const had = map.get(key) ?? [];
    if (!had.includes(name)) map.set(key, [...had, name]);
  };
  for (const name of known) {
    for (const n of [name, ...organisationAliases(name)]) {
      const ws = textWords(n);
      index.longest = Math.max(index.longest, ws.length);
      if (ws.length === 1) add(index.oneWord, ws[0].word.toLowerCase(), name);
    }
    add(index.severalWords, nameKey(name), name);
  }
  lastIndex = { names, index };
  return index;
}

/**
 * Where `text` names an organisation of `known`, by its name or by another name the table gives it, also in the
 * genitive: «NTLs», «Norsk Tjenestemannslag», «Norsk Tjenestemannslags», Nynorsk «Norsk Tenestemannslag» all name
 * NTL; «Oslo Ap» names Oslo Arbeiderparti. Longest mentions first, none overlapping, in text order.
 * NOTE: a mention of one word must be the name or a whole name of its group as written (any casing; «As» is not
 * «Ås»): the word table reads common words as names («kommunenes» as KS), which is right inside a name
 * («Kommunenes Sentralforbund») and wrong for a word alone. A mention of several words is read through the table
 * (nameKey).
 * @example organisationMentions('Hva mener Norsk Tjenestemannslag om KI?', ['ntl', 'ks']) // [{ organisations: ['ntl'], start: 10, end: 32 }]
 */
export function organisationMentions(text: string, known: Iterable<string>): OrganisationMention[] {
  const { oneWord, severalWords, longest } = mentionIndex([...known]);
  const ws = textWords(text);
  const taken = new Set<number>();
  const mentions: OrganisationMention[] = [];
  const named = (span: string, count: number) =>
    count === 1 ? oneWord.get(span.toLowerCase()) : severalWords.get(nameKey(span));
  for (let count = Math.min(longest, ws.length); count >= 1; count--) {
    for (let i = 0; i + count <= ws.length; i++) {
      if (ws.slice(i, i + count).some((_, j) => taken.has(i + j))) continue;
      const last = ws[i + count - 1];
      let end = last.start + last.word.length;
      const span = text.slice(ws[i].start, end);
      // The genitive: «NTLs», «Norsk Tjenestemannslags»; «KS'» and «KS’» keep their apostrophe below.
      const organisations = named(span, count) ?? (/s$/iu.test(span) ? named(span.slice(0, -1), count) : undefined);
      if (!organisations) continue;
      if (/^['’]/u.test(text.slice(end))) end += 1;
      for (let j = i; j < i + count; j++) taken.add(j);
      mentions.push({ organisations, start: ws[i].start, end });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
