/**
 * Hybrid retrieval: a vector leg and a Norwegian full-text leg, fused with reciprocal rank fusion,
 * optionally diversified with MMR, filtered by organisation, document, kind and date.
 */
import type { PassageWithDocument } from '../domain/types.js';
import type { QueryEmbedder } from '../domain/embedder.js';
import { accessParams, readsEverything } from '../store/access.js';
import type { Queryable } from '../store/db.js';
import { getPassages, rowToPassage, withDocuments } from '../store/documents.js';
import { listOrganisations } from '../store/organisations.js';
import { parseVectorLiteral, toVectorLiteral } from '../store/vectorCodec.js';
import { EMBEDDINGS_OF_SQL, textLegSql, vectorLegSql } from '../store/searchQueries.js';
import { textQuery } from './textTerms.js';
import { convexFusion, mmr, reciprocalRankFusion, type FusedHit } from './fusion.js';
import { parseQueryIntent } from './queryIntent.js';

export interface SearchFilters {
  organisations?: string[];
  documentIds?: string[];
  kinds?: string[];
  dateFrom?: string;
  dateTo?: string;
}

export interface SearchOptions extends SearchFilters {
  query: string;
  k?: number;
  /** Which legs to run; 'hybrid' by default. */
  mode?: 'hybrid' | 'vector' | 'text';
  /** Diversify results with maximal marginal relevance (lambda 0..1, 1 = none). */
  mmrLambda?: number;
  /** Read organisation names in the question as a filter (see queryIntent.ts); on unless filters are given. */
  understandQuery?: boolean;
  /** RRF weights of the two legs (see FUSION_WEIGHTS for the measured default). */
  weights?: { vector: number; text: number };
  /** How the legs are fused: reciprocal rank fusion or a convex combination of normalised scores. */
  fusion?: { method: 'rrf' } | { method: 'convex'; alpha: number };
  /** The text leg's candidate budget (textTerms.ts candidateBudget by default); the bench sweeps it. */
  textBudget?: number;
  /** Score the vector leg's hits in the text leg too, whatever the budget (on by default; see textTerms.ts). */
  scoreVectorHits?: boolean;
}

/**
 * NOTE: the legs are not equally good, and how they are fused matters more than which RRF weights are used.
 * Measured on NorQuAD dev with the local embedder (`npm run eval:retrieval`): BM25 alone recall@5 0.960 /
 * MRR 0.904, vectors alone 0.843 / 0.758; equal-weight RRF pulled the strong leg down (0.913 / 0.831), and
 * weighting it (vector 0.7) still lost (0.928 / 0.849), because RRF throws away the score margins. A convex
 * combination of max-normalised scores with 0.8 on the text leg beats both legs: 0.966 / 0.914 (0.964 / 0.911
 * with the final v2 embedder; alpha 0.65 gave 0.958 / 0.915, 0.5 gave 0.951 / 0.895). RRF stays
 * available (`fusion: { method: 'rrf' }`) for embedders strong enough to stand beside BM25 as an equal.
 * Issue 17: with term frequencies and sections in the text leg (src/store/searchQueries.ts) the text leg alone
 * reached MRR 0.917 and alpha 0.8 pulled it down (hybrid R@1 / MRR 0.871 / 0.914 with sections at share 0.3 —
 * alpha 0.7: 0.867 / 0.909); alpha 0.9 gives 0.875 / 0.917.
 */
const FUSION_WEIGHTS = { vector: 1, text: 1 };
export const DEFAULT_FUSION: NonNullable<SearchOptions['fusion']> = { method: 'convex', alpha: 0.9 };

export interface SearchHit {
  passage: PassageWithDocument;
  scores: {
    fused: number;
    vector: number | null;
    vectorRank: number | null;
    text: number | null;
    textRank: number | null;
  };
}

/** What search needs of the embedder (src/domain/embedder.ts). */
export type { QueryEmbedder } from '../domain/embedder.js';

/** How many candidates each leg contributes before fusion. */
export function candidatePool(k: number): number {
  return Math.max(40, k * 5);
}

