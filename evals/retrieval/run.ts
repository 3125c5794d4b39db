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

const MODES = ['hybrid', 'vector', 'text'] as const;
export type Mode = (typeof MODES)[number];

export interface RetrievalResult {
  set: string;
  mode: Mode;
  metrics: RankMetrics;
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
  }: {
    seedDir?: string;
    modes?: readonly Mode[];
    onProgress?: (done: number, total: number) => void;
    weights?: { vector: number; text: number };
    fusion?: SearchOptions['fusion'];
  } = {},
): Promise<RetrievalResult[]> {
  const db = await openSetStore(set, embedder, seedDir);
  const results: RetrievalResult[] = [];
  const total = set.questions.length * modes.length;
  let done = 0;
  try {
    for (const mode of modes) {
      const ranks: RetrievalResult['ranks'] = [];
      for (const q of set.questions) {
        // Ask for more than 10 passages so that deduplication by document still fills ten places.
        const hits = await search(db, embedder, {
          query: q.question,
          k: set.goldKey === 'document' ? 30 : 10,
          mode,
          weights,
          fusion,
        });
        const keys = hits.map((h) => (set.goldKey === 'document' ? h.passage.documentId : h.passage.id));
        ranks.push({ id: q.id, rank: firstGoldRank(keys, q.gold, 10) });
        onProgress?.(++done, total);
      }
      results.push({ set: set.name, mode, metrics: rankMetrics(ranks.map((r) => r.rank)), ranks });
    }
  } finally {
    await db.close();
  }
  return results;
}
