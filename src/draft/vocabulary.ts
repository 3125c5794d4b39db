/**
 * The set of stemmed words the corpus uses anywhere (passage text and headings), cached until documents change.
 * Relevance uses it to tell a question's topic words the corpus has never used ("fiskekvotene") from generic ones.
 */
import { allPassageText, corpusVersion } from '../store/corpusText.js';
import type { Queryable } from '../store/db.js';
import { contentStems } from '../text/words.js';

export interface CorpusVocabulary {
  get(): Promise<Set<string>>;
}

/**
 * NOTE: built in memory from every passage (tens of ms for the seeds; a few seconds at 100k passages), once per
 * change of the corpus, checked with a cheap count/max query per draft.
 */
export function corpusVocabulary(db: Queryable): CorpusVocabulary {
  let cached: { key: string; words: Set<string> } | null = null;
  let building: { key: string; promise: Promise<Set<string>> } | null = null;
  const build = async (key: string) => {
    const words = new Set<string>();
    for (const r of await allPassageText(db)) for (const s of contentStems(`${r.text} ${r.heading_text}`)) words.add(s);
    cached = { key, words };
    return words;
  };
  return {
    async get() {
      const key = await corpusVersion(db);
      if (cached?.key === key) return cached.words;
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
