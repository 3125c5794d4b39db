/**
 * Hybrid retrieval: a vector leg and a Norwegian full-text leg, fused with reciprocal rank fusion,
 * optionally diversified with MMR, filtered by organisation, document, kind and date.
 */
import type { PassageWithDocument } from '../domain/types.js';
import type { Queryable } from '../store/db.js';
import { getPassages } from '../store/documents.js';
import { parseVectorLiteral, toVectorLiteral } from '../store/vectorCodec.js';
import { EMBEDDINGS_OF_SQL, TEXT_LEG_SQL, VECTOR_LEG_SQL } from './queries.js';
import { mmr, reciprocalRankFusion, type FusedHit } from './fusion.js';

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
}

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

export interface QueryEmbedder {
  embedQuery(text: string): Promise<number[]>;
}

/** How many candidates each leg contributes before fusion. */
export function candidatePool(k: number): number {
  return Math.max(40, k * 5);
}

function filterParams(f: SearchFilters): unknown[] {
  const list = (xs?: string[]) => (xs && xs.length ? xs : null);
  return [
    list(f.organisations?.map((o) => o.toLowerCase())),
    list(f.documentIds),
    list(f.kinds),
    f.dateFrom ?? null,
    f.dateTo ?? null,
  ];
}

/**
 * @example await search(db, embedder, { query: 'Hva mener Fagforbundet om skyløsning?', k: 5 })
 */
export async function search(db: Queryable, embedder: QueryEmbedder, opts: SearchOptions): Promise<SearchHit[]> {
  const k = opts.k ?? 8;
  const pool = candidatePool(k);
  const mode = opts.mode ?? 'hybrid';
  const filters = filterParams(opts);
  const vectorHits =
    mode === 'text'
      ? []
      : (await db.query<{ id: string; score: number }>(VECTOR_LEG_SQL, [toVectorLiteral(await embedder.embedQuery(opts.query)), pool, ...filters])).rows;
  const textHits =
    mode === 'vector' ? [] : (await db.query<{ id: string; score: number }>(TEXT_LEG_SQL, [opts.query, pool, ...filters])).rows;
  let fused: FusedHit[] = reciprocalRankFusion(
    vectorHits.map((h) => ({ id: h.id, score: Number(h.score) })),
    textHits.map((h) => ({ id: h.id, score: Number(h.score) })),
  );
  if (opts.mmrLambda !== undefined && opts.mmrLambda < 1 && fused.length > k) {
    const ids = fused.slice(0, pool).map((h) => h.id);
    const { rows } = await db.query<{ id: string; embedding: string }>(EMBEDDINGS_OF_SQL, [ids]);
    const vectors = new Map(rows.map((r) => [r.id, parseVectorLiteral(r.embedding)]));
    fused = mmr(fused.slice(0, pool), vectors, k, opts.mmrLambda);
  }
  const top = fused.slice(0, k);
  const passages = await getPassages(db, { ids: top.map((h) => h.id) });
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
