/**
 * Where the verifier reads passages from: the store in the app, an in-memory list in tests and evals.
 */
import type { PassageWithDocument } from '../domain/types.js';
import type { Queryable } from '../store/db.js';
import { findPassagesContaining, getPassages } from '../store/documents.js';
import { words } from '../text/words.js';

export interface PassageSource {
  /** The passages with these ids (missing ids are simply absent from the map). */
  getPassages(ids: string[]): Promise<Map<string, PassageWithDocument>>;
  /** Passages whose text contains `text` as an exact, case-insensitive substring, to find where a quote really is. */
  findContaining(text: string, limit: number): Promise<PassageWithDocument[]>;
  /** Optional search candidates (e.g. hybrid retrieval) for quotes that differ from the source in more than case. */
  search?(text: string, k: number): Promise<PassageWithDocument[]>;
}

/**
 * A PassageSource over the store (PGlite or PostgreSQL). Pass `search` to also use retrieval for candidates.
 * @example const source = storePassageSource(db); await verifyDraft(draft, { source });
 */
export function storePassageSource(
  db: Queryable,
  opts: { search?: (text: string, k: number) => Promise<PassageWithDocument[]> } = {},
): PassageSource {
  return {
    getPassages: (ids) => getPassages(db, { ids }),
    findContaining: (text, limit) => findPassagesContaining(db, { text, limit }),
    ...(opts.search ? { search: opts.search } : {}),
  };
}

/**
 * A PassageSource over passages held in memory. `search` ranks by shared words (a small stand-in for hybrid search).
 */
export function memoryPassageSource(passages: Iterable<PassageWithDocument>): PassageSource {
  const byId = new Map<string, PassageWithDocument>();
  for (const p of passages) byId.set(p.id, p);
  const all = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lower = all.map((p) => p.text.toLowerCase());
  const vocab = all.map((p) => new Set(words(p.text)));
  return {
    async getPassages(ids) {
      const found = new Map<string, PassageWithDocument>();
      for (const id of ids) {
        const p = byId.get(id);
        if (p) found.set(id, p);
      }
      return found;
    },
    async findContaining(text, limit) {
      const needle = text.toLowerCase();
      const out: PassageWithDocument[] = [];
      for (let i = 0; i < all.length && out.length < limit; i++) if (lower[i].includes(needle)) out.push(all[i]);
      return out;
    },
    async search(text, k) {
      const q = new Set(words(text));
      return all
        .map((p, i) => ({ p, score: [...q].filter((w) => vocab[i].has(w)).length }))
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map((s) => s.p);
    },
  };
}
