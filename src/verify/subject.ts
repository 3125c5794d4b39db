/**
 * Who does it: the sentence gives the cited verb another subject. «Kommunene skal koordinere arbeidet …» for «En
 * nasjonal geodatakoordinator skal koordinere arbeidet …»; «…, kan utleieren velge en tillitsvalgt» for «…, kan
 * boligleierne … velge en tillitsvalgt»; «medbestemmelsesapparatet må gis tilstrekkelige midler» for «virksomhetene
 * gis tilstrekkelige midler». One changed word in a long sentence keeps overlap high, and no role pair
 * (roles.ts) need exist for it (issue 15, third misses round). Read without a parser, so a finding asks for review.
 */
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/words.js';
import { lexiconTokens } from './lexicon.js';

// NOTE: modal auxiliaries only: after «har», «er» or «blir» the next word is as often a noun or an adjective
// («har adgang», «er god») as a verb.
const AUX = new Set(['skal', 'må', 'kan', 'bør', 'vil', 'skulle', 'kunne', 'ville', 'burde']);
/** Words a subject phrase may open with. */
const DETERMINERS = new Set(['en', 'et', 'ei', 'ein', 'eit', 'den', 'det', 'de', 'dei', 'alle', 'hver', 'kvar']);
/** Words after which a clause (and its subject) begins: subordinators and the verbs of a report frame. */
const CLAUSE_START = new Set([
  'at',
  'der',
  'som',
  'mens',
  'medan',
  'når',
  'dersom',
  'hvis',
  'viss',
  'om',
  'og',
  'men',
  'mener',
  'meiner',
  'skriver',
  'sier',
  'seier',
  'påpeker',
  'understreker',
  'krever',
  'ønsker',
  'foreslår',
]);
/** Adverbs that may stand between a subject and its verb group. */
const ADVERBS = new Set([
  'ikke',
  'ikkje',
  'også',
  'òg',
  'derfor',
  'difor',
  'alltid',
  'aldri',
  'likevel',
  'bare',
  'berre',
  'fortsatt',
  'fremdeles',
  'framleis',
  'allerede',
  'alt',
  'nå',
  'no',
  'ofte',
  'gjerne',
  'tidligst',
  'senest',
  'minst',
  'høyst',
]);
const PUNCTUATION = /^[.,;:!?()]$/u;
// NOTE (issue 15, third blind set opened): a figure is never a subject: «Etter § 5-17 skal andelseigaren …» had
// «17» read as the subject of «skal» and «andelseigaren» as its verb.
const isContent = (w: string | undefined) =>
  w !== undefined &&
  w.length > 1 &&
  !PUNCTUATION.test(w) &&
  !/^\d+$/u.test(w) &&
  !STOPWORDS.has(w) &&
  !AUX.has(w) &&
  !ADVERBS.has(w);
/**
 * Words that open a fronted reference to a source or a rule («Etter husleieloven § 9-8 kan leieren …», «Ifølge
 * vedtektene skal styret …»): the subject follows the auxiliary. NOTE: only these; with every preposition («I 2025
 * skal …», «For hver husstand kan …») the inverted reading gave a faithful sentence of the adversarial set a
 * subject finding (a soft alarm more on its whole-set figure).
 */
const FRONTING = new Set(['etter', 'ifølge', 'ifølgje', 'iflg', 'jf']);
/** Personal pronouns: a subject only the text around names («skal han varsla grannen»). */
const PRONOUNS = new Set(['han', 'ho', 'hun', 'dei', 'de', 'den', 'man', 'ein', 'en']);
/** Whether the aux at `at` follows a fronted prepositional phrase opening its clause (V2 inversion). */
function fronted(tokens: readonly string[], at: number): boolean {
  let i = at - 1;
  while (i > 0 && !PUNCTUATION.test(tokens[i - 1]) && !CLAUSE_START.has(tokens[i - 1])) i--;
  return i < at - 1 && FRONTING.has(tokens[i]);
}
/**
 * A cleft names the subject before «som»: «det er burettslaget som skal vedlikeholde …», «… er det styret som skal …»
 * (issue 15, second blind set opened). NOTE: only after «det er»/«er det», not every relative clause: «tiltak som kan bidra» is often the object of
 * the main clause restated, where the cited text's subject may differ faithfully.
 */
