/**
 * What the full-text leg searches for: the question's lexemes with their BM25 weights, compound siblings of
 * its compound words, and the few selective terms that decide which passages are scored at all.
 */
import type { Queryable } from '../store/db.js';
import { compoundCuts } from '../text/compounds.js';
import { bokmalForms } from '../text/nynorsk.js';
import { everyForm } from '../text/questionForms.js';
import { STOPWORDS, words } from '../text/words.js';
import { COMPOUND_SIBLINGS_SQL, QUERY_TERMS_SQL } from '../store/searchQueries.js';

/**
 * NOTE (measured with scratch runs on the bench corpora, NorQuAD dev questions, text leg alone, answer-in-passage
 * recall@5 / MRR@10 and CPU ms per question p50 / p95): scoring every passage that shares any word with the
 * question made 10–20k candidates for many questions at 100k passages. Candidates come only from the most
 * selective terms instead (rarest first then; heaviest first now, see textQuery), added while their document
 * frequencies sum to at most a budget; common terms still count in every candidate's score, and a corpus smaller
 * than the budget is scored exactly.
 *   100k: unbounded 0.867 / 0.778, 41.5 / 153 ms; 3,000: 0.862 / 0.774, 11.5 / 19.9; 1,500: 0.852 / 0.769,
 *         6.3 / 11.6; 1,000: 0.841 / 0.761, 5.3 / 9.3.
 *   10k:  the same 0.894 / 0.783 from unbounded down to 600; 8.4 / 23.1 ms unbounded, 6.0 / 12.1 at 1,500.
 * So the budget follows the corpus: document frequencies grow with it, and a tenth of the passages keeps the
 * same terms selective at any size (10k: 1,000, top-10 overlap with the unbounded ranking 0.998, p95 15 → 10 ms
 * against 2,000), capped at CANDIDATE_BUDGET where the cost is felt.
 */
export const CANDIDATE_BUDGET = 2000;
export const CANDIDATE_SHARE = 0.1;
export const CANDIDATE_MIN = 600;
/**
 * The cap in hybrid search, where the vector leg's hits (its 40) are scored beside the budget's candidates
 * (search.ts), so a passage the budget leaves out but the vectors find still gets its BM25 score.
 * NOTE (issue 17, `npm run bench:quality`: NorQuAD dev's 472 questions inside the 100k bench store, hybrid search
 * as served; quality = the first hit holding the answer, R@1 / R@5 / MRR; CPU ms per question p50 / p95 at load
 * average 9–11 on 2 cores, so only the differences within one run count; bench/results/quality-100k-2026-12-06.md):
 *   rarest terms first (before):  unbounded 0.782 / 0.888 / 0.829;  2,000 0.782 / 0.886 / 0.828;
 *                                 1,500 0.782 / 0.883 / 0.827;  1,000 0.771 / 0.873 / 0.816
 *   + the vector hits scored:     2,000 0.784 / 0.890 / 0.832;  1,000 0.782 / 0.890 / 0.830;  600 0.784 / 0.892 / 0.832
 *   heaviest first (textQuery):   1,000 alone 0.778 / 0.881 / 0.824 (text leg alone 0.769 / 0.883 / 0.817 against
 *                                 0.763 / 0.873 / 0.809 rarest first); 600 alone 0.773 / 0.873 / 0.817
 *   both, one run, 3 passes interleaved: 2,000 alone (the old cap) 0.780 / 0.886 / 0.827, 26.0 / 43.3 ms;
 *                                 1,000 + vector hits (shipped) 0.782 / 0.890 / 0.831, 23.2 / 36.0 ms (text leg
 *                                 11.7 / 22.1 against 13.9 / 26.1); 600 + vector hits 0.782 / 0.892 / 0.831, 21.6 / 34.6.
 * So hybrid quality at 1,000 with the vector hits is that of the unbounded text leg, for the cheapest text leg
 * that keeps it; 600 measured the same, ~1.5 ms cheaper, with less margin for corpora unlike NorQuAD. Text-only
 * search has no vector hits to fall back on and keeps CANDIDATE_BUDGET. Up to 10k passages both budgets are a
 * tenth of the corpus and the hits are left out (textQuery's withVectorHits): at 10k they changed no figure
 * (0.794 / 0.922 / 0.848 both) and cost ~1 ms CPU (17.1 / 27.0 against 16.3 / 25.8 ms p50 / p95; 22 ms is the
 * bound there). At NorQuAD dev's own size (755 passages, `npm run eval:retrieval`) the ranking is unchanged:
 * hybrid 0.890 / 0.970 / 0.924, seeds and husleie too.
 */
