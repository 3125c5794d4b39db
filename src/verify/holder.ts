/**
 * Who holds the position a sentence states? "Fagforbundet mener …", "KS ønsker …", "Derfor mener NTL …",
 * "Ifølge Oslo Arbeiderparti …", "Fagforbundets landsstyre vil …", and "vi" (the drafting organisation).
 * The holder must be the organisation of the cited document, or be named in the cited text itself
 * ("Regjeringa oppgir at …" cited to Fagforbundet's statement that reports it).
 */
import { differentGroups, NAME_WORDS, organisationAliases } from '../text/organisationNames.js';
import { stem } from '../text/stem.js';

const POSITION_VERBS = new Set(
  `mener meiner mente meinte ønsker ønskjer ønsket ønskte krever krev krevde vil ville støtter støttar støttet
  forventer forventar forventet foreslår foreslo anbefaler anbefalte understreker understreka understreket påpeker
  påpeikar påpekte advarer åtvarar advarte frykter frykta fryktet ber oppfordrer oppmoder skriver skriv skrev sier
  seier sa uttaler uttalte går peker peikar viser tar prioriterer jobber arbeider kjemper etterlyser savner
  forutsetter vektlegger legger oppgir anslår anslo hevder konkluderer beskriver erkjenner lover varsler
  argumenterer slår slo fastslår fastslo erfarer erfarte anerkjenner anerkjente konstaterer konstaterte nevner nevnte
  ment meint krevd kravd foreslått føreslått anbefalt understreket understreka påpekt påpeika advart åtvara uttalt
  etterlyst fremhevet framheva framhevet hevdet argumentert gått tatt tok
  pekt peika peikt vist skrevet skrive sagt kjempet kjempa arbeidet arbeidd jobbet jobba prioritert vektlagt
  forutsatt føresett oppgitt anslått konkludert beskrevet beskrive erkjent lovet lova varslet varsla fastslått
  erfart anerkjent konstatert nevnt nemnt oppfordret oppmoda bedt bede etterspurt savnet sakna`
    .split(/\s+/)
    .filter(Boolean),
);
const ATTITUDES = new Set([
  'opptatt',
  'positiv',
  'positive',
  'bekymret',
  'bekymra',
  'enig',
  'enige',
  'uenig',
  'uenige',
  'kritisk',
  'kritiske',
  'skeptisk',
  'skeptiske',
  'glad',
  'fornøyd',
  'tydelig',
  'tydelige',
  'klar',
  'klare',
]);
/** Words between a name and its verb: "Fagforbundets landsstyre har lenge ment". */
const BETWEEN = new Set([
  'forbund',
  'landsstyre',
  'landsstyret',
  'styre',
  'styret',
  'forbundsstyret',
  'hovedstyret',
  'representantskapet',
  'ledelsen',
  'leder',
  'leiar',
  'sekretariatet',
  'medlemmer',
  'medlemmene',
  'har',
  'hadde',
  'lenge',
  'også',
  'derfor',
  'fortsatt',
  'alltid',
  'klart',
  'sterkt',
  'og',
]);
/** Capitalised words that begin sentences without naming anyone. */
const NOT_NAMES = new Set(
  `det dette den denne de disse han hun man mange alle noen flere ingen jeg derfor samtidig dessuten videre likevel
  dessverre først til i på med for men og når hvis dersom som her der slik både også etter ifølge sist endelig
  avslutningsvis innledningsvis oppsummert kort dermed da nå så the`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Nouns that name a held view: «Vår grunnholdning er …», «Fagforbundets syn er …», «Etter NTLs vurdering …».
 * A first-person possessive or a genitive name before one of them names the holder as surely as «mener» does.
 */
const VIEW_NOUNS = new Set(
  `syn synet grunnholdning grunnholdninga grunnholdningen holdning holdninga holdningen standpunkt standpunktet
  oppfatning oppfatninga oppfatningen mening meininga meiningen meining vurdering vurderinga vurderingen posisjon
  posisjonen krav kravet forslag forslaget anbefaling anbefalinga anbefalingen ønske ønsket mål målet prinsipp
  prinsippet utgangspunkt utgangspunktet hovedbudskap hovudbodskap budskap bodskap politikk politikken linje linja
  linjen prioritet prioriteten`
    .split(/\s+/)
    .filter(Boolean),
);
const OUR = new Set(['vår', 'vårt', 'våre']);
/** «X har som (uttalt) mål at …» states X's goal as surely as «X vil …». */
const GOALS = new Set(['mål', 'målsetting', 'målsetjing', 'ambisjon', 'siktemål']);

export type Holder = { kind: 'we'; text: string } | { kind: 'named'; text: string };

interface Tok {
  raw: string;
  lower: string;
}

/**
 * Find the holder of the position the sentence states, if it names one.
 * @example findHolder('Derfor mener Fagforbundet at staten må ta ansvar.') // → { kind: 'named', text: 'Fagforbundet' }
 */
export function findHolder(sentence: string): Holder | null {
  const toks: Tok[] = (sentence.match(/[\p{L}\p{N}]+(?:['’]s)?/gu) ?? []).map((raw) => ({
    raw,
    lower: raw.toLowerCase(),
  }));
  const after = (i: number) => toks[i];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.lower === 'ifølge' || t.lower === 'iflg') {
      const name = nameFrom(toks, i + 1, 1);
      if (name) return name;
      continue;
    }
    // NOTE (issue 15, eighth blind set opened): Nynorsk «ber» is also «bears» («ber kostnadene», «ber kvar sameigar så
    // mykje av gjerdehaldet»); it asks only with «om» or «at» after it («ber departementet om …»).
    const asks = t.lower !== 'ber' || toks.slice(i + 1, i + 6).some((x) => x.lower === 'om' || x.lower === 'at');
    const isVerb =
      (POSITION_VERBS.has(t.lower) && asks) ||
      (t.lower === 'er' && after(i + 1) && ATTITUDES.has(after(i + 1).lower)) ||
      (t.lower === 'har' && after(i + 1)?.lower === 'som' && toks.slice(i + 2, i + 5).some((x) => GOALS.has(x.lower)));
    if (!isVerb) continue;
    let j = i - 1;
    while (j >= 0 && BETWEEN.has(toks[j].lower)) j--;
    const before = j >= 0 ? nameFrom(toks, j, -1) : null;
    if (before) return before;
    const inverted = nameFrom(toks, i + 1, 1); // "Derfor mener NTL at …"
    if (inverted) return inverted;
  }
  return viewHolder(toks);
}