const CLEFT = new Set(['er', 'var']);
/** «det er X som», «er det X som» (inverted after a fronted phrase): token k is the word before X. */
const cleft = (tokens: readonly string[], k: number) =>
  (tokens[k] === 'det' && CLEFT.has(tokens[k - 1] ?? '')) || (CLEFT.has(tokens[k] ?? '') && tokens[k - 1] === 'det');
/** How far an inverted subject's phrase may stretch between the auxiliary and the verb. */
const INVERTED_SPAN = 12;

const tokensOf = (text: string) =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+|[.,;:!?()]/gu) ?? []).map((w) =>
    PUNCTUATION.test(w) ? w : (lexiconTokens(w)[0] ?? w),
  );

interface Clause {
  aux: string;
  verb: string;
  subject: string;
  inverted: boolean;
  /** Where the verb stands in the tokens. */
  at: number;
  /** A long subject's whole phrase, when `subject` is its head (subjectHead). */
  phrase?: readonly string[];
}

/**
 * Each verb after an auxiliary, with its subject: the word before the auxiliary («Kommunene skal koordinere»), or the
 * one after it when the auxiliary opens its clause («…, kan boligleierne i møte … velge»; the verb may then stand up
 * to INVERTED_SPAN words on, with no punctuation in between).
 */
function clauses(tokens: readonly string[], inverted: 'first' | 'any', heads = false): Clause[] {
  const out: Clause[] = [];
  tokens.forEach((aux, i) => {
    if (PERFECT.has(aux)) {
      out.push(...perfectClauses(tokens, i, inverted, heads));
      return;
    }
    if (!AUX.has(aux)) return;
    const before = tokens[i - 1];
    const next = tokens[i + 1];
    const head = isContent(before) && isContent(next) ? subjectHead(tokens, i, heads) : undefined;
    if (head) out.push({ aux, verb: next, inverted: false, at: i + 1, ...head });
    else if (before === 'som' && isContent(tokens[i - 2]) && isContent(next) && cleft(tokens, i - 3))
      out.push({ aux, verb: next, subject: tokens[i - 2], inverted: false, at: i + 1 });
    else if (
      (before === undefined || PUNCTUATION.test(before) || fronted(tokens, i)) &&
      (isContent(next) || PRONOUNS.has(next ?? ''))
    ) {
      const last = inverted === 'first' ? i + 2 : Math.min(tokens.length - 1, i + INVERTED_SPAN);
      for (let k = i + 2; k <= last && k < tokens.length && !PUNCTUATION.test(tokens[k]); k++)
        if (isContent(tokens[k])) out.push({ aux, verb: tokens[k], subject: next, inverted: true, at: k });
    }
  });
  return out;
}

/** «har»/«hadde» before a past participle: «KS har utarbeidet …», «…, har KS utarbeidet …». */
const PERFECT = new Set(['har', 'hadde']);
const PARTICIPLE = /\p{L}{3,}(?:et|tt|dd|t|d)$/u;

/**
 * NOTE (issue 15, eleventh blind set opened): «KommIT-rådet har utarbeidet et skriftlig innspill …» cited to «…, har
 * KS utarbeidet et skriftlig innspill …» gives the work to one who only contributed to it. After «har» the next word
 * is as often a noun («har adgang») as a participle, so only a participle-like word counts as the verb.
 */