/**
 * The filter parameters of searchQueries.ts (five filters, then the viewer's two), or null when the search is
 * unfiltered: no filter given and a viewer who reads every document (store/access.ts).
 */
function filterParams(db: Queryable, f: SearchFilters): unknown[] | null {
  const list = (xs?: string[]) => (xs && xs.length ? xs : null);
  const params = [
    list(f.organisations?.map((o) => o.toLowerCase())),
    list(f.documentIds),
    list(f.kinds),
    f.dateFrom ?? null,
    f.dateTo ?? null,
  ];
  return params.every((p) => p === null) && readsEverything(db) ? null : [...params, ...accessParams(db)];
}

type LegHit = { id: string; score: number };

/** Vector leg: nearest passages by cosine similarity. */
export async function vectorLeg(
  db: Queryable,
  vector: number[],
  limit: number,
  filters: SearchFilters = {},
): Promise<LegHit[]> {
  const f = filterParams(db, filters);
  const { rows } = await db.query<LegHit>(vectorLegSql(f !== null), [toVectorLiteral(vector), limit, ...(f ?? [])]);
  return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

/**
 * Full-text leg: BM25 over the question's terms (see textTerms.ts for which passages are scored). `also`: passage
 * ids scored beside the budget's candidates when they have any of the terms (hybrid search gives the vector leg's
 * hits, and the budget is then HYBRID_CANDIDATE_BUDGET's; where that is no lower, they are left out: textQuery's
 * withVectorHits); a promise, so the terms are looked up meanwhile.
 */
export async function textLeg(
  db: Queryable,
  question: string,
  limit: number,
  filters: SearchFilters = {},
  options: { budget?: number; also?: Promise<string[]> | string[] } = {},
): Promise<LegHit[]> {
  const q = await textQuery(db, question, { budget: options.budget, withVectorHits: options.also !== undefined });
  if (!q?.withVectorHits) {
    // The caller awaits the vector leg itself; nothing is left here to be rejected unhandled.
    Promise.resolve(options.also).catch(() => {});
  }
  if (!q) return [];
  const f = filterParams(db, filters);
  const params: unknown[] = [
    q.candidates,
    limit,
    q.averageLength,
    q.withVectorHits ? await options.also! : [],
    q.terms.map((t) => `(${t.tsquery})`).join(' | '),
    ...q.terms.flatMap((t) => [t.tsquery, t.weight]),
    ...(f ?? []),
  ];
  const { rows } = await db.query<LegHit>(textLegSql(q.terms.length, f !== null), params);
  return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

/**
 * @example await search(db, embedder, { query: 'Hva mener Fagforbundet om skyløsning?', k: 5 })
 */
/** Apply query understanding: organisations named in the question become a filter unless one is given. */
async function withIntent(db: Queryable, opts: SearchOptions): Promise<SearchOptions> {
  if (opts.understandQuery === false || opts.organisations?.length || opts.documentIds?.length) return opts;
  const names = (await listOrganisations(db)).map((o) => o.key);
  const intent = parseQueryIntent(opts.query, names);
  return intent.organisations.length ? { ...opts, query: intent.text, organisations: intent.organisations } : opts;
}

/** The legs fused as the options say (convex combination by default). */
function fuse(opts: SearchOptions, vectorHits: LegHit[], textHits: LegHit[]): FusedHit[] {
  const fusion = opts.fusion ?? DEFAULT_FUSION;
  const weights = opts.weights ?? FUSION_WEIGHTS;
  return fusion.method === 'convex'
    ? convexFusion(vectorHits, textHits, { alpha: fusion.alpha })
    : reciprocalRankFusion(vectorHits, textHits, { vectorWeight: weights.vector, textWeight: weights.text });
}

function toHits(top: FusedHit[], passages: Map<string, PassageWithDocument>): SearchHit[] {
  return top
    .filter((h) => passages.has(h.id))
    .map((h) => ({
      passage: passages.get(h.id)!,
      scores: {
        fused: h.fused,
        vector: h.vector?.score ?? null,
        vectorRank: h.vector?.rank ?? null,
        text: h.text?.score ?? null,
        textRank: h.text?.rank ?? null,
      },
    }));
}

/**
 * Vector-only search without MMR: the leg ranks as the search does, so it asks HNSW for k rows only (it stops
 * sooner) and returns their passages itself, one statement fewer than fetching them after.
 */
async function vectorSearch(db: Queryable, vector: number[], opts: SearchOptions, k: number): Promise<SearchHit[]> {
  const f = filterParams(db, opts);
  const { rows } = await db.query<Record<string, unknown>>(vectorLegSql(f !== null, { withPassages: true }), [
    toVectorLiteral(vector),
    k,
    ...(f ?? []),
  ]);
  const passages = await withDocuments(db, rows.map(rowToPassage));
  return toHits(
    fuse(
      opts,
      rows.map((r) => ({ id: r.id as string, score: Number(r.score) })),
      [],
    ).slice(0, k),
    passages,
  );
}

/** The legs, fusion (and MMR) and the hits' passages: every statement of a search after its query embedding. */
async function rankAndFetch(
  db: Queryable,
  vector: Promise<number[] | null>,
  opts: SearchOptions,
  k: number,
): Promise<SearchHit[]> {
  const pool = candidatePool(k);
  const mode = opts.mode ?? 'hybrid';
  // Both legs at once: on PostgreSQL through a pool they run on two connections; PGlite takes them in turn.
  // NOTE (issue 17): above ~10k passages the text leg's scoring statement waits for the vector leg, whose hits it
  // scores too (so its budget can be HYBRID_CANDIDATE_BUDGET, textTerms.ts); its term look-ups still run meanwhile.
  // On PostgreSQL that puts the two statements after each other there, where they ran side by side before.
  const vectorLegHits = vector.then((v) => (v ? vectorLeg(db, v, pool, opts) : []));
  const also =
    mode === 'hybrid' && opts.scoreVectorHits !== false
      ? vectorLegHits.then((hits) => hits.map((h) => h.id))
      : undefined;
  const [vectorHits, textHits] = await Promise.all([
    vectorLegHits,
    mode === 'vector' ? [] : textLeg(db, opts.query, pool, opts, { budget: opts.textBudget, also }),
  ]);
  let fused = fuse(opts, vectorHits, textHits);
  if (opts.mmrLambda !== undefined && opts.mmrLambda < 1 && fused.length > k) {
    const ids = fused.slice(0, pool).map((h) => h.id);
    const { rows } = await db.query<{ id: string; embedding: string }>(EMBEDDINGS_OF_SQL, [ids]);
    const vectors = new Map(rows.map((r) => [r.id, parseVectorLiteral(r.embedding)]));
    fused = mmr(fused.slice(0, pool), vectors, k, opts.mmrLambda);
  }
  const top = fused.slice(0, k);
  const passages = await getPassages(db, { ids: top.map((h) => h.id) });
  return toHits(top, passages);
}

/**
 * NOTE (issue 14): on PGlite (one connection) the statements after the query embedding run as one section
 * (Queryable.readTogether), taken once the embedding is computed, so no embedding time holds the connection and a
 * search waits for a save batch at most once instead of once per statement. The organisation names before it come
 * from the store's memo, which a pending save's batches leave valid (TransactionOptions.unseen). On PostgreSQL the
 * embedding and the text leg still run side by side, the legs on two connections, as before.
 */
export async function search(db: Queryable, embedder: QueryEmbedder, options: SearchOptions): Promise<SearchHit[]> {
  const opts = await withIntent(db, options);
  const k = opts.k ?? 8;
  const mode = opts.mode ?? 'hybrid';
  const vectorOnly = mode === 'vector' && !(opts.mmrLambda !== undefined && opts.mmrLambda < 1);
  const embedding = mode === 'text' ? Promise.resolve(null) : embedder.embedQuery(opts.query);
  if (!db.readTogether) {
    if (vectorOnly) return vectorSearch(db, (await embedding)!, opts, k);
    return rankAndFetch(db, embedding, opts, k);
  }
  const vector = await embedding;
  return db.readTogether((q) =>
    vectorOnly ? vectorSearch(q, vector!, opts, k) : rankAndFetch(q, Promise.resolve(vector), opts, k),
  );
}
