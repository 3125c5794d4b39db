/**
 * What every search reads but seldom changes (organisation names, document summaries), kept in memory until the
 * store's next write. Only stores that count their writes (Queryable.generation: PGlite, which one process owns)
 * get a memo; on PostgreSQL other processes may write, so every read goes to the database there.
 *
 * NOTE: measured at 10k passages (scratch runs, p50): the organisation names cost ~1 ms a search and the document
 * half of the passage fetch ~1.3 ms; both are a Map lookup once warm.
 */
import { rawStore } from './access.js';
import { CACHE_KEY, type Queryable } from './driver.js';

const memos = new WeakMap<object, { generation: number; entries: Map<string, unknown> }>();

/**
 * The memo of the store's current generation (a new, empty one once anything may have been written), or null when
 * the store does not count its writes. A value read from the database goes in only if the generation has not moved
 * since before the read: take the memo first, then read, then set.
 */
export function generationMemo(db: Queryable): Map<string, unknown> | null {
  const generation = db.generation?.();
  if (generation === undefined) return null;
  // One memo per store, whichever viewer it is scoped to (store/access.ts): what is kept is not filtered by viewer.
  const raw = rawStore(db);
  const key: object = raw[CACHE_KEY] ?? raw;
  const memo = memos.get(key);
  if (memo && memo.generation === generation) return memo.entries;
  const entries = new Map<string, unknown>();
  memos.set(key, { generation, entries });
  return entries;
}

/** `load()`'s result, from the memo when the store has not been written since it was loaded. */
export async function readThrough<T>(db: Queryable, key: string, load: () => Promise<T>): Promise<T> {
  const memo = generationMemo(db);
  if (!memo) return load();
  if (memo.has(key)) return memo.get(key) as T;
  const value = await load();
  memo.set(key, value);
  return value;
}