function perfectClauses(tokens: readonly string[], i: number, inverted: 'first' | 'any', heads: boolean): Clause[] {
  const aux = tokens[i];
  const before = tokens[i - 1];
  const next = tokens[i + 1];
  const participle = (w: string | undefined) => w !== undefined && isContent(w) && PARTICIPLE.test(w);
  if (isContent(before) && participle(next)) {
    const head = subjectHead(tokens, i, heads);
    return head ? [{ aux, verb: next, inverted: false, at: i + 1, ...head }] : [];
  }
  // The inverted subject comes after adverbs and «blant annet» («…, har blant annet Skate pekt på …»).
  let s = i + 1;
  while (s < tokens.length && (ADVERBS.has(tokens[s]) || EXAMPLE_WORDS.has(tokens[s]))) s++;
  const subject = tokens[s];
  if ((before === undefined || PUNCTUATION.test(before) || fronted(tokens, i)) && isContent(subject)) {
    const last = inverted === 'first' ? s + 1 : Math.min(tokens.length - 1, s + INVERTED_SPAN);
    const out: Clause[] = [];
    for (let k = s + 1; k <= last && k < tokens.length && !PUNCTUATION.test(tokens[k]); k++)
      if (participle(tokens[k])) out.push({ aux, verb: tokens[k], subject, inverted: true, at: k });
    return out;
  }
  return [];
}
/** «blant annet», «mellom anna», «for eksempel», «til dømes»: examples, not a subject. */
const EXAMPLE_WORDS = new Set(['blant', 'annet', 'mellom', 'anna', 'eksempel', 'dømes']);

/**
 * Whether the words before the auxiliary at `at` are a short subject phrase of their own: at most three content words
 * (and an article) back to the start of the clause. «Tilpassing av leien etter første ledd kan …» is not: its last
 * word before «kan» is not who does it.
 */
function shortSubject(tokens: readonly string[], at: number): boolean {
  let content = 0;
  for (let i = at - 1; i >= 0; i--) {
    const w = tokens[i];
    if (PUNCTUATION.test(w) || CLAUSE_START.has(w)) return true;
    if (isContent(w)) {
      if (++content > 3) return false;
    } else if (!DETERMINERS.has(w)) return false;
  }
  return true;
}

/** Prepositions that open a phrase hung on a subject's head noun («Forkjemperne for private løsninger»). */
const PREPOSITIONS = new Set([
  'i',
  'på',
  'for',
  'av',
  'med',
  'til',
  'fra',
  'frå',
  'om',
  'hos',
  'ved',
  'innen',
  'innan',
]);
/** How many words a subject phrase with a phrase hung on its head may have. */
const SUBJECT_PHRASE_MAX = 8;

/**
 * Who does it, before the auxiliary at `at`: the word before it when the subject is short (shortSubject), else the
 * head noun of a subject with a prepositional phrase hung on it: «Forkjemperne for private løsninger vil bruke …»
 * (issue 15, tenth and eleventh blind sets opened: «Oslo Arbeiderparti vil bruke …» cited to that sentence made the
 * party do what its opponents do, and «Alle IT-løsninger i offentlig sektor skal bidra …» had the tech giants do it).
 * NOTE: the head is the content word before the phrase's first preposition, in a phrase of at most
 * SUBJECT_PHRASE_MAX words back to the start of its clause; «Tilpassing av leien etter første ledd kan …» has
 * «tilpassing». Undefined when neither reading holds.
 */
function subjectHead(
  tokens: readonly string[],
  at: number,
  heads: boolean,
): { subject: string; phrase?: readonly string[] } | undefined {
  if (shortSubject(tokens, at)) return { subject: tokens[at - 1] };
  if (!heads) return undefined;
  let start = at;
  while (start > 0 && !PUNCTUATION.test(tokens[start - 1]) && !CLAUSE_START.has(tokens[start - 1])) start--;
  if (at - start > SUBJECT_PHRASE_MAX) return undefined;
  const phrase = tokens.slice(start, at);
  const p = phrase.findIndex((w, k) => k > 0 && PREPOSITIONS.has(w));
  if (p < 1 || !isContent(phrase[p - 1])) return undefined;
  // Articles and adjectives may open the phrase, nothing else: «Alle IT-løsninger», «De store kommunene».
  return phrase.slice(0, p - 1).every((w) => DETERMINERS.has(w) || isContent(w))
    ? { subject: phrase[p - 1], phrase }
    : undefined;
}

/** The stem of the verb's object: the first content word after it, past articles. */
function objectOf(tokens: readonly string[], verb: number): string | undefined {
  for (let k = verb + 1; k < tokens.length && k <= verb + 3; k++) {
    if (PUNCTUATION.test(tokens[k])) return undefined;
    if (isContent(tokens[k])) return stem(tokens[k]);
  }
  return undefined;
}

