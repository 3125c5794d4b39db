/**
 * Retrieval eval: recall@1/5/10 and MRR for hybrid, vector-only and text-only search over each set.
 * Each set gets its own in-memory store, loaded through the real ingest and store code.
 */
import type { TextEmbedder } from '../../src/domain/embedder.js';
import { search, type SearchOptions } from '../../src/retrieve/search.js';
import { openPglite } from '../../src/store/db.js';
import { ensureEmbedder } from '../../src/store/embeddings.js';
import { migrate } from '../../src/store/migrate.js';
import { writeDocuments } from '../../src/store/writeDocuments.js';
import { seedIfEmpty } from '../../src/bootstrap/loadFiles.js';
import { firstGoldRank, rankMetrics, type RankMetrics } from '../lib/metrics.js';
import { seedSet, type RetrievalSet } from './datasets.js';
import { bm25Peer, miniSearchPeer, type PeerIndex } from './peers.js';

const MODES = ['hybrid', 'vector', 'text'] as const;
export type Mode = (typeof MODES)[number];
/** Peers run on the same stored passages and questions (./peers.ts). */
export const PEERS = ['minisearch', 'bm25'] as const;
export type Peer = (typeof PEERS)[number];

export interface RetrievalResult {
  set: string;
  mode: Mode | Peer;
  metrics: RankMetrics;
  /** Mean wall-clock ms per question (search only; the peers' index is built before). */
  msPerQuery: number;
  ranks: { id: string; rank: number | null }[];
}

async function openSetStore(set: RetrievalSet, embedder: TextEmbedder, seedDir: string) {
  const db = await openPglite('memory://');
  await migrate(db);
  await ensureEmbedder(db, embedder);
  if (set.documents) await writeDocuments(db, embedder, set.documents);
  else await seedIfEmpty({ db, embedder }, seedDir);
  return db;
}

/** Load the seed questions against the seed corpus as it is cut now. */
export async function seedQuestionsSet(
  embedder: TextEmbedder,
  casesFile: string,
  seedDir: string,
): Promise<RetrievalSet> {
  const db = await openSetStore(
    { name: 'seeds', documents: null, questions: [], goldKey: 'passage' },
    embedder,
    seedDir,
  );
  const { rows } = await db.query<{ id: string; document_id: string; text: string }>(
    'SELECT id, document_id, text FROM passages',
  );
  await db.close();
  return seedSet(
    casesFile,
    rows.map((r) => ({ id: r.id, documentId: r.document_id, text: r.text })),
  );
}

export async function runRetrievalSet(
  set: RetrievalSet,
  embedder: TextEmbedder,
  {
    seedDir = 'seeds',
    modes = MODES,
    onProgress,
    weights,
    fusion,
    peers = PEERS,
  }: {
    seedDir?: string;
    modes?: readonly Mode[];
    peers?: readonly Peer[];
    onProgress?: (done: number, total: number) => void;
    weights?: { vector: number; text: number };
    fusion?: SearchOptions['fusion'];
  } = {},
): Promise<RetrievalResult[]> {
  const db = await openSetStore(set, embedder, seedDir);
  const results: RetrievalResult[] = [];
  const total = set.questions.length * (modes.length + peers.length);
  let done = 0;
  const k = set.goldKey === 'document' ? 30 : 10;
  try {
    for (const mode of modes) {
      const ranks: RetrievalResult['ranks'] = [];
      const started = performance.now();
      for (const q of set.questions) {
        // Ask for more than 10 passages so that deduplication by document still fills ten places.
        const hits = await search(db, embedder, {
          query: q.question,
          k,
          mode,
          weights,
          fusion,
        });
        const keys = hits.map((h) => (set.goldKey === 'document' ? h.passage.documentId : h.passage.id));
        ranks.push({ id: q.id, rank: firstGoldRank(keys, q.gold, 10) });
        onProgress?.(++done, total);
      }
      const msPerQuery = round((performance.now() - started) / Math.max(1, set.questions.length));
      results.push({ set: set.name, mode, metrics: rankMetrics(ranks.map((r) => r.rank)), msPerQuery, ranks });
    }
    if (peers.length) {
      // The passages exactly as innspill stored them (cut the same way), read straight from the eval's own store.
      const { rows } = await db.query<{ id: string; document_id: string; text: string }>(
        'SELECT id, document_id, text FROM passages ORDER BY id',
      );
      const passages = rows.map((r) => ({ id: r.id, documentId: r.document_id, text: r.text }));
      const documentOf = new Map(passages.map((p) => [p.id, p.documentId]));
      for (const peer of peers) {
        const index: PeerIndex = peer === 'minisearch' ? miniSearchPeer(passages) : bm25Peer(passages);
        const ranks: RetrievalResult['ranks'] = [];
        const started = performance.now();
        for (const q of set.questions) {
          const ids = index.search(q.question, k);
          const keys = set.goldKey === 'document' ? ids.map((id) => documentOf.get(id)!) : ids;
          ranks.push({ id: q.id, rank: firstGoldRank(keys, q.gold, 10) });
          onProgress?.(++done, total);
        }
        const msPerQuery = round((performance.now() - started) / Math.max(1, set.questions.length));
        results.push({ set: set.name, mode: peer, metrics: rankMetrics(ranks.map((r) => r.rank)), msPerQuery, ranks });
      }
    }
  } finally {
    await db.close();
  }
  return results;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The retrieval table's columns, for `npm run eval:retrieval` and `npm run eval` alike. */
export const RETRIEVAL_HEADERS = ['set', 'mode', 'questions', 'recall@1', 'recall@5', 'recall@10', 'MRR', 'ms/query'];

/** One table row per set and mode, in RETRIEVAL_HEADERS' order. */
export function retrievalRows(results: RetrievalResult[]): (string | number)[][] {
  return results.map((r) => [
    r.set,
    r.mode,
    r.metrics.questions,
    r.metrics.recallAt1,
    r.metrics.recallAt5,
    r.metrics.recallAt10,
    r.metrics.mrr,
    r.msPerQuery,
  ]);
}
