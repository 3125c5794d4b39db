/**
 * Migration 011 re-derives the tsvector of passages stored before it (slash-joined words split, names kept) and
 * rebuilds the BM25 statistics from it, so an existing store searches as a new one does.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';

const MIGRATIONS = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));
const before = mkdtempSync(join(tmpdir(), 'innspill-migrations-'));
for (const f of readdirSync(MIGRATIONS)) if (f < '011') cpSync(join(MIGRATIONS, f), join(before, f));
afterAll(() => rmSync(before, { recursive: true, force: true }));

const TEXT = 'Sagnet om gjengangere/dauinger/landdrauger er kjent i Råde.';

describe('migration 011 (search words)', () => {
  it('re-derives the tsvector and the statistics of passages stored before it', async () => {
    const db = await openPglite('memory://');
    try {
      await migrate(db, before);
      await db.query(
        `INSERT INTO documents (id, organisation, title, kind, date, date_start, format, text, content_hash)
         VALUES ('d', 'Org', 'T', 'other', '2024', '2024-01-01', 'text', $1, 'h')`,
        [TEXT],
      );
      await db.query(
        `INSERT INTO passages (id, document_id, ordinal, text, start_offset, end_offset, content_hash)
         VALUES ('d-p000', 'd', 0, $1, 0, $2, 'h')`,
        [TEXT, TEXT.length],
      );
      const lexemes = async () =>
        (await db.query<{ lexeme: string }>('SELECT lexeme FROM lexeme_stats ORDER BY lexeme')).rows.map(
          (r) => r.lexeme,
        );
      expect(await lexemes()).toContain('gjengangere/dauinger/landdrauger');

      expect(await migrate(db)).toContain('011_search_words.sql');
      const all = await lexemes();
      expect(all).toEqual(expect.arrayContaining(['gjenganger', 'dauing', 'landdraug', 'råd', 'råde']));
      expect(all).not.toContain('gjengangere/dauinger/landdrauger');
      const { rows } = await db.query<{ hit: boolean; passages: number }>(
        `SELECT (SELECT tsv @@ 'dauing'::tsquery FROM passages) AS hit, passages FROM corpus_stats`,
      );
      expect(rows[0]).toEqual({ hit: true, passages: 1 });
    } finally {
      await db.close();
    }
  });
});