/** Two subjects name the same: equal stems, or one a compound ending in the other («geodataloven» / «loven»). */
function same(a: string, b: string): boolean {
  const x = stem(a);
  const y = stem(b);
  return (
    x === y ||
    (x.length > 2 && y.endsWith(x)) ||
    (y.length > 2 && x.endsWith(y)) ||
    (a.length > 3 && b.endsWith(a)) ||
    (b.length > 3 && a.endsWith(b))
  );
}

/**
 * The sentence's subject of a cited auxiliary and verb and the cited text's, when they differ and the cited one is
 * gone from the sentence (or the two traded places); null otherwise. Only clauses where the cited text has the same
 * auxiliary before the same verb, in the same order, count.
 * @example subjectShift('Kommunene skal koordinere arbeidet.', 'En nasjonal geodatakoordinator skal koordinere arbeidet.')
 *   // → { said: 'kommunene', source: 'geodatakoordinator', verb: 'koordinere' }
 */
export function subjectShift(sentence: string, cited: string): { said: string; source: string; verb: string } | null {
  const shift = shiftIn(sentence, cited);
  // The words are compared in Bokmål (tokensOf); the reason names them as each text writes them («grannen», «varsla»).
  return (
    shift && {
      said: writtenAs(sentence, shift.said),
      source: writtenAs(cited, shift.source),
      verb: writtenAs(sentence, shift.verb),
    }
  );
}

/** The first word of `text` that tokensOf reads as `token`, lower-cased but for an acronym; the token itself if none. */
const writtenAs = (text: string, token: string) => {
  const w = (text.match(/[\p{L}\p{N}]+/gu) ?? []).find(
    (x) => (lexiconTokens(x.toLowerCase())[0] ?? x.toLowerCase()) === token,
  );
  // An acronym keeps its capitals («KS», «NTL»); a word capitalised only to open the sentence does not.
  return w === undefined ? token : /\p{Lu}.*\p{Lu}/u.test(w) ? w : w.toLowerCase();
};

function shiftIn(sentence: string, cited: string): { said: string; source: string; verb: string } | null {
  const mine = tokensOf(sentence);
  const theirs = tokensOf(cited);
  const theirClauses = clauses(theirs, 'any', true);
  // A statute's name («burettslagslova») names no actor, though it ends in one («laget»).
  const actors = mine.filter((m) => !/lov(?:en|a)?$/u.test(m));
  const inSentence = (w: string) => actors.some((m) => same(m, w));
  const inCited = (w: string) => theirs.some((t) => same(t, w));
  for (const c of clauses(mine, 'first')) {
    const matching = theirClauses.filter(
      (t) => t.aux === c.aux && (t.inverted === c.inverted || PERFECT.has(c.aux)) && stem(t.verb) === stem(c.verb),
    );
    // NOTE (issue 15, third blind set opened): a pronoun subject («skal han varsla grannen») may be named in the
    // sentence by anything, but not by the verb's own object: «skal grannen varsle den som …» turns who notifies
    // whom around.
    const object = matching.find((t) => PRONOUNS.has(t.subject) && objectOf(theirs, t.at) === stem(c.subject));
    if (object && PRONOUNS.has(c.subject) === false) return { said: c.subject, source: object.subject, verb: c.verb };
    // A sentence that names a word of a long subject's phrase («tenester» of «drift av offentlige IKT-tjenester»,
    // «kompetansen» of «kompetansenivået») shortens that subject; it does not give the verb another.
    const shortened = (t: Clause) =>
      t.phrase !== undefined &&
      (t.phrase.some((w) => isContent(w) && same(w, c.subject)) || stem(t.subject).startsWith(stem(c.subject)));
    if (matching.some(shortened)) continue;
    const sources = matching.filter((t) => !PRONOUNS.has(t.subject)).map((t) => t.subject);
    if (sources.length === 0 || sources.some((t) => same(t, c.subject))) continue;
    const source = sources.find((t) => !inSentence(t) || inCited(c.subject));
    if (source && (!inSentence(source) || inCited(c.subject))) return { said: c.subject, source, verb: c.verb };
  }
  return relativeShift(mine, theirs, inSentence) ?? finiteShift(mine, theirs, inSentence);
}

