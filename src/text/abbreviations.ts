/**
 * Norwegian abbreviations that end in a full stop, sorted by what the full stop may mean. Written lower case and
 * without the final full stop, as `sentences.ts` looks them up ("f.eks." → "f.eks").
 *
 * Three kinds, because a full stop after an abbreviation followed by a capital is only sometimes a sentence end:
 * - NEVER_FINAL: abbreviations that point forward to more of the same sentence ("bl.a.", "f.eks.", "jf.", "nr.",
 *   "pga."): «pga. Covid-19» and «jf. Grunnloven» are one sentence.
 * - BEFORE_NUMBER: units and months. Followed by a number they belong to it («kr. 500», «1. jan. 2024»); followed by
 *   a capitalised word they end the sentence, as a sentence can end in one («… økte med 5 mill. Det er …», «… før
 *   jul. Dagens …» — "jul." is also Christmas).
 * - Not listed at all, on purpose: abbreviations that close a list — «osv.», «mv.», «m.m.», «o.l.», «etc.»,
 *   «m.fl.», «o.a.», «e.l.». They usually end the sentence they are in, so «… skoler, barnehager osv. Det er …» is
 *   two sentences; a full stop after them counts as any other.
 */

/** Bokmål and Nynorsk abbreviations always followed by more of the sentence. */
export const NEVER_FINAL: ReadonlySet<string> = new Set(
  `bl.a bl m.a f.eks t.d jf jfr nr pkt kap ca dvs d.v.s mht m.h.t iht i.h.t ift pga vha ang evt ev inkl ekskl vs
  sml hhv p.t s.k f.o.m t.o.m vedr ref tlf kl s ss tab fig art st prop meld st.meld meld.st ot.prp nou pr
  dr prof ass dir gen.sekr adm avd stip`
    .split(/\s+/)
    .filter(Boolean),
);

/** Units and months: never a sentence end before a number, a sentence end before a capitalised word. */
export const BEFORE_NUMBER: ReadonlySet<string> = new Set(
  'mill mrd kr pst mnd jan feb mar apr jun jul aug sep sept okt nov des'.split(' '),
);
