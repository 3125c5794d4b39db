/**
 * The words of a consultation question that name what it asks about, each with the forms a text may use for it:
 * the question and consultation boilerplate («Departementet ber om høringsinstansenes syn på …», «Hvordan bør …»)
 * and the organisation's own name are dropped; each remaining word gets its forms in the other written standard
 * (src/text/nynorsk.ts), its synonyms and spelling variants (src/text/synonyms.ts).
 */
import { nynorskForms } from '../text/nynorsk.js';
import { everyForm, standardForms } from '../text/questionForms.js';
import { STOPWORDS, words } from '../text/words.js';

/** Words every consultation question uses; they say nothing about its topic. */
const QUESTION_WORDS = new Set(
  `bør kan skal må vil hvilke hvilken kva kven tiltak trengs trengst viktigste viktigaste viktig fremover framover
  mener meiner dere deres dykk dykkar generelt blant gjøres gjerast gjøre gjere bli tar ta ser sikre sikra best
  hvordan korleis hva om noen nokon hvem hvor kor mange ifølge ifylgje etter syn synet standpunkt ei`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The frame of a ministry's request, in both written standards: «Departementet ber om høringsinstansenes
 * vurdering av …, herunder …». NOTE: issue 17 measured these as the largest single cause of a false "no position"
 * on ministry-style questions: seven of eleven answerable ones on the dev half abstained on them.
 * Who asks, in every inflection but the indefinite singular and plural of «direktorat» («Bør det opprettes et nytt
 * direktorat?» names a topic): the ministries, directorates and their consultation papers.
 */
const CONSULTATION_WORDS = new Set(
  `departementet departementa departement departementer departementene departementets departementenes ber
  direktoratet direktoratene direktorata direktoratets direktoratenes høringsnotat høringsnotatet høringsnotater
  høringsnotatene høringsnotata høringsnotatets høyringsnotat høyringsnotatet høyringsnotata
  høringsinstansene høringsinstansenes høringsinstanser høringsinstans
  høyringsinstansane høyringsinstansar høyringsinstans innspill innspel synspunkter synspunkt synspunkta vurdering
  vurderinga vurderingen redegjøre greie herunder medrekna hvilket kva slags såkalte såkalla ønsker ønskjer
  forslaget forslag framlegget spørsmålet spørsmål`
    .split(/\s+/)
    .filter(Boolean),
);

export interface QuestionTerm {
  /** The word as the question writes it (lower case). */
  word: string;
  /** The word and every form a text may use for it. */
  forms: string[];
}

/**
 * @example questionTerms('Kva meiner Oslo Arbeidarparti om ei kompetansereform?', ['Oslo Arbeiderparti'])
 *   // → [{ word: 'kompetansereform', forms: ['kompetansereform'] }]
 */
export function questionTerms(question: string, names: readonly string[] = []): QuestionTerm[] {
  const nameWords = names.flatMap((n) => words(n));
  const nameForms = new Set([...nameWords, ...nameWords.flatMap((w) => nynorskForms(w))].flatMap((w) => [w, `${w}s`]));
  const skip = (w: string) =>
    STOPWORDS.has(w) ||
    QUESTION_WORDS.has(w) ||
    CONSULTATION_WORDS.has(w) ||
    nameForms.has(w) ||
    nameWords.some((n) => oneLetterApart(w, n));
  const out: QuestionTerm[] = [];
  for (const w of new Set(words(question))) {
    if (w.length < 2 || skip(w) || /^\d+$/.test(w)) continue;
    if (standardForms(w).some(skip)) continue;
    out.push({ word: w, forms: everyForm(w) });
  }
  return out;
}

/** A name in the other written standard or misspelt: «Arbeidarparti» for «Arbeiderparti». Long words only. */
function oneLetterApart(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 6) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return true;
}