export const HYBRID_CANDIDATE_BUDGET = 1000;

/**
 * The candidate budget for a corpus of `passages`: a tenth of it, within CANDIDATE_MIN..CANDIDATE_BUDGET, or
 * ..HYBRID_CANDIDATE_BUDGET when the vector leg's hits are scored too.
 * @example candidateBudget(100_000) // 2000; candidateBudget(100_000, { withVectorHits: true }) // 1000
 */
export function candidateBudget(passages: number, { withVectorHits = false } = {}): number {
  const cap = withVectorHits ? HYBRID_CANDIDATE_BUDGET : CANDIDATE_BUDGET;
  return Math.min(cap, Math.max(CANDIDATE_MIN, Math.ceil(passages * CANDIDATE_SHARE)));
}

/**
 * Weight of a name's own form («sovjet» for «Sovjet», migration 011) against an ordinary word. A name is searched
 * by its form and its stem («sovj») both, so at full weight it counted twice: «Hvem ledet Sovjet i 1939?» put the
 * passage saying «Sovjetunionen» twice above the one with «1939» and «ledet». At half weight the name still outranks
 * its stem's other words (Råde over råd).
 * NOTE (issue 17, NorQuAD dev hybrid R@1 / R@5 / MRR at BM25 k1 0.9): full weight 0.883 / 0.968 / 0.921; 0.5
 * 0.890 / 0.968 / 0.925 (3 questions up to rank 1, none down); seed questions unchanged (0.750 / 0.958 / 0.839).
 */
export const NAME_WEIGHT = 0.5;
/** Weight of a compound sibling (skytjeneste for the question's skyløsning) against the question's own word. */
const SIBLING_WEIGHT = 0.5;
/** Compound siblings kept per compound word of the question. */
const SIBLINGS_PER_WORD = 8;
export interface TextTerm {
  /** tsquery text: one lexeme, or an OR of compound siblings. */
  tsquery: string;
  /** BM25 weight: idf, times SIBLING_WEIGHT for siblings. */
  weight: number;
  /** Passages with the term (for siblings: the sum over them, at most the corpus). */
  df: number;
  lexemes: string[];
}

export interface TextQuery {
  terms: TextTerm[];
  /** OR of the selective terms: the passages scored. */
  candidates: string;
  averageLength: number;
  /**
   * Whether the vector leg's hits are to be scored too: asked for, and the budget is lower for it than text-only
   * search's (below ~10k passages both are a tenth of the corpus, and the hits would cost without changing a rank).
   */
  withVectorHits: boolean;
}

