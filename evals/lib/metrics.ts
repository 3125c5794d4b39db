/** Retrieval metrics over 1-based ranks (null = not found within the cutoff). */
export interface RankMetrics {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
}

export function rankMetrics(ranks: (number | null)[]): RankMetrics {
  const n = ranks.length || 1;
  const within = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
  return {
    questions: ranks.length,
    recallAt1: within(1),
    recallAt5: within(5),
    recallAt10: within(10),
    mrr: ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / n,
  };
}

/** First 1-based position in `ranked` whose key is in `gold`, counting each key once (dedupe). */
export function firstGoldRank(ranked: string[], gold: Set<string>, cutoff = 10): number | null {
  const seen = new Set<string>();
  for (const key of ranked) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > cutoff) return null;
    if (gold.has(key)) return seen.size;
  }
  return null;
}