/**
 * «Vår grunnholdning er at …», «Det er vårt syn at …» (we) and «Fagforbundets syn er …», «Etter NTLs vurdering …»
 * (named): a possessive or a genitive name, at most one adjective away from a view noun.
 */
function viewHolder(toks: Tok[]): Holder | null {
  for (let i = 0; i < toks.length; i++) {
    const view = VIEW_NOUNS.has(toks[i].lower) ? i : -1;
    if (view < 0) continue;
    for (const k of [view - 1, view - 2]) {
      const t = toks[k];
      if (!t) continue;
      if (OUR.has(t.lower)) return { kind: 'we', text: `${t.raw} ${toks[view].raw}` };
      if (isName(t) && /(?:s|['’])$/u.test(t.raw) && t.raw.length > 2) {
        const name = nameFrom(toks, k, -1);
        if (name) return name;
      }
    }
  }
  return null;
}

/** A name (run of capitalised words, or "vi") starting at `i` and running in direction `dir`. */
function nameFrom(toks: Tok[], i: number, dir: 1 | -1): Holder | null {
  if (i < 0 || i >= toks.length) return null;
  if (toks[i].lower === 'vi' || toks[i].lower === 'me') return { kind: 'we', text: toks[i].raw };
  // «Våre medlemmer er enige i …», «Vårt forbund mener …»: a first-person possessive is the drafting organisation.
  if (OUR.has(toks[i].lower)) return { kind: 'we', text: toks[i].raw };
  const run: string[] = [];
  for (let k = i; k >= 0 && k < toks.length && isName(toks[k]); k += dir) run.push(toks[k].raw);
  if (run.length === 0) return null;
  if (dir === -1) run.reverse();
  return { kind: 'named', text: withoutGenitive(run.join(' ')) };
}

/** "NTLs" → "NTL", "Fagforbundets" → "Fagforbundet", "KS'" → "KS" (for display; matching strips -s anyway). */
function withoutGenitive(name: string): string {
  return name.replace(/(?<=\p{Lu}{2,})['’]?s$|(?<=e[tn])s$|['’]$/u, '');
}

function isName(t: Tok): boolean {
  return /^\p{Lu}/u.test(t.raw) && !NOT_NAMES.has(t.lower);
}

/** Lower-cased stems of a name, without a genitive -s: "Fagforbundets" → ["fagforbund"]. */
function nameStems(name: string): string[] {
  return (name.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => {
    const lower = w.toLowerCase();
    const alias = NAME_WORDS[lower] ?? NAME_WORDS[lower.replace(/s$/, '')];
    return alias ?? stem(lower.replace(/s$/, ''));
  });
}

/**
 * The names an organisation goes by: "Norsk Tjenestemannslag (NTL)" → the full name, "NTL", and its acronym; and
 * the table's other whole names for it (text/organisationNames.ts: «NTL» is also «Norsk Tjenestemannslag»).
 */
function aliases(organisation: string): string[][] {
  const names = [organisation, ...(organisation.match(/\(([^)]+)\)/g) ?? []).map((p) => p.slice(1, -1))];
  const main = organisation.replace(/\([^)]*\)/g, '').trim();
  const caps = (main.match(/\p{Lu}/gu) ?? []).join('');
  if (caps.length >= 2) names.push(caps);
  return [main, ...names, ...organisationAliases(main)].map(nameStems);
}

