/**
 * Keeps passages.embedding consistent with the configured embedder: one model and one dimension at a time.
 * Starting with a different embedder re-embeds every passage (with progress) instead of mixing vectors.
 */
import type { VectorEmbedder } from '../domain/embedder.js';
import type { Db } from './db.js';
import { dropAnnIndex } from './ann.js';

/** What the store needs of an embedder (src/domain/embedder.ts): the documents' vectors and the model's identity. */
export type { VectorEmbedder } from '../domain/embedder.js';

const GET_EMBEDDER_STATE_SQL = /* SQL */ `SELECT model, dimension FROM embedder_state`;
const SET_EMBEDDER_STATE_SQL = /* SQL */ `
  INSERT INTO embedder_state (singleton, model, dimension) VALUES (true, $1, $2)
  ON CONFLICT (singleton) DO UPDATE SET model = EXCLUDED.model, dimension = EXCLUDED.dimension, updated_at = now()`;
const SET_EMBEDDINGS_FROM_STAGE_SQL = /* SQL */ `
  UPDATE passages p SET embedding = s.embedding FROM embedding_stage s WHERE p.id = s.passage_id`;
const CLEAR_EMBEDDINGS_SQL = /* SQL */ `UPDATE passages SET embedding = NULL`;
const PASSAGES_MISSING_EMBEDDING_SQL = /* SQL */ `
  SELECT id, text, heading_text FROM passages WHERE embedding IS NULL ORDER BY id LIMIT $1`;
const COUNT_MISSING_EMBEDDINGS_SQL = /* SQL */ `SELECT count(*)::int AS n FROM passages WHERE embedding IS NULL`;

/** The text a passage is embedded as: its heading context, then its own words. */
export function embeddingInput(p: { text: string; headingText?: string; headingPath?: string[] }): string {
  const heading = p.headingText ?? (p.headingPath ?? []).join(' ');
  return heading ? `${heading}\n${p.text}` : p.text;
}

export type Progress = (done: number, total: number) => void;

/**
 * Make the store ready for `embedder`: set the column's dimension and re-embed when the model changed,
 * then embed any passage still without a vector (an interrupted re-embed resumes here).
 * @returns how many passages were embedded.
 */
export async function ensureEmbedder(db: Db, embedder: VectorEmbedder, onProgress?: Progress): Promise<number> {
  const { rows } = await db.query<{ model: string; dimension: number }>(GET_EMBEDDER_STATE_SQL);
  const state = rows[0];
  if (!state || state.model !== embedder.model || Number(state.dimension) !== embedder.dimension) {
    await db.transaction(async (tx) => {
      await dropAnnIndex(tx);
      await tx.query(CLEAR_EMBEDDINGS_SQL);
      // NOTE: the dimension is a type modifier and cannot be a bind parameter; it is an integer we own.
      await tx.query(`ALTER TABLE passages ALTER COLUMN embedding TYPE vector(${Math.trunc(embedder.dimension)})`);
      // NOTE: a passage row (text + tsvector + a 1.5 KB vector) passes PostgreSQL's 2 KB TOAST threshold, and
      // pgvector's default storage then moves the vector out of line: an exact scan detoasted every row (measured
      // 16 ms for 2.9k passages, 6 µs a row). PLAIN keeps vectors in the heap row; text and tsvector are the ones
      // compressed instead. Vectors over ~1,000 dimensions (4 KB) would not fit a page reliably, so they keep it.
      if (embedder.dimension <= 1000) await tx.query(`ALTER TABLE passages ALTER COLUMN embedding SET STORAGE PLAIN`);
      await tx.query(SET_EMBEDDER_STATE_SQL, [embedder.model, embedder.dimension]);
    });
  }
  return embedMissing(db, embedder, onProgress);
}

async function embedMissing(db: Db, embedder: VectorEmbedder, onProgress?: Progress, batch = 512): Promise<number> {
  const total = Number((await db.query<{ n: number }>(COUNT_MISSING_EMBEDDINGS_SQL)).rows[0].n);
  let done = 0;
  while (done < total) {
    const { rows } = await db.query<{ id: string; text: string; heading_text: string }>(
      PASSAGES_MISSING_EMBEDDING_SQL,
      [batch],
    );
    if (rows.length === 0) break;
    const vectors = await embedder.embedDocuments(
      rows.map((r) => embeddingInput({ text: r.text, headingText: r.heading_text })),
    );
    await db.transaction(async (tx) => {
      await tx.stageEmbeddings(
        rows.map((r, i) => ({ id: r.id, embedding: vectors[i] })),
        embedder.dimension,
      );
      await tx.query(SET_EMBEDDINGS_FROM_STAGE_SQL);
    });
    done += rows.length;
    onProgress?.(done, total);
  }
  return done;
}