/** A lexeme as a tsquery operand: quoted, quotes doubled and backslashes escaped (tsquery input rules). */
export function tsqueryLiteral(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The question with the Bokmål forms of its Nynorsk words appended (src/text/nynorsk.ts), so «Korleis auke
 * kompetansen til dei tilsette?» also searches «øke» and «ansatte». Forms no passage has cost nothing (df 0 terms
 * are dropped below).
 * NOTE (NorQuAD dev, hybrid R@1 / MRR): bridging both ways (Bokmål questions also searching Nynorsk forms) cost
 * 0.871 / 0.913 → 0.867 / 0.911 on these Bokmål questions; Nynorsk → Bokmål only keeps 0.871 / 0.913.
 * @example bridgedQuestion('tilsette') // → 'tilsette ansatte'
 */
export function bridgedQuestion(question: string): string {
  const own = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const seen = new Set(own);
  const extra = own.flatMap((w) => bokmalForms(w)).filter((w) => !seen.has(w));
  return extra.length ? `${question} ${extra.join(' ')}` : question;
}

/**
 * Weight of a question word's related forms (`relatedForms`: synonyms, a Nynorsk compound's Bokmål form) against
 * the word itself; they are searched as one OR term per word, like compound siblings.
 * NOTE (issue 17, fifth round; hybrid R@1 / R@5 / R@10 / MRR, NorQuAD dev · husleie law set · seed questions):
 *   none (before):  0.890 / 0.970 / 0.981 / 0.924 · 0.315 / 0.500 / 0.630 / 0.395 · 0.750 / 0.958 / 1 / 0.839
 *   0.3:            0.890 / 0.970 / 0.981 / 0.924 · 0.315 / 0.519 / 0.648 / 0.395 · 0.750 / 1 / 1 / 0.843
 *   0.4 (shipped):  0.890 / 0.970 / 0.981 / 0.924 · 0.315 / 0.519 / 0.648 / 0.396 · 0.750 / 1 / 1 / 0.843
 *   0.5:            0.890 / 0.968 / 0.981 / 0.924 · 0.315 / 0.519 / 0.667 / 0.396 · 0.750 / 1 / 1 / 0.849
 *   0.7:            0.890 / 0.966 / 0.981 / 0.924 · 0.315 / 0.537 / 0.685 / 0.399 · 0.750 / 1 / 1 / 0.856
 * 0.4 is the heaviest that leaves NorQuAD as it was. At every weight the ask question «Hvor mange mennesker har for
 * dårlige digitale ferdigheter ifølge regjeringen?» now retrieves «… rundt 850 000 har for svak digital kompetanse»
 * (`npm run eval:drafts` answers' citation recall 0.818 → 1.000), and the abstention sets moved (relevance.ts NOTE,
 * fifth round). Extra terms per question: NorQuAD dev 0.49 (0.73 forms; 167 of 472 questions get any), husleie
 * 1.8, seed questions 2.5; at most 6 per question. Cap per word 3 instead of 6: no figure moved.
 */
export const RELATED_WEIGHT = 0.4;
/** Related forms kept per question word (the lexicon's groups are small; a cap keeps the text leg's terms few). */
const RELATED_PER_WORD = 6;

/**
 * Per content word of the question, the other forms a text may use for it (src/text/questionForms.ts: synonyms,
 * spelling variants, the other written standard inside compounds and inflections), less the question's own words
 * and the whole-word Bokmål forms `bridgedQuestion` already searches at full weight. Words without any are left out.
 * @example relatedForms('Hvor mange har for dårlige ferdigheter?') // → [['svak'], ['kompetanse', 'dyktighet', …]]
 */
export function relatedForms(question: string): string[][] {
  const own = new Set(words(question));
  const out: string[][] = [];
  for (const w of own) {
    if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    const taken = new Set([...own, ...bokmalForms(w)]);
    const forms = everyForm(w).filter((f) => !taken.has(f));
    if (forms.length) out.push(forms.slice(0, RELATED_PER_WORD));
  }
  return out;
}

/**
 * One term for lexemes that stand in for one question word (compound siblings, related forms): their OR, with the
 * idf of their summed document frequencies (at most the corpus) times `factor`.
 */
function orTerm(list: { lexeme: string; df: number }[], factor: number, passages: number): TextTerm {
  const df = Math.min(
    passages,
    list.reduce((sum, s) => sum + s.df, 0),
  );
  return {
    tsquery: list.map((s) => tsqueryLiteral(s.lexeme)).join(' | '),
    weight: factor * idf(df, passages),
    df,
    lexemes: list.map((s) => s.lexeme),
  };
}

/** Okapi BM25 idf, never negative. */
function idf(df: number, passages: number): number {
  return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
}

/**
 * @example await textQuery(db, 'Hva mener vi om en offentlig skyløsning?')
 *   // terms: offent, skyløsning, and (sky…: skytjenest, …) at half weight; candidates: the rarest of them
 */
export async function textQuery(
  db: Queryable,
  question: string,
  options: {
    budget?: number;
    withVectorHits?: boolean;
    /** Search the question's related forms too (`relatedForms`); on by default. */
    related?: boolean;
  } = {},
): Promise<TextQuery | null> {
  const related = options.related === false ? [] : relatedForms(question);
  const { rows: found } = await db.query<{
    lexeme: string;
    grp: number | null;
    df: number | null;
    name_stem: string | null;
    passages: number;
    total_length: number | string;
  }>(QUERY_TERMS_SQL, [bridgedQuestion(question), related.map((forms) => forms.join(' '))]);
  if (found.length === 0) return null;
  const all = found.filter((r) => r.grp === null);
  const passages = Math.max(1, Number(found[0].passages));
  const averageLength = Math.max(1, Number(found[0].total_length) / passages);
  // NOTE: a name (src/store/migrations/011) is searched by its own form beside its stem, so «Råde» ranks passages
  // naming Råde above those on «råd» (the name is rare: a high idf) while «Danmarks» still finds «Danmark». Searching
  // the name instead of the stem cost NorQuAD dev text R@1 / MRR 0.881 / 0.919 → 0.871 / 0.910 (genitives,
  // names written at a sentence start); beside it 0.875 / 0.916, one question from no name forms at all.
  const named = new Set(all.filter((r) => r.name_stem !== null).map((r) => r.lexeme));
  const rows = all;
  const terms: TextTerm[] = rows
    .filter((r) => r.df !== null && Number(r.df) > 0)
    .map((r) => ({
      tsquery: tsqueryLiteral(r.lexeme),
      weight: idf(Number(r.df), passages) * (r.name_stem !== null ? NAME_WEIGHT : 1),
      df: Number(r.df),
      lexemes: [r.lexeme],
    }));

  const own = new Set(rows.map((r) => r.lexeme));
  const cuts = [...own]
    .filter((l) => !named.has(l))
    .flatMap((source) => compoundCuts(source).map((c) => ({ source, ...c })));
  if (cuts.length) {
    const { rows: siblings } = await db.query<{ source: string; lexeme: string; df: number }>(COMPOUND_SIBLINGS_SQL, [
      cuts.map((c) => c.source),
      cuts.map((c) => c.modifier),
      cuts.map((c) => c.head),
      SIBLINGS_PER_WORD,
    ]);
    const bySource = new Map<string, { lexeme: string; df: number }[]>();
    for (const s of siblings)
      if (!own.has(s.lexeme))
        (bySource.get(s.source) ?? bySource.set(s.source, []).get(s.source)!).push({
          lexeme: s.lexeme,
          df: Number(s.df),
        });
    for (const list of bySource.values()) terms.push(orTerm(list, SIBLING_WEIGHT, passages));
  }
  // One term per question word for its related forms, an OR as for compound siblings, at RELATED_WEIGHT.
  const groups = new Map<number, { lexeme: string; df: number }[]>();
  for (const r of found)
    if (r.grp !== null && Number(r.df) > 0 && !own.has(r.lexeme))
      (groups.get(r.grp) ?? groups.set(r.grp, []).get(r.grp)!).push({ lexeme: r.lexeme, df: Number(r.df) });
  for (const list of groups.values()) terms.push(orTerm(list, RELATED_WEIGHT, passages));
  if (terms.length === 0) return null;

  // Heaviest first (idf, halved for names and compound siblings: what a term adds to a passage's score), not rarest
  // first: a name or a sibling group is often the rarest term yet weighs less than the question's next word. The
  // heaviest always makes candidates; each next one if it still fits the budget, so one large term no longer ends
  // the list (measured in HYBRID_CANDIDATE_BUDGET's note).
  const withVectorHits =
    Boolean(options.withVectorHits) &&
    (options.budget !== undefined || candidateBudget(passages, { withVectorHits: true }) < candidateBudget(passages));
  const budget = options.budget ?? candidateBudget(passages, { withVectorHits });
  const byRarity = [...terms].sort((a, b) => a.df - b.df || a.tsquery.localeCompare(b.tsquery));
  const byWeight = [...byRarity].sort((a, b) => b.weight - a.weight);
  const selective: TextTerm[] = [];
  let sum = 0;
  for (const t of byWeight) {
    if (selective.length > 0 && sum + t.df > budget) continue;
    sum += t.df;
    selective.push(t);
  }
  return {
    terms: byRarity,
    candidates: selective.map((t) => `(${t.tsquery})`).join(' | '),
    averageLength,
    withVectorHits,
  };
}
