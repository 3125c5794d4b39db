/** Rank fusion and diversity for hybrid retrieval. Pure functions, so they are tested and benchmarked alone. */

export interface LegHit {
  id: string;
  score: number;
}

export interface FusedHit {
  id: string;
  fused: number;
  vector: { score: number; rank: number } | null;
  text: { score: number; rank: number } | null;
}

/**
 * Reciprocal rank fusion (Cormack et al. 2009): each leg adds weight / (k + rank), rank 1-based.
 * k = 60 is the paper's value; it keeps one leg's top hit from drowning the other's.
 */
export function reciprocalRankFusion(
  vector: LegHit[],
  text: LegHit[],
  { k = 60, vectorWeight = 1, textWeight = 1 }: { k?: number; vectorWeight?: number; textWeight?: number } = {},
): FusedHit[] {
  const byId = new Map<string, FusedHit>();
  const get = (id: string) => {
    let h = byId.get(id);
    if (!h) byId.set(id, (h = { id, fused: 0, vector: null, text: null }));
    return h;
  };
  vector.forEach((hit, i) => {
    const h = get(hit.id);
    h.vector = { score: hit.score, rank: i + 1 };
    h.fused += vectorWeight / (k + i + 1);
  });
  text.forEach((hit, i) => {
    const h = get(hit.id);
    h.text = { score: hit.score, rank: i + 1 };
    h.fused += textWeight / (k + i + 1);
  });
  return [...byId.values()].sort((a, b) => b.fused - a.fused || a.id.localeCompare(b.id));
}

/**
 * Convex combination of per-leg scores, each divided by its leg's best score (so both lie in [0, 1]);
 * a passage missing from a leg scores 0 there. Unlike RRF it keeps the margins: a BM25 hit far ahead of the rest
 * stays ahead unless the vectors disagree strongly. `alpha` is the text leg's share.
 */
export function convexFusion(vector: LegHit[], text: LegHit[], { alpha = 0.7 }: { alpha?: number } = {}): FusedHit[] {
  const byId = new Map<string, FusedHit>();
  const get = (id: string) => {
    let h = byId.get(id);
    if (!h) byId.set(id, (h = { id, fused: 0, vector: null, text: null }));
    return h;
  };
  const vMax = Math.max(1e-9, ...vector.map((h) => h.score));
  const tMax = Math.max(1e-9, ...text.map((h) => h.score));
  vector.forEach((hit, i) => {
    const h = get(hit.id);
    h.vector = { score: hit.score, rank: i + 1 };
    h.fused += ((1 - alpha) * Math.max(0, hit.score)) / vMax;
  });
  text.forEach((hit, i) => {
    const h = get(hit.id);
    h.text = { score: hit.score, rank: i + 1 };
    h.fused += (alpha * hit.score) / tMax;
  });
  return [...byId.values()].sort((a, b) => b.fused - a.fused || a.id.localeCompare(b.id));
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Maximal marginal relevance over fused candidates: trade relevance (normalised fused score) against
 * similarity to what is already picked. lambda 1 = pure relevance.
 */
export function mmr<T extends { id: string; fused: number }>(
  candidates: T[],
  vectors: Map<string, number[]>,
  k: number,
  lambda = 0.7,
): T[] {
  const top = candidates[0]?.fused || 1;
  const picked: T[] = [];
  const rest = [...candidates];
  while (picked.length < k && rest.length) {
    let best = 0;
    let bestScore = -Infinity;
    rest.forEach((c, i) => {
      const v = vectors.get(c.id);
      const maxSim = v
        ? Math.max(
            0,
            ...picked.map((p) => {
              const w = vectors.get(p.id);
              return w ? dot(v, w) : 0;
            }),
          )
        : 0;
      const score = lambda * (c.fused / top) - (1 - lambda) * maxSim;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    picked.push(rest.splice(best, 1)[0]);
  }
  return picked;
}
