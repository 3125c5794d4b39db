/**
 * The corpus's words with their document frequencies (stemmed, passage text and headings), cached until documents
 * change. Relevance uses it to weigh a question's words: one the corpus has never used ("fiskekvotene") or uses in
 * few passages names a topic; one every passage uses ("digitale") says little.
 */
import { allPassageText, corpusVersion } from '../store/corpusText.js';
import type { Queryable } from '../store/db.js';
import { contentStems } from '../text/words.js';

/** Stemmed word → in how many passages it occurs, and how many passages there are. */
export interface CorpusStats {
  df: ReadonlyMap<string, number>;
  passages: number;
}

export interface CorpusVocabulary {
  get(): Promise<CorpusStats>;
}

/**
 * The statistics of a list of passage texts.
 * @example corpusStats(['Digitale tjenester', 'digitale løsninger']).df.get('digital') // → 2
 */
export function corpusStats(texts: Iterable<string>): CorpusStats {
  const df = new Map<string, number>();
  let passages = 0;
  for (const text of texts) {
    passages++;
    for (const s of new Set(contentStems(text))) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return { df, passages };
}

/**
 * NOTE: built in memory from every passage (tens of ms for the seeds; a few seconds at 100k passages), once per
 * change of the corpus, checked with a cheap count/max query per draft.
 */
export function corpusVocabulary(db: Queryable): CorpusVocabulary {
  let cached: { key: string; stats: CorpusStats } | null = null;
  let building: { key: string; promise: Promise<CorpusStats> } | null = null;
  const build = async (key: string) => {
    const stats = corpusStats((await allPassageText(db)).map((r) => `${r.text} ${r.heading_text}`));
    cached = { key, stats };
    return stats;
  };
  return {
    async get() {
      const key = await corpusVersion(db);
      if (cached?.key === key) return cached.stats;
      // Concurrent requests share one build.
      if (building?.key !== key) {
        const promise = build(key).finally(() => {
          if (building?.promise === promise) building = null;
        });
        building = { key, promise };
      }
      return building!.promise;
    },
  };
}
