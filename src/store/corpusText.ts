/**
 * The corpus's text as a whole, for callers that build something from every passage (drafting's vocabulary):
 * a cheap version key that changes whenever documents change, and every passage's text and headings.
 */
import type { Queryable } from './db.js';
import { documentVisible, passageVisible } from './visibility.js';

const CORPUS_VERSION_SQL = /* SQL */ `
  SELECT (SELECT count(*)::int FROM passages p WHERE ${passageVisible('p')}) AS passages,
         (SELECT coalesce(max(d.updated_at)::text, '') FROM documents d WHERE ${documentVisible('d')}) AS updated`;

const ALL_PASSAGE_TEXT_SQL = /* SQL */ `SELECT p.text, p.heading_text FROM passages p WHERE ${passageVisible('p')}`;

/** A key that changes when passages are added or removed or a document is written. */
export async function corpusVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ passages: number; updated: string }>(CORPUS_VERSION_SQL);
  return `${rows[0].passages}|${rows[0].updated}`;
}

/** Every passage's text with its headings. */
export async function allPassageText(db: Queryable): Promise<{ text: string; heading_text: string }[]> {
  return (await db.query<{ text: string; heading_text: string }>(ALL_PASSAGE_TEXT_SQL)).rows;
}
