/**
 * Which stored documents already hold a text: the duplicate check of every way a file becomes a document (upload,
 * `npm run ingest`, seeding), by the sha256 of the cleaned text (so a PDF and its DOCX export match too).
 */
import type { Queryable } from './db.js';
import { accessParams, documentReadableSql } from './access.js';
import { documentVisible } from './visibility.js';

/**
 * Stored documents the store's viewer may read ($2, $3) with any of the given content hashes ($1), in id order so
 * "the" holder is always the same one. A text held only in another organisation's internal document is no
 * duplicate for this viewer: refusing it would tell the uploader that text exists there, and would keep their own
 * organisation from storing its copy. An unscoped store (the CLI, seeding) reads everything, as before.
 */
const DOCUMENTS_BY_CONTENT_HASH_SQL = /* SQL */ `
  SELECT d.id, d.title, d.content_hash FROM documents d
  WHERE d.content_hash = ANY($1::text[]) AND ${documentVisible('d')} AND ${documentReadableSql('d', 2)}
  ORDER BY d.id`;

export interface TextHolder {
  id: string;
  title: string;
}

/**
 * The stored documents holding each of `hashes`, in one query for a whole batch.
 * @example (await documentsByContentHash(db, { hashes: [doc.contentHash] })).get(doc.contentHash)?.[0].id
 */
export async function documentsByContentHash(
  db: Queryable,
  { hashes }: { hashes: string[] },
): Promise<Map<string, TextHolder[]>> {
  const out = new Map<string, TextHolder[]>();
  if (hashes.length === 0) return out;
  const { rows } = await db.query<{ id: string; title: string; content_hash: string }>(DOCUMENTS_BY_CONTENT_HASH_SQL, [
    [...new Set(hashes)],
    ...accessParams(db),
  ]);
  for (const r of rows) {
    const list = out.get(r.content_hash) ?? [];
    list.push({ id: r.id, title: r.title });
    out.set(r.content_hash, list);
  }
  return out;
}