/** Words that open a subordinate clause, whose subject then stands right before its finite verb. */
const SUBORDINATORS = new Set(['at', 'når', 'dersom', 'hvis', 'viss', 'fordi', 'om', 'der']);

/**
 * NOTE (issue 15, tenth and eleventh blind sets opened): the cited verb in a subordinate clause with no auxiliary.
 * «… forutsetter at virksomhetene gis tilstrekkelige midler …, og at arbeidet forankres i medbestemmelsesapparatet»
 * cited for «medbestemmelsesapparatet må gis tilstrekkelige midler» or «midlene … må forankres i
 * medbestemmelsesapparatet»: the sentence's subject of «gis»/«forankres» is not the cited one («virksomhetene»,
 * «arbeidet»), which the sentence never names. The sentence's subject may be a long phrase's head (subjectHead).
 */
function finiteShift(
  mine: readonly string[],
  theirs: readonly string[],
  inSentence: (w: string) => boolean,
): { said: string; source: string; verb: string } | null {
  for (const c of clauses(mine, 'first', true)) {
    if (c.inverted) continue;
    for (let k = 2; k < theirs.length; k++) {
      if (stem(theirs[k]) !== stem(c.verb) || AUX.has(theirs[k - 1])) continue;
      let m = k - 1;
      while (m > 0 && ADVERBS.has(theirs[m])) m--;
      const subject = theirs[m];
      let o = m - 1;
      while (o > 0 && DETERMINERS.has(theirs[o])) o--;
      if (!isContent(subject) || PRONOUNS.has(subject) || !SUBORDINATORS.has(theirs[o] ?? '')) continue;
      if (same(subject, c.subject) || inSentence(subject)) continue;
      return { said: c.subject, source: subject, verb: c.verb };
    }
  }
  return null;
}

/**
 * NOTE (issue 15, fourth blind set opened): a relative clause hung on another noun. «Det offentlige, som ikke tjener
 * penger på …, kan bli sittende igjen med …» for «… sitte igjen med brukerne, dem markedet ikke tjener penger på …»:
 * the sentence makes its antecedent («offentlige») the subject of a verb whose subject in the cited text
 * («markedet», right before the verb or its adverbs) the sentence never names.
 */
const FINITE_FORM = /\p{L}{2,}(?:er|ar|te|de)$/u;
/** Words a clause's subject may follow: subordinators, articles and the object pronoun of a bare relative clause. */
const OPENS_SUBJECT = new Set([
  ...DETERMINERS,
  'dem',
  'at',
  'der',
  'når',
  'dersom',
  'hvis',
  'viss',
  'fordi',
  'mens',
  'medan',
]);
function relativeShift(
  mine: readonly string[],
  theirs: readonly string[],
  inSentence: (w: string) => boolean,
): { said: string; source: string; verb: string } | null {
  for (let i = 1; i < mine.length; i++) {
    if (mine[i] !== 'som') continue;
    const antecedent = mine[i - 1] === ',' ? mine[i - 2] : mine[i - 1];
    if (!isContent(antecedent)) continue;
    let v = i + 1;
    while (v < mine.length && ADVERBS.has(mine[v])) v++;
    const verb = mine[v];
    // A finite verb in the present or past («tjener», «avlaster», «kjøpte»): «årsaker, som utilstrekkelig
    // finansiering» gives examples, no relative clause.
    if (!isContent(verb) || !FINITE_FORM.test(verb)) continue;
    for (let k = 1; k < theirs.length; k++) {
      if (stem(theirs[k]) !== stem(verb)) continue;
      let m = k - 1;
      while (m > 0 && ADVERBS.has(theirs[m])) m--;
      const subject = theirs[m];
      if (!isContent(subject) || same(subject, antecedent) || inSentence(subject)) continue;
      // Only a subject that opens its clause («dem markedet ikke tjener», «at staten tjener»), not a word of the
      // verb phrase before it («løsninger som bidrar … og reelt avlaster»).
      const opener = theirs[m - 1];
      if (opener !== undefined && !PUNCTUATION.test(opener) && !OPENS_SUBJECT.has(opener)) continue;
      return { said: antecedent, source: subject, verb };
    }
  }
  return null;
}