/**
 * Does a holder name refer to this organisation? Subset either way, so "Arbeiderpartiet" fits "Oslo Arbeiderparti";
 * the holder's other whole names count too («Norsk Tjenestemannslag mener …» fits «NTL Oslo» as «NTL» would).
 * Two names the table knows as different organisations never fit («Yrkesorganisasjonenes Sentralforbund» is not KS,
 * although «sentralforbund» is read as KS's word).
 */
export function sameOrganisation(name: string, organisation: string): boolean {
  const main = organisation.replace(/\([^)]*\)/g, '').trim();
  if (differentGroups(name, main)) return false;
  const orgNames = aliases(organisation);
  return [name, ...organisationAliases(name)].some((form) => {
    const n = nameStems(form);
    return (
      n.length > 0 &&
      orgNames.some((a) => a.length > 0 && (n.every((x) => a.includes(x)) || a.every((x) => n.includes(x))))
    );
  });
}

/** Is the holder named in the cited text ("FN sier at …", "Regjeringa oppgir …")? */
export function namedIn(name: string, text: string): boolean {
  const t = new Set((text.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => stem(w.toLowerCase().replace(/s$/, ''))));
  return nameStems(name).every((x) => t.has(x));
}

/** First-person plural subjects, Bokmål and Nynorsk. */
const WE = new Set(['vi', 'me']);
/** The words next to each «vi» of a text (lower-cased stems): «Vi ser at …» → ser; «… ser vi at …» → ser. */
function weNeighbours(text: string): Set<string> {
  const ws = (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
  const out = new Set<string>();
  ws.forEach((w, i) => {
    if (!WE.has(w)) return;
    for (const n of [ws[i - 1], ws[i + 1]]) if (n && n.length > 2 && !WE.has(n)) out.add(stem(n));
  });
  return out;
}

/**
 * NOTE (issue 15, tenth blind set opened): «vi» taken over from the quote. A KS draft writing «Vi ser at digitale
 * løsninger … gir best resultater» for Fagforbundet's «Vi ser samtidig at …» speaks as KS with Fagforbundet's
 * first person, though «ser» names no position (POSITION_VERBS). When the sentence's «vi» stands next to the same
 * word as a «vi» in the quote, the sentence speaks with the quote's first person: its holder is «vi».
 * @example echoedWe('Vi ser at løsningene virker.', 'Vi ser samtidig at løsningene virker.') // → { kind: 'we', text: 'Vi' }
 */
export function echoedWe(sentence: string, quotes: string): Holder | null {
  const mine = weNeighbours(sentence);
  if (mine.size === 0) return null;
  const theirs = weNeighbours(quotes);
  if (![...mine].some((n) => theirs.has(n))) return null;
  const we = (sentence.match(/[\p{L}]+/gu) ?? []).find((w) => WE.has(w.toLowerCase()));
  return we ? { kind: 'we', text: we } : null;
}
