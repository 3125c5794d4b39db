/**
 * PostgreSQL itself: the store suites (queryLayer, bulkWrite) run on it as a third driver when
 * INNSPILL_TEST_DATABASE_URL is set (scripts/postgres.sh starts a server with pgvector; .ci/run does when it can).
 * This file says so in the test report either way, and checks what the README promises of such a server.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { postgresDriver, TEST_DATABASE_URL } from '../helpers/drivers.js';

describe.skipIf(!TEST_DATABASE_URL)(
  'PostgreSQL itself (INNSPILL_TEST_DATABASE_URL; unset: skipped, see scripts/postgres.sh)',
  () => {
    it('is PostgreSQL 14 or later, not PGlite, and takes every migration with pgvector', async () => {
      const { db, close } = await postgresDriver();
      try {
        const { rows } = await db.query<{ version: string; num: number }>(
          `SELECT version() AS version, current_setting('server_version_num')::int AS num`,
        );
        expect(rows[0].version).not.toContain('PGlite');
        expect(rows[0].num).toBeGreaterThanOrEqual(140000);
        await migrate(db);
        const { rows: ext } = await db.query<{ extversion: string }>(
          `SELECT extversion FROM pg_extension WHERE extname = 'vector'`,
        );
        expect(ext).toHaveLength(1);
        const { rows: tables } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('documents', 'passages', 'lexeme_stats', 'corpus_stats')`,
        );
        expect(tables[0].n).toBe(4);
      } finally {
        await close();
      }
    });
  },
);
