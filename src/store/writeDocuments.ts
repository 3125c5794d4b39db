/**
 * Writes ingested documents into the store: embed first (nothing written if the embedder fails), then save every
 * document in ONE transaction with set-based statements, so a failed ingest leaves the store exactly as it was and
 * a bulk load costs a handful of statements, not a few per document.
 */
import type { IngestedDocument } from '../domain/types.js';
import type { Db } from './db.js';
import { getContentHashes, passageRows, replaceDocuments, updateDocumentsMeta, type SaveOutcome } from './documents.js';
import { embeddingInput, type VectorEmbedder } from './embeddings.js';

export interface WriteProgress {
  (event: { phase: 'embed' | 'save'; done: number; total: number }): void;
}

export interface WriteResult {
  documents: { id: string; outcome: SaveOutcome; passages: number }[];
  passagesWritten: number;
}

export async function writeDocuments(
  db: Db,
  embedder: VectorEmbedder,
  docs: IngestedDocument[],
  { onProgress, embedBatch = 512 }: { onProgress?: WriteProgress; embedBatch?: number } = {},
): Promise<WriteResult> {
  const ids = docs.map((d) => d.meta.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`duplicate document id in one ingest: ${dup}`);

  // Unchanged documents need no embedding: sort them out before the expensive step.
  const stored = await getContentHashes(db, { ids });
  const changed = docs.filter((d) => stored.get(d.meta.id) !== d.contentHash);
  const unchanged = docs.filter((d) => stored.get(d.meta.id) === d.contentHash);
  const rows = changed.flatMap(passageRows);
  const inputs = changed.flatMap((d) => d.passages.map((p) => embeddingInput(p)));
  const staged: { id: string; embedding: number[] }[] = [];
  for (let i = 0; i < inputs.length; i += embedBatch) {
    const vectors = await embedder.embedDocuments(inputs.slice(i, i + embedBatch));
    vectors.forEach((v, j) => staged.push({ id: rows[i + j].id, embedding: v }));
    onProgress?.({ phase: 'embed', done: Math.min(i + embedBatch, inputs.length), total: inputs.length });
  }

  const metaChanged = await db.transaction(async (tx) => {
    await tx.stageEmbeddings(staged, embedder.dimension);
    await replaceDocuments(tx, { docs: changed });
    return updateDocumentsMeta(tx, { docs: unchanged });
  });
  onProgress?.({ phase: 'save', done: docs.length, total: docs.length });

  const outcome = (d: IngestedDocument): SaveOutcome =>
    !stored.has(d.meta.id) ? 'created' : stored.get(d.meta.id) !== d.contentHash ? 'replaced' : metaChanged.has(d.meta.id) ? 'metadata' : 'unchanged';
  return {
    documents: docs.map((d) => ({ id: d.meta.id, outcome: outcome(d), passages: d.passages.length })),
    passagesWritten: rows.length,
  };
}
