/**
 * The lack family: «mangler», «mangel på», «kompetansemangel», «manglende», and «for få», «for lite» (too few, too
 * little), with the places where those words negate nothing: «mangler» the noun (defects), a lack the other text
 * asks to have filled.
 */

/**
 * NOTE: «mangelen på kompetanse» says what «mangel på kompetanse» says, but in a statute «mangelen» alone is a defect
 * («Mangelen skal rettes»), no negation: the noun negates only when «på» follows it.
 */
export const MANGEL_NOUNS = new Set(['mangel', 'mangelen', 'manglene', 'manglane']);
/**
 * «mangler» is also the noun's plural (defects): «kreve mangler rettet», «ansvar for skjulte mangler», «mangler ved
 * husrommet» (issue 15, fourth blind set opened). Read as the noun after a verb that takes defects as its object, an
 * adjective or a preposition, and before «ved»; the verb («det mangler folk», «som mangler») has a subject or «som»
 * before it. NOTE: not after «de», «alle», «andre», «disse»: those are subjects as often («alle mangler tid»).
 */
const MANGLER = new Set(['mangler', 'manglar']);
const DEFECTS_BEFORE = new Set(
  (
    'kreve krevje krev krever rette rettet utbedre utbedrer utbedres utbedret påvise oppdage oppdager reklamere ' +
    'reklamerer eventuelle slike skjulte vesentlige vesentlege synlige kjente av om over for ved'
  ).split(' '),
);
export const defectsNoun = (tokens: readonly string[], i: number) =>
  MANGLER.has(tokens[i]) && (DEFECTS_BEFORE.has(tokens[i - 1] ?? '') || tokens[i + 1] === 'ved');

/** «for få», «for lite» (too few, too little) negate like «mangler»: «for få folk» is «mangler folk». */
export const TOO = new Set(['få', 'lite']);

/** «kompetansemangel» is «mangel på kompetanse» (the noun negates only with «på»: MANGEL_NOUNS). */
export const LACK_COMPOUND = /^(\p{L}{4,}?)(?:mangel|mangelen|manglene|manglane)$/u;

/**
 * NOTE (issue 15, fourth blind set opened): a lack the other text asks to have filled («etterlyser mer
 * gjennomføringskraft», «savner bedre opplæring») is the lack this text states («mangler tilstrekkelig
 * gjennomføringskraft»), said as a demand: «mangler» is then no negation, where what it lacks (one of the three words
 * after it) the other text names too.
 */
export const LACKS = new Set(['mangler', 'manglar', 'manglet', 'mangla', 'manglende']);
export const DEMAND_IN =
  /(?<![\p{L}])(?:skort\p{L}*|etterlys\p{L}*|savn\p{L}*|sakn\p{L}*|etterspør\p{L}*|etterspurt\p{L}*|trenger\s+mer|treng\s+meir|behov\s+for\s+(?:mer|meir|bedre|betre))(?![\p{L}])/iu;
export const TOO_IN = /(?<![\p{L}])for\s+(?:få|lite)(?![\p{L}])/iu;
export const FOR_THEN_COMMA = /(?<![\p{L}])for\s*[,;:]\s*(?=(?:få|lite)(?![\p{L}]))/giu;
