/**
 * Peer columns for `npm run eval:retrieval`: the best small search library (MiniSearch, BM25+ over an inverted
 * index in memory) and a plain Okapi BM25 with real term frequencies, both with the project's Norwegian stemmer and
 * stop words (src/text/stem.ts, src/text/words.ts), over exactly the passages innspill stored for the set and the
 * same questions. Every report shows them beside innspill's hybrid/vector/text rows, with ms per query, so a change
 * that falls behind a three-file library shows at once (issue 17).
 */
import MiniSearch from 'minisearch';
import { stem } from '../../src/text/stem.js';
import { STOPWORDS } from '../../src/text/words.js';

export interface PeerPassage {
  id: string;
  documentId: string;
  text: string;
}

export interface PeerIndex {
  name: 'minisearch' | 'bm25';
  /** Passage ids, best first. */
  search(question: string, k: number): string[];
}

/** Lower-cased word tokens, stop words dropped, stemmed: the same analysis for both peers. */
export function analyse(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOPWORDS.has(w)).map(stem);
}

/** MiniSearch 7 with default BM25+ scoring, the Norwegian stemmer and stop words. */
export function miniSearchPeer(passages: PeerPassage[]): PeerIndex {
  const ms = new MiniSearch<PeerPassage>({
    fields: ['text'],
    storeFields: [],
    processTerm: (term) => {
      const w = term.toLowerCase();
      return STOPWORDS.has(w) ? null : stem(w);
    },
  });
  ms.addAll(passages);
  return {
    name: 'minisearch',
    search: (question, k) =>
      ms
        .search(question)
        .slice(0, k)
        .map((r) => String(r.id)),
  };
}

/** Okapi BM25 (k1 1.2, b 0.75) with real term frequencies over an in-memory inverted index. */
export function bm25Peer(passages: PeerPassage[], { k1 = 1.2, b = 0.75 } = {}): PeerIndex {
  const postings = new Map<string, { i: number; tf: number }[]>();
  const lengths: number[] = [];
  passages.forEach((p, i) => {
    const terms = analyse(p.text);
    lengths.push(terms.length);
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) (postings.get(t) ?? postings.set(t, []).get(t)!).push({ i, tf: n });
  });
  const N = passages.length;
  const avg = lengths.reduce((s, l) => s + l, 0) / Math.max(1, N);
  return {
    name: 'bm25',
    search(question, k) {
      const scores = new Map<number, number>();
      for (const t of new Set(analyse(question))) {
        const list = postings.get(t);
        if (!list) continue;
        const idf = Math.log(1 + (N - list.length + 0.5) / (list.length + 0.5));
        for (const { i, tf } of list) {
          const s = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[i]) / avg));
          scores.set(i, (scores.get(i) ?? 0) + s);
        }
      }
      return [...scores]
        .sort((x, y) => y[1] - x[1] || x[0] - y[0])
        .slice(0, k)
        .map(([i]) => passages[i].id);
    },
  };
}
