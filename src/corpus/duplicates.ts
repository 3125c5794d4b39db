/**
 * The duplicate check: a text is stored once. A document whose cleaned text another document already holds — in
 * the store, or earlier in the same batch — is refused (an upload: 409) or skipped (a bulk ingest: reported).
 * The same document id holding the same text is not a duplicate here: that is the document itself, unchanged or
 * with new metadata, and the write decides which.
 */
import type { IngestedDocument } from '../domain/types.js';
import type { Queryable } from '../store/db.js';
import { documentsByContentHash, type TextHolder } from '../store/storedTexts.js';

export interface Duplicate extends TextHolder {
  /** The holder is a document earlier in the same batch, not yet stored. */
  inBatch?: boolean;
}

/**
 * For each document (same order), the other document that already holds its text, or undefined. One query for the
 * whole batch; within the batch the first document with a text holds it.
 * @example const [dup] = await findDuplicates(db, [doc]); if (dup) refuse(dup.id);
 */
export async function findDuplicates(db: Queryable, docs: IngestedDocument[]): Promise<(Duplicate | undefined)[]> {
  const stored = await documentsByContentHash(db, { hashes: docs.map((d) => d.contentHash) });
  const holders = new Map<string, Duplicate>(); // content hash → who holds it after the documents seen so far
  return docs.map((doc) => {
    const hash = doc.contentHash;
    const earlier = holders.get(hash);
    if (earlier) return earlier;
    const inStore = stored.get(hash) ?? [];
    const other = inStore.find((d) => d.id !== doc.meta.id);
    if (other) {
      holders.set(hash, other);
      return other;
    }
    holders.set(hash, inStore[0] ?? { id: doc.meta.id, title: doc.meta.title, inBatch: true });
    return undefined;
  });
}
